import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_HealthCheckTable_checked_at_idx', ['checkedAt'])
@Index('LiteLLM_HealthCheckTable_model_id_model_name_checked_at_idx', ['modelId', 'modelName', 'checkedAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_HealthCheckTable_model_name_idx', ['modelName'])
@Index('LiteLLM_HealthCheckTable_status_idx', ['status'])
@Entity({ name: 'LiteLLM_HealthCheckTable' })
export class HealthCheck {
  @PrimaryColumn({ name: 'health_check_id', type: 'text' })
  healthCheckId: string;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_id', type: 'text', nullable: true })
  modelId: string | null;

  @Column({ name: 'status', type: 'text' })
  status: string;

  @Column({ name: 'healthy_count', type: 'integer', default: () => "0" })
  healthyCount: number;

  @Column({ name: 'unhealthy_count', type: 'integer', default: () => "0" })
  unhealthyCount: number;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Column({ name: 'response_time_ms', type: 'double precision', nullable: true })
  responseTimeMs: number | null;

  @Column({ name: 'details', type: 'jsonb', nullable: true })
  details: any | null;

  @Column({ name: 'checked_by', type: 'text', nullable: true })
  checkedBy: string | null;

  @Column({ name: 'checked_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  checkedAt: Date;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('HealthCheck', { description: 'One health check of a model deployment (LiteLLM_HealthCheckTable)' })
@Index('LiteLLM_HealthCheckTable_checked_at_idx', ['checkedAt'])
@Index('LiteLLM_HealthCheckTable_model_id_model_name_checked_at_idx', ['modelId', 'modelName', 'checkedAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_HealthCheckTable_model_name_idx', ['modelName'])
@Index('LiteLLM_HealthCheckTable_status_idx', ['status'])
@Entity({ name: 'LiteLLM_HealthCheckTable' })
export class HealthCheck {
  @Field(() => ID, { description: 'Check id' })
  @PrimaryColumn({ name: 'health_check_id', type: 'text' })
  healthCheckId: string;

  @Field(() => String, { description: 'Model name checked' })
  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Field(() => String, { nullable: true, description: 'Deployment id checked' })
  @Column({ name: 'model_id', type: 'text', nullable: true })
  modelId: string | null;

  @Field(() => String, { description: 'healthy or unhealthy' })
  @Column({ name: 'status', type: 'text' })
  status: string;

  @Field(() => Int, { description: 'Healthy endpoints' })
  @Column({ name: 'healthy_count', type: 'integer', default: () => "0" })
  healthyCount: number;

  @Field(() => Int, { description: 'Unhealthy endpoints' })
  @Column({ name: 'unhealthy_count', type: 'integer', default: () => "0" })
  unhealthyCount: number;

  @Field(() => String, { nullable: true, description: 'Error of a failed check' })
  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage: string | null;

  @Field(() => Float, { nullable: true, description: 'Response time, in milliseconds' })
  @Column({ name: 'response_time_ms', type: 'double precision', nullable: true })
  responseTimeMs: number | null;

  @Column({ name: 'details', type: 'jsonb', nullable: true })
  details: any | null;

  @Field(() => String, { nullable: true, description: 'Who ran the check' })
  @Column({ name: 'checked_by', type: 'text', nullable: true })
  checkedBy: string | null;

  @Field(() => DateTimeResolver, { description: 'When it ran' })
  @Column({ name: 'checked_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  checkedAt: Date;

  @Field(() => DateTimeResolver, { description: 'When it was stored' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_GuardrailsTable_guardrail_name_key', ['guardrailName'], { unique: true })
@Index('LiteLLM_GuardrailsTable_status_idx', ['status'])
@Entity({ name: 'LiteLLM_GuardrailsTable' })
export class Guardrail {
  @PrimaryColumn({ name: 'guardrail_id', type: 'text' })
  guardrailId: string;

  @Column({ name: 'guardrail_name', type: 'text' })
  guardrailName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Column({ name: 'guardrail_info', type: 'jsonb', nullable: true })
  guardrailInfo: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'status', type: 'text', default: () => "'active'::text" })
  status: string;

  @Column({ name: 'submitted_at', type: 'timestamp', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamp', precision: 3, nullable: true })
  reviewedAt: Date | null;
}

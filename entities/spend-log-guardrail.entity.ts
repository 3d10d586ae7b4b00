import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_SpendLogGuardrailIndex_guardrail_id_start_time_idx', ['guardrailId', 'startTime'])
@Index('LiteLLM_SpendLogGuardrailIndex_policy_id_start_time_idx', ['policyId', 'startTime'])
@Entity({ name: 'LiteLLM_SpendLogGuardrailIndex' })
export class SpendLogGuardrail {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @PrimaryColumn({ name: 'guardrail_id', type: 'text' })
  guardrailId: string;

  @Column({ name: 'policy_id', type: 'text', nullable: true })
  policyId: string | null;

  @Column({ name: 'start_time', type: 'timestamp', precision: 3 })
  startTime: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_DailyPolicyMetrics_date_idx', ['date'])
@Index('LiteLLM_DailyPolicyMetrics_policy_id_idx', ['policyId'])
@Entity({ name: 'LiteLLM_DailyPolicyMetrics' })
export class DailyPolicyMetrics {
  @PrimaryColumn({ name: 'policy_id', type: 'text' })
  policyId: string;

  @PrimaryColumn({ name: 'date', type: 'text' })
  date: string;

  @Column({ name: 'requests_evaluated', type: 'bigint', default: () => "0" })
  requestsEvaluated: number;

  @Column({ name: 'passed_count', type: 'bigint', default: () => "0" })
  passedCount: number;

  @Column({ name: 'blocked_count', type: 'bigint', default: () => "0" })
  blockedCount: number;

  @Column({ name: 'flagged_count', type: 'bigint', default: () => "0" })
  flaggedCount: number;

  @Column({ name: 'avg_score', type: 'double precision', nullable: true })
  avgScore: number | null;

  @Column({ name: 'avg_latency_ms', type: 'double precision', nullable: true })
  avgLatencyMs: number | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

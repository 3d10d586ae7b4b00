import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';

@ObjectType('DailyGuardrailMetrics', { description: 'One day of a guardrail (LiteLLM_DailyGuardrailMetrics)' })
@Index('LiteLLM_DailyGuardrailMetrics_date_idx', ['date'])
@Index('LiteLLM_DailyGuardrailMetrics_guardrail_id_idx', ['guardrailId'])
@Entity({ name: 'LiteLLM_DailyGuardrailMetrics' })
export class DailyGuardrailMetrics {
  @Field(() => ID, { description: 'The guardrail' })
  @PrimaryColumn({ name: 'guardrail_id', type: 'text' })
  guardrailId: string;

  @Field(() => String, { description: 'The day (YYYY-MM-DD, UTC)' })
  @PrimaryColumn({ name: 'date', type: 'text' })
  date: string;

  @Field(() => SafeIntResolver, { description: 'Requests it evaluated' })
  @Column({ name: 'requests_evaluated', type: 'bigint', default: () => "0" })
  requestsEvaluated: number;

  @Field(() => SafeIntResolver, { description: 'Requests it passed' })
  @Column({ name: 'passed_count', type: 'bigint', default: () => "0" })
  passedCount: number;

  @Field(() => SafeIntResolver, { description: 'Requests it blocked' })
  @Column({ name: 'blocked_count', type: 'bigint', default: () => "0" })
  blockedCount: number;

  @Field(() => SafeIntResolver, { description: 'Requests it flagged' })
  @Column({ name: 'flagged_count', type: 'bigint', default: () => "0" })
  flaggedCount: number;

  @Field(() => Float, { nullable: true, description: 'Average score' })
  @Column({ name: 'avg_score', type: 'double precision', nullable: true })
  avgScore: number | null;

  @Field(() => Float, { nullable: true, description: 'Average latency, in milliseconds' })
  @Column({ name: 'avg_latency_ms', type: 'double precision', nullable: true })
  avgLatencyMs: number | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';

@ObjectType('Budget', { description: 'A reusable budget and rate-limit tier (LiteLLM_BudgetTable) that organizations, keys, end users, team and organization memberships and tags link to' })
@Entity({ name: 'LiteLLM_BudgetTable' })
export class Budget {
  @Field(() => ID, { description: 'Tier id (budget_id)' })
  @PrimaryColumn({ name: 'budget_id', type: 'text' })
  id: string;

  @Field(() => Float, { nullable: true, description: 'Spend limit in USD per budget period for each row linked to this tier; null means no limit' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float, { nullable: true, description: 'Alert threshold in USD: crossing it sends an alert but blocks nothing; null means no alert' })
  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests; null means unlimited' })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum tokens per minute; null means unlimited' })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum requests per minute; null means unlimited' })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  @Column({ name: 'model_max_budget', type: 'jsonb', nullable: true })
  modelMaxBudget: any | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1h', '1d', '7d', '30d', '1mo'…); null means linked spend never resets" })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the period next ends and the reset job zeroes the spend of linked rows (UTC); null without a budgetDuration' })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => DateTimeResolver, { description: 'When the tier was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who created the tier' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the tier was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed the tier' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => [String], { nullable: true, description: 'Models allowed under this tier; empty or null means no restriction' })
  @Column({ name: 'allowed_models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedModels: string[] | null;
}

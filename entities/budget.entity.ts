import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';

@ObjectType('Budget')
@Entity({ name: 'LiteLLM_BudgetTable' })
export class Budget {
  @Field(() => ID)
  @PrimaryColumn({ name: 'budget_id', type: 'text' })
  id: string;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'model_max_budget', type: 'jsonb', nullable: true })
  modelMaxBudget: any | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => DateTimeResolver)
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String)
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver)
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String)
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'allowed_models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedModels: string[] | null;
}

import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, SafeIntScalar } from '../../src/graphql/scalars';

@InputType({ description: 'POST /budget/update: only the fields given change' })
export class UpdateBudgetInput {
  @Field(() => Float, { nullable: true, description: 'Spend limit in USD per budget period; null means no limit' })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'alert threshold, at most maxBudget' })
  softBudget?: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests; null means unlimited' })
  maxParallelRequests?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum tokens per minute; null means unlimited' })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum requests per minute; null means unlimited' })
  rpmLimit?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "'1d', '7d', '30d', '1mo', '6h'…: sets the next calendar-aligned budgetResetAt" })
  budgetDuration?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'explicit next reset (default: computed from budgetDuration)' })
  budgetResetAt?: Date | null;

  @Field(() => [String], { nullable: true, description: 'Models allowed under this tier; empty means no restriction' })
  allowedModels?: string[] | null;
}

@InputType({ description: 'POST /budget/new' })
export class CreateBudgetInput extends UpdateBudgetInput {
  @Field(() => ID, { nullable: true, description: 'default: a new UUID' })
  id?: string | null;
}

@InputType({ description: 'Budget fields of a team, user, team member, organization or end user' })
export class SetBudgetInput {
  @Field(() => Float, { nullable: true, description: 'Spend limit in USD per budget period; null means no limit' })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'teams and budget tiers only' })
  softBudget?: number | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1d', '7d', '30d', '1mo'…); sets the next calendar-aligned reset" })
  budgetDuration?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum tokens per minute; null means unlimited' })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum requests per minute; null means unlimited' })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests; null means unlimited' })
  maxParallelRequests?: number | null;

  @Field(() => ID, { nullable: true, description: 'end users and organizations: link this existing budget tier instead' })
  budgetId?: string | null;
}

@ObjectType('BudgetResetReport', { description: 'What one run of the budget reset job reset' })
export class BudgetResetReport {
  @Field({ description: 'false when another replica held the reset lock: nothing was done' })
  ran: boolean;

  @Field(() => Date, { description: 'When the job ran (UTC)' })
  at: Date;

  @Field(() => Int, { description: 'Keys whose own budget period ended: spend zeroed, next reset set' })
  keys: number;

  @Field(() => Int, { description: 'Users whose budget period ended: spend zeroed, next reset set' })
  users: number;

  @Field(() => Int, { description: 'Teams whose budget period ended: spend zeroed, next reset set' })
  teams: number;

  @Field(() => Int, { description: 'budget tiers whose reset time passed' })
  budgets: number;

  @Field(() => Int, { description: 'End users zeroed through their budget tier' })
  endUsers: number;

  @Field(() => Int, { description: 'Team memberships (LiteLLM_TeamMembership) zeroed through their budget tier' })
  teamMemberships: number;

  @Field(() => Int, { description: 'Organizations zeroed through their budget tier' })
  organizations: number;

  @Field(() => Int, { description: 'Tags (LiteLLM_TagTable) zeroed through their budget tier' })
  tags: number;

  @Field(() => Int, { description: 'keys zeroed through their budget tier' })
  tierKeys: number;
}

import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, SafeIntScalar } from '../../src/graphql/scalars';

@InputType({ description: 'POST /budget/update: only the fields given change' })
export class UpdateBudgetInput {
  @Field(() => Float, { nullable: true })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'alert threshold, at most maxBudget' })
  softBudget?: number | null;

  @Field(() => Int, { nullable: true })
  maxParallelRequests?: number | null;

  @Field(() => SafeIntScalar, { nullable: true })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true })
  rpmLimit?: number | null;

  @Field(() => GraphQLJSON, { nullable: true })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "'1d', '7d', '30d', '1mo', '6h'…: sets the next calendar-aligned budgetResetAt" })
  budgetDuration?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'explicit next reset (default: computed from budgetDuration)' })
  budgetResetAt?: Date | null;

  @Field(() => [String], { nullable: true })
  allowedModels?: string[] | null;
}

@InputType({ description: 'POST /budget/new' })
export class CreateBudgetInput extends UpdateBudgetInput {
  @Field(() => ID, { nullable: true, description: 'default: a new UUID' })
  id?: string | null;
}

@InputType({ description: 'Budget fields of a team, user, team member, organization or end user' })
export class SetBudgetInput {
  @Field(() => Float, { nullable: true })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'teams and budget tiers only' })
  softBudget?: number | null;

  @Field(() => String, { nullable: true })
  budgetDuration?: string | null;

  @Field(() => SafeIntScalar, { nullable: true })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true })
  maxParallelRequests?: number | null;

  @Field(() => ID, { nullable: true, description: 'end users and organizations: link this existing budget tier instead' })
  budgetId?: string | null;
}

@ObjectType('BudgetResetReport', { description: 'What one run of the budget reset job reset' })
export class BudgetResetReport {
  @Field({ description: 'false when another replica held the reset lock: nothing was done' })
  ran: boolean;

  @Field(() => Date)
  at: Date;

  @Field(() => Int)
  keys: number;

  @Field(() => Int)
  users: number;

  @Field(() => Int)
  teams: number;

  @Field(() => Int, { description: 'budget tiers whose reset time passed' })
  budgets: number;

  @Field(() => Int)
  endUsers: number;

  @Field(() => Int)
  teamMemberships: number;

  @Field(() => Int)
  organizations: number;

  @Field(() => Int)
  tags: number;

  @Field(() => Int, { description: 'keys zeroed through their budget tier' })
  tierKeys: number;
}

import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar, SafeIntScalar } from '../../src/graphql/scalars';

@InputType({ description: "POST /customer/new (LiteLLM's NewCustomerRequest): budget fields make a new budget tier for the customer; budgetId links an existing one instead (not both)" })
export class CreateEndUserInput {
  @Field(() => ID, { description: "Customer id: what requests send in the user field or customer header (LiteLLM_EndUserTable.user_id); CONFLICT when taken" })
  userId: string;

  @Field(() => String, { nullable: true, description: 'Display name' })
  alias?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'When true, LiteLLM rejects every request from this customer (default false)' })
  blocked?: boolean | null;

  @Field(() => String, { nullable: true, description: "Region all of this customer's requests must use: 'eu' or 'us'" })
  allowedModelRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Model used when no model of the allowed region fits the request' })
  defaultModel?: string | null;

  @Field(() => ID, { nullable: true, description: 'Link this existing budget tier (budget_id) instead of making one from the budget fields' })
  budgetId?: string | null;

  @Field(() => Float, { nullable: true, description: "Spend limit in USD of the customer's new tier" })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'Alert threshold in USD of the new tier, at most maxBudget' })
  softBudget?: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests of the new tier' })
  maxParallelRequests?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum tokens per minute of the new tier' })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum requests per minute of the new tier' })
  rpmLimit?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Per-model budgets of the new tier, {model: {max_budget, budget_duration, tpm_limit, rpm_limit}}' })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Reset period of the new tier in LiteLLM's duration grammar ('1d', '30d', '1mo'); the first reset is now plus this period, as /customer/new sets it" })
  budgetDuration?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Explicit first reset of the new tier (default: now plus budgetDuration)' })
  budgetResetAt?: Date | null;
}

@InputType({ description: "POST /customer/update (LiteLLM's UpdateCustomerRequest): omitted fields stay as they are; budget fields change the customer's own tier (a new one when it has none or shares it), budgetId links another tier (not both)" })
export class UpdateEndUserInput {
  @Field(() => String, { nullable: true, description: 'Display name; null clears it' })
  alias?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true blocks every request of this customer, false lets them through again' })
  blocked?: boolean | null;

  @Field(() => String, { nullable: true, description: "'eu' or 'us'; null allows any region" })
  allowedModelRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Model used when no model of the allowed region fits; null clears it' })
  defaultModel?: string | null;

  @Field(() => ID, { nullable: true, description: 'Link this existing budget tier (budget_id); null unlinks the tier' })
  budgetId?: string | null;

  @Field(() => Float, { nullable: true, description: "Spend limit in USD of the customer's tier; null means no limit" })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: "Alert threshold in USD of the customer's tier" })
  softBudget?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of the customer's tier ('1d', '30d', '1mo'); sets the next calendar-aligned reset" })
  budgetDuration?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "Maximum tokens per minute of the customer's tier" })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "Maximum requests per minute of the customer's tier" })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: "Maximum concurrent in-flight requests of the customer's tier" })
  maxParallelRequests?: number | null;
}

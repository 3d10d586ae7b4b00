import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { VirtualKey } from '../../entities';
import { SafeIntScalar } from '../../src/graphql/scalars';

/** The fields of a key that generateKey sets and updateKey changes. */
@InputType({ description: 'The key settings that generateKey sets and updateKey changes' })
export class KeyFieldsInput {
  @Field(() => String, { nullable: true, description: 'unique across all keys' })
  keyAlias?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. '30d', '1h', '1mo': sets expires (update: null or '-1' clears it)" })
  duration?: string | null;

  @Field(() => [String], { nullable: true, description: 'Models the key may call; empty means all models its team (or the proxy) allows' })
  models?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Key spend limit in USD per budget period; null means no limit' })
  maxBudget?: number | null;

  @Field(() => String, { nullable: true, description: 'resets spend at calendar-aligned boundaries (update: null is ignored, as in LiteLLM)' })
  budgetDuration?: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of an existing budget tier to link (LiteLLM_BudgetTable.budget_id)' })
  budgetId?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "Maximum tokens per minute with this key; within the team's limit for team keys" })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "Maximum requests per minute with this key; within the team's limit for team keys" })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests with this key' })
  maxParallelRequests?: number | null;

  @Field(() => ID, { nullable: true, description: 'user_id of the owner; null makes a team service-account key' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'team_id of the team the key belongs to; the owner must be a member' })
  teamId?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'update: replaces the stored metadata' })
  metadata?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Extra permissions as JSON, e.g. {get_spend_routes: true}' })
  permissions?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true, description: 'true blocks the key (proxy admins and the admins of its team or organization only)' })
  blocked?: boolean | null;

  @Field(() => [String], { nullable: true, description: "Proxy routes the key may call (e.g. llm_api_routes); never more than the caller's own" })
  allowedRoutes?: string[] | null;
}

@InputType({ description: 'POST /key/generate. Omitted userId means the caller (admins: no user); null makes a team service-account key.' })
export class GenerateKeyInput extends KeyFieldsInput {
  @Field(() => String, { nullable: true, description: "your own key; must start with 'sk-'" })
  key?: string | null;

  @Field(() => Float, { nullable: true, description: 'alert threshold; creates a LiteLLM_BudgetTable row linked by budget_id' })
  softBudget?: number | null;

  @Field(() => ID, { nullable: true, description: "organization_id of the key (default: its team's organization)" })
  organizationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'stored in metadata.tags, as LiteLLM does' })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'stored in metadata.guardrails' })
  guardrails?: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'stored in metadata.model_rpm_limit' })
  modelRpmLimit?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'stored in metadata.model_tpm_limit' })
  modelTpmLimit?: Record<string, unknown> | null;
}

@InputType({ description: "POST /key/update: only the fields given change" })
export class UpdateKeyInput extends KeyFieldsInput {}

@InputType({ description: 'POST /key/regenerate' })
export class RegenerateKeyInput {
  @Field(() => String, { nullable: true, description: "the new key; must start with 'sk-' (default: generated)" })
  newKey?: string | null;

  @Field(() => String, { nullable: true, description: 'keep the old key valid this long (e.g. 24h) via LiteLLM_DeprecatedVerificationToken' })
  gracePeriod?: string | null;
}

@ObjectType('GeneratedKey', { description: 'A key just created or regenerated: the raw key, shown only in this answer, and its stored row' })
export class GeneratedKey {
  @Field({ description: 'the raw key: shown this once, never stored' })
  key: string;

  @Field(() => VirtualKey, { description: 'The stored key row, as key(token:) returns it' })
  info: VirtualKey;
}

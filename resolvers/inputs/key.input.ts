import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { VirtualKey } from '../../entities';
import { SafeIntScalar } from '../../src/graphql/scalars';

/** The fields of a key that generateKey sets and updateKey changes. */
@InputType()
export class KeyFieldsInput {
  @Field(() => String, { nullable: true, description: 'unique across all keys' })
  keyAlias?: string | null;

  @Field(() => String, { nullable: true, description: "e.g. '30d', '1h', '1mo': sets expires (update: null or '-1' clears it)" })
  duration?: string | null;

  @Field(() => [String], { nullable: true })
  models?: string[] | null;

  @Field(() => Float, { nullable: true })
  maxBudget?: number | null;

  @Field(() => String, { nullable: true, description: 'resets spend at calendar-aligned boundaries (update: null is ignored, as in LiteLLM)' })
  budgetDuration?: string | null;

  @Field(() => ID, { nullable: true })
  budgetId?: string | null;

  @Field(() => SafeIntScalar, { nullable: true })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true })
  maxParallelRequests?: number | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'update: replaces the stored metadata' })
  metadata?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  permissions?: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true })
  blocked?: boolean | null;

  @Field(() => [String], { nullable: true })
  allowedRoutes?: string[] | null;
}

@InputType({ description: 'POST /key/generate. Omitted userId means the caller (admins: no user); null makes a team service-account key.' })
export class GenerateKeyInput extends KeyFieldsInput {
  @Field(() => String, { nullable: true, description: "your own key; must start with 'sk-'" })
  key?: string | null;

  @Field(() => Float, { nullable: true, description: 'alert threshold; creates a LiteLLM_BudgetTable row linked by budget_id' })
  softBudget?: number | null;

  @Field(() => ID, { nullable: true })
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

@ObjectType('GeneratedKey')
export class GeneratedKey {
  @Field({ description: 'the raw key: shown this once, never stored' })
  key: string;

  @Field(() => VirtualKey)
  info: VirtualKey;
}

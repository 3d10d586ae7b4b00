import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../src/graphql/scalars';

// Filters are on columns LiteLLM indexes (constraints.tsv); the few that are not read the whole table and say so,
// and the complexity limit counts them (LIST_SCAN_COST).

@InputType({ description: 'Indexed: organization_id (primary key)' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these organization_id values' })
  ids?: string[] | null;
}

@InputType({ description: 'Indexed: team_id, organization_id, team_alias' })
export class TeamFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these team_id values' })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only teams of this organization' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'exact team_alias' })
  alias?: string | null;
}

@InputType({ description: 'Indexed: user_id, lower(user_email), sso_user_id. role and organizationId alone read every user and cost LIST_SCAN_COST in the complexity limit' })
export class UserFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these user_id values' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'case-insensitive exact email' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'The id the SSO provider gave the user (sso_user_id, indexed)' })
  ssoUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only users with this user_role (proxy_admin, proxy_admin_viewer, internal_user, internal_user_viewer); not indexed' })
  role?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this organization (LiteLLM_OrganizationMembership); not indexed' })
  organizationId?: string | null;
}

@InputType({
  description:
    'Indexed: team_id, (user_id, team_id). The other fields have no index LiteLLM keeps: without userId or teamId they read the whole key table and cost LIST_SCAN_COST in the complexity limit (docs/api.md, "Lists")',
})
export class KeyFilter {
  @Field(() => ID, { nullable: true, description: 'Only keys owned by this user (user_id)' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only keys of this team (team_id)' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact key_alias' })
  alias?: string | null;

  @Field(() => String, { nullable: true, description: 'key_alias starting with this text (case-sensitive)' })
  aliasPrefix?: string | null;

  @Field(() => ID, { nullable: true, description: "The key's own organization_id" })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "The key's project_id" })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Keys on this budget tier (budget_id)' })
  budgetId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: blocked keys only; false: keys not blocked' })
  blocked?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Keys expiring at or after this time (keys that never expire are left out)' })
  expiresAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Keys expiring at or before this time (expired ones included)' })
  expiresBefore?: Date | null;
}

export enum KeyOrder {
  TOKEN_ASC = 'TOKEN_ASC',
  TOKEN_DESC = 'TOKEN_DESC',
  SPEND_DESC = 'SPEND_DESC',
  SPEND_ASC = 'SPEND_ASC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  CREATED_AT_ASC = 'CREATED_AT_ASC',
}
registerEnumType(KeyOrder, {
  name: 'KeyOrder',
  description: 'By key hash (indexed), or by spend or creation time: LiteLLM indexes neither, so without teamId or userId they read every key and cost LIST_SCAN_COST',
  valuesConfig: {
    TOKEN_ASC: { description: 'By key hash (token), ascending' },
    TOKEN_DESC: { description: 'By key hash (token), descending' },
    SPEND_DESC: { description: 'Highest spend first, then by key hash' },
    SPEND_ASC: { description: 'Lowest spend first, then by key hash' },
    CREATED_AT_DESC: { description: 'Newest first, then by key hash; keys LiteLLM stored without created_at come last' },
    CREATED_AT_ASC: { description: 'Oldest first, then by key hash; keys LiteLLM stored without created_at come first' },
  },
});

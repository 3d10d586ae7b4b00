import { Field, ID, InputType, registerEnumType } from 'type-graphql';

// Filters exist only on columns LiteLLM indexes (constraints.tsv), so every list stays index-bound.

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

@InputType({ description: 'Indexed: user_id, lower(user_email)' })
export class UserFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these user_id values' })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'case-insensitive exact email' })
  email?: string | null;
}

@InputType({ description: 'Indexed: token, team_id, (user_id, team_id)' })
export class KeyFilter {
  @Field(() => ID, { nullable: true, description: 'Only keys owned by this user (user_id)' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only keys of this team (team_id)' })
  teamId?: string | null;
}

export enum KeyOrder {
  TOKEN_ASC = 'TOKEN_ASC',
  TOKEN_DESC = 'TOKEN_DESC',
}
registerEnumType(KeyOrder, {
  name: 'KeyOrder',
  description: 'Keys are ordered by their hash: LiteLLM has no index on created_at',
  valuesConfig: {
    TOKEN_ASC: { description: 'By key hash (token), ascending' },
    TOKEN_DESC: { description: 'By key hash (token), descending' },
  },
});

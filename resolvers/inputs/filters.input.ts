import { Field, ID, InputType, registerEnumType } from 'type-graphql';

// Filters exist only on columns LiteLLM indexes (constraints.tsv), so every list stays index-bound.

@InputType({ description: 'Indexed: organization_id (primary key)' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}

@InputType({ description: 'Indexed: team_id, organization_id, team_alias' })
export class TeamFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'exact team_alias' })
  alias?: string | null;
}

@InputType({ description: 'Indexed: user_id, lower(user_email)' })
export class UserFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'case-insensitive exact email' })
  email?: string | null;
}

@InputType({ description: 'Indexed: token, team_id, (user_id, team_id)' })
export class KeyFilter {
  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;
}

export enum KeyOrder {
  TOKEN_ASC = 'TOKEN_ASC',
  TOKEN_DESC = 'TOKEN_DESC',
}
registerEnumType(KeyOrder, { name: 'KeyOrder', description: 'Keys are ordered by their hash: LiteLLM has no index on created_at' });

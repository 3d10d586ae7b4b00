import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../src/graphql/scalars';

@InputType({ description: 'Narrows deletedKeys; every field is an indexed column of LiteLLM_DeletedVerificationToken' })
export class DeletedKeyFilter {
  @Field(() => String, { nullable: true, description: 'The deleted key: a raw sk- key or its hash' })
  token?: string | null;

  @Field(() => String, { nullable: true, description: 'The alias the key had (exact)' })
  keyAlias?: string | null;

  @Field(() => ID, { nullable: true, description: 'Keys of this owner (user_id)' })
  userId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Keys of this team (team_id), deleted or not' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Keys of this organization' })
  organizationId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Deleted at or after this time (UTC)' })
  deletedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Deleted at or before this time (UTC)' })
  deletedTo?: Date | null;
}

@InputType({ description: 'Narrows deletedTeams; every field is an indexed column of LiteLLM_DeletedTeamTable' })
export class DeletedTeamFilter {
  @Field(() => ID, { nullable: true, description: 'The team id the team had' })
  teamId?: string | null;

  @Field(() => String, { nullable: true, description: 'The alias the team had (exact)' })
  teamAlias?: string | null;

  @Field(() => ID, { nullable: true, description: 'Teams of this organization' })
  organizationId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Deleted at or after this time (UTC)' })
  deletedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Deleted at or before this time (UTC)' })
  deletedTo?: Date | null;
}

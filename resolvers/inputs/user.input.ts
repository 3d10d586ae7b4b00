import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { User } from '../../entities';
import { SafeIntScalar } from '../../src/graphql/scalars';
import { TeamRole } from '../types/team-member.type';
import { GeneratedKey } from './key.input';

/** The user settings that createUser sets and updateUser changes (LiteLLM's request fields, camelCase). */
@InputType({ description: 'The user settings that createUser sets and updateUser changes; in an update, omitted fields stay' })
export class UserFieldsInput {
  @Field(() => String, { nullable: true, description: 'Email address (user_email); no two users share one, case-insensitively' })
  userEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Display name (user_alias); a user may change their own' })
  userAlias?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Proxy role (user_role): proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer; only proxy admins set it (createUser: default none, as LiteLLM)',
  })
  userRole?: string | null;

  @Field(() => [String], { nullable: true, description: 'Models the user may call; empty means no restriction' })
  models?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Personal spend limit in USD per budget period; null means no limit' })
  maxBudget?: number | null;

  @Field(() => String, { nullable: true, description: "Budget period ('1d', '7d', '30d', '1mo'…): sets the next calendar-aligned budgetResetAt; null clears it" })
  budgetDuration?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum tokens per minute for the user; null means unlimited' })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Maximum requests per minute for the user; null means unlimited' })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests for the user; null means unlimited' })
  maxParallelRequests?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Free-form JSON stored with the user; an update replaces it whole' })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: "A team a new user joins (LiteLLM's NewUserRequestTeam)" })
export class NewUserTeamInput {
  @Field(() => ID, { description: 'Id of the team (team_id)' })
  teamId: string;

  @Field(() => TeamRole, { nullable: true, defaultValue: TeamRole.USER, description: 'ADMIN or USER (the default)' })
  role?: TeamRole | null;
}

@InputType({ description: 'POST /user/new: a user, the teams they join, and (unless autoCreateKey is false) their first key' })
export class CreateUserInput extends UserFieldsInput {
  @Field(() => ID, { nullable: true, description: 'user_id of the new user; a new uuid4 when omitted' })
  userId?: string | null;

  @Field(() => [NewUserTeamInput], { nullable: true, description: 'Teams the user joins, each as addTeamMembers adds a member' })
  teams?: NewUserTeamInput[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: "Also make the user's first key, as LiteLLM does by default (true)" })
  autoCreateKey?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Alias of the first key; unique across all keys' })
  keyAlias?: string | null;

  @Field(() => String, { nullable: true, description: "Lifetime of the first key, e.g. '30d'; none: it never expires" })
  duration?: string | null;
}

@InputType({ description: 'POST /user/update: only the fields given change' })
export class UpdateUserInput extends UserFieldsInput {}

@InputType({ description: 'One user of a /user/bulk_update: the user and their changes' })
export class UserUpdateInput {
  @Field(() => ID, { description: 'user_id of the user to change' })
  userId: string;

  @Field(() => UpdateUserInput, { description: 'Fields to change; omitted fields stay' })
  input: UpdateUserInput;
}

@ObjectType({ description: 'What createUser made: the user and, unless autoCreateKey was false, their first key' })
export class CreatedUser {
  @Field(() => User, { description: 'The new user' })
  user: User;

  @Field(() => GeneratedKey, { nullable: true, description: "The user's first key (the raw key is in this answer only); null when autoCreateKey was false" })
  key: GeneratedKey | null;
}

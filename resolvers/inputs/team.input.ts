import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { TeamRole } from '../types/team-member.type';

@InputType({ description: "LiteLLM's /team/member_update: a member's role and limits in the team; an omitted field stays as it is, null clears it" })
export class UpdateTeamMemberInput {
  @Field(() => TeamRole, { nullable: true, description: 'The new role in members_with_roles' })
  role?: TeamRole | null;

  @Field(() => Float, { nullable: true, description: "The member's spend limit in this team, in USD (max_budget of their tier)" })
  maxBudgetInTeam?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of the member's budget in LiteLLM's duration grammar ('30d', '1mo'); sets the next calendar-aligned reset" })
  budgetDuration?: string | null;

  @Field(() => SafeIntResolver, { nullable: true, description: "The member's tokens per minute in this team" })
  tpmLimit?: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: "The member's requests per minute in this team" })
  rpmLimit?: number | null;

  @Field(() => [String], { nullable: true, description: 'Models the member may use in this team; an empty list means no restriction' })
  allowedModels?: string[] | null;
}

@InputType({ description: "A member to add to a team (LiteLLM's Member): by user_id, by email, or both, with a role and an optional budget in the team" })
export class TeamMemberInput {
  @Field(() => ID, { nullable: true, description: 'user_id of the member; with only an email, an unknown user is created with a new id' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's email; alone, it finds the user case-insensitively" })
  userEmail?: string | null;

  @Field(() => TeamRole, { nullable: true, defaultValue: TeamRole.USER, description: 'ADMIN or USER (the default)' })
  role?: TeamRole | null;

  @Field(() => Float, { nullable: true, description: "The member's own spend limit in this team, in USD: a budget tier and a LiteLLM_TeamMembership row" })
  maxBudgetInTeam?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of maxBudgetInTeam in LiteLLM's duration grammar ('30d', '1mo')" })
  budgetDuration?: string | null;
}

@InputType({ description: "A member of a new team (LiteLLM's members_with_roles entry): an existing user_id and a role" })
export class NewTeamMemberInput {
  @Field(() => ID, { description: 'user_id of the member; only proxy admins may name a user that does not exist yet (it is then created)' })
  userId: string;

  @Field(() => String, { nullable: true, description: "The member's email as stored in the members_with_roles entry" })
  userEmail?: string | null;

  @Field(() => TeamRole, { nullable: true, defaultValue: TeamRole.USER, description: 'ADMIN or USER (the default)' })
  role?: TeamRole | null;
}

@InputType({ description: "Fields of a team that /team/update changes: omitted fields stay as they are; team admins may change only teamAlias and metadata" })
export class UpdateTeamInput {
  @Field(() => String, { nullable: true, description: 'Display name (team_alias)' })
  teamAlias?: string | null;

  @Field(() => ID, { nullable: true, description: 'organization_id to move the team to (proxy admins only); an empty string takes it out of its organization' })
  organizationId?: string | null;

  @Field(() => [String], { nullable: true, description: "Models the team's keys may call; empty means all proxy models (proxy and organization admins)" })
  models?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Team spend limit in USD per budget period; null removes it (proxy and organization admins)' })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'Alert threshold in USD (proxy and organization admins)' })
  softBudget?: number | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1d', '30d', '1mo'); recomputes budgetResetAt (proxy and organization admins)" })
  budgetDuration?: string | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Tokens per minute for the team (proxy and organization admins)' })
  tpmLimit?: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Requests per minute for the team (proxy and organization admins)' })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Concurrent requests for the team (proxy and organization admins)' })
  maxParallelRequests?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Replaces the team metadata (a JSON object); team_member_budget_id is kept by the gateway' })
  metadata?: Record<string, unknown> | null;

  @Field(() => Boolean, { nullable: true, description: "When true, LiteLLM rejects every request made with the team's keys (proxy and organization admins)" })
  blocked?: boolean | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Model aliases {alias: model} kept in the team's LiteLLM_ModelTable row (proxy and organization admins)" })
  modelAliases?: Record<string, unknown> | null;

  @Field(() => Float, { nullable: true, description: "Default budget in USD of each member: the tier named by metadata.team_member_budget_id (proxy and organization admins)" })
  teamMemberBudget?: number | null;
}

@InputType({ description: "A new team, as LiteLLM's /team/new takes it" })
export class CreateTeamInput extends UpdateTeamInput {
  @Field(() => ID, { nullable: true, description: 'team_id to use; a random UUID (v4) when omitted' })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: "organization_id of the team's organization; organization admins must give one of theirs; the team must fit its models, budget and limits" })
  declare organizationId?: string | null;

  @Field(() => [NewTeamMemberInput], { nullable: true, description: 'Initial members; the caller (the proxy admin name for the master key) is added as admin when not listed' })
  members?: NewTeamMemberInput[] | null;
}

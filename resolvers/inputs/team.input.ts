import { Field, Float, ID, InputType } from 'type-graphql';
import { SafeIntScalar } from '../../src/graphql/scalars';
import { TeamRole } from '../types/team-member.type';

@InputType({ description: "LiteLLM's /team/member_update: a member's role and limits in the team; an omitted field stays as it is, null clears it" })
export class UpdateTeamMemberInput {
  @Field(() => TeamRole, { nullable: true, description: 'The new role in members_with_roles' })
  role?: TeamRole | null;

  @Field(() => Float, { nullable: true, description: "The member's spend limit in this team, in USD (max_budget of their tier)" })
  maxBudgetInTeam?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of the member's budget in LiteLLM's duration grammar ('30d', '1mo'); sets the next calendar-aligned reset" })
  budgetDuration?: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "The member's tokens per minute in this team" })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "The member's requests per minute in this team" })
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

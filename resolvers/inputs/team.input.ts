import { Field, Float, ID, InputType } from 'type-graphql';
import { TeamRole } from '../types/team-member.type';

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

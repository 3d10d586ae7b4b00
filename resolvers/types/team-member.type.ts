import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { TeamMemberEntry } from '../../src/services/members';

export enum TeamRole {
  ADMIN = 'admin',
  USER = 'user',
}
registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: "A member's role in members_with_roles",
  valuesConfig: {
    ADMIN: { description: "Team admin ('admin'): manages the team's members and all its keys" },
    USER: { description: "Team member ('user'): creates and manages their own keys in the team" },
  },
});

/** The fields of TeamMemberEntry (src/services/members.ts) that are not GraphQL fields come with this merge. */
export interface TeamMember extends TeamMemberEntry {}

/** One entry of TeamTable.members_with_roles, merged with its TeamMembership row when one exists. */
@ObjectType('TeamMember', { description: 'A member of a team: one entry of members_with_roles, merged with its LiteLLM_TeamMembership row (per-team spend and budget) when one exists' })
export class TeamMember {
  @Field(() => ID, { nullable: true, description: 'null when the entry carries only an email' })
  userId: string | null;

  @Field(() => String, { nullable: true, description: "The member's email as stored in members_with_roles; null when the entry has only a user_id" })
  userEmail: string | null;

  @Field(() => TeamRole, { description: "The member's role in the team" })
  role: TeamMemberEntry['role'];
}

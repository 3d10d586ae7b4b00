import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { TeamMemberEntry } from '../../src/services/members';

export enum TeamRole {
  ADMIN = 'admin',
  USER = 'user',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: "A member's role in members_with_roles" });

/** The fields of TeamMemberEntry (src/services/members.ts) that are not GraphQL fields come with this merge. */
export interface TeamMember extends TeamMemberEntry {}

/** One entry of TeamTable.members_with_roles, merged with its TeamMembership row when one exists. */
@ObjectType('TeamMember')
export class TeamMember {
  @Field(() => ID, { nullable: true, description: 'null when the entry carries only an email' })
  userId: string | null;

  @Field(() => String, { nullable: true })
  userEmail: string | null;

  @Field(() => TeamRole)
  role: TeamMemberEntry['role'];
}

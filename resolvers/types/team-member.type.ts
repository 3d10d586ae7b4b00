import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { TeamMembership, User } from '../../entities';
import { teamMembers } from '../../src/services/members';

export enum TeamRole {
  ADMIN = 'admin',
  USER = 'user',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: "A member's role in members_with_roles" });

/** One entry of TeamTable.members_with_roles, merged with its TeamMembership row when one exists. */
@ObjectType('TeamMember')
export class TeamMember {
  @Field(() => ID, { nullable: true, description: 'null when the entry carries only an email' })
  userId: string | null;

  @Field(() => String, { nullable: true })
  userEmail: string | null;

  @Field(() => TeamRole)
  role: TeamRole;

  teamId: string;

  teamOrganizationId: string | null;

  /** index in members_with_roles, the member list's cursor */
  position: number;

  /** looked ahead for the whole level (see Loaders.memberDetails): undefined when not fetched */
  membership?: TeamMembership | null;
  userRow?: User | null;
}

export function parseMembers(teamId: string, membersWithRoles: unknown, teamOrganizationId: string | null): TeamMember[] {
  return teamMembers(membersWithRoles).map((m) =>
    Object.assign(new TeamMember(), { ...m, role: m.role === 'admin' ? TeamRole.ADMIN : TeamRole.USER, teamId, teamOrganizationId }),
  );
}

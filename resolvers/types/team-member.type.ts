import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { TeamMembership, User } from '../../entities';

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

// LiteLLM writes '{}' for a team without members; entries may hold only user_email.
export function parseMembers(teamId: string, membersWithRoles: unknown, teamOrganizationId: string | null): TeamMember[] {
  if (!Array.isArray(membersWithRoles)) return [];
  return membersWithRoles
    .filter((m): m is Record<string, unknown> => !!m && typeof m === 'object')
    .map((m, position) =>
      Object.assign(new TeamMember(), {
        userId: typeof m.user_id === 'string' ? m.user_id : null,
        userEmail: typeof m.user_email === 'string' ? m.user_email : null,
        role: m.role === 'admin' ? TeamRole.ADMIN : TeamRole.USER,
        teamId,
        teamOrganizationId,
        position,
      }),
    );
}

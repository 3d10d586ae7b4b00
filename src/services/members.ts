import type { EntityManager } from 'typeorm';
import type { Team, TeamMembership, User } from '../../entities';

/** One entry of TeamTable.members_with_roles: the one type of a team member, GraphQL's TeamMember included. */
export interface TeamMemberEntry {
  userId: string | null;
  userEmail: string | null;
  role: 'admin' | 'user';
  /** index among the entries: the member list's cursor */
  position: number;
  teamId: string;
  teamOrganizationId: string | null;
  /** looked ahead for a whole level (src/reads/members.ts): undefined when not fetched */
  membership?: TeamMembership | null;
  userRow?: User | null;
}

type TeamRow = Pick<Team, 'id' | 'membersWithRoles'> & { organizationId?: string | null };

const parsed = new WeakMap<TeamRow, readonly TeamMemberEntry[]>();

/**
 * A team row's members_with_roles, parsed on first use and kept with the row. LiteLLM writes '{}' for a
 * team without members, and an entry may carry only a user_email; anything that is not an object is skipped.
 */
export function teamMembers(team: TeamRow): readonly TeamMemberEntry[] {
  let members = parsed.get(team);
  if (!members) {
    members = parse(team);
    parsed.set(team, members);
  }
  return members;
}

function parse(team: TeamRow): TeamMemberEntry[] {
  const json: unknown = team.membersWithRoles;
  if (!Array.isArray(json)) return [];
  const out: TeamMemberEntry[] = [];
  for (const m of json) {
    // as the SQL reads them (jsonb_typeof 'object'): arrays and scalars are not members
    if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
    const e = m as Record<string, unknown>;
    out.push({
      userId: typeof e.user_id === 'string' ? e.user_id : null,
      userEmail: typeof e.user_email === 'string' ? e.user_email : null,
      role: e.role === 'admin' ? 'admin' : 'user',
      position: out.length,
      teamId: team.id,
      teamOrganizationId: team.organizationId ?? null,
      // set by the look-ahead; present from the start so every member keeps one object shape
      membership: undefined,
      userRow: undefined,
    });
  }
  return out;
}

export function memberOf(team: TeamRow, userId: string | null): TeamMemberEntry | undefined {
  return userId === null ? undefined : teamMembers(team).find((m) => m.userId === userId);
}

/** Serializes every call that looks up or gives an email to a user (case-insensitively), so none makes a second user with it. */
export const lockUserEmail = (em: EntityManager, email: string) =>
  em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`litellm_user_email:${email.trim().toLowerCase()}`]);

/** The emails of these members, locked once each in one order (the order every caller takes them in). */
export async function lockUserEmails(em: EntityManager, members: { userEmail?: string | null }[]): Promise<void> {
  const emails = [...new Set(members.flatMap((m) => (m.userEmail ? [m.userEmail.trim().toLowerCase()] : [])))].sort();
  // one statement: the sorted rows are locked in their order
  if (emails.length)
    await em.query(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT 'litellm_user_email:' || e AS k FROM unnest($1::text[]) WITH ORDINALITY AS u(e, n) ORDER BY n) s`, [emails]);
}

/** A user a member list names, as read at the start of the call, or one the call made since. */
export interface NamedUser {
  userId: string;
  email: string | null;
  role: string | null;
  /** lower(user_email), as PostgreSQL folds it */
  folded: string | null;
  /** the organizations it is a member of */
  organizations: string[];
}

/**
 * The users a member list names, by id or by email case-insensitively, read in one statement with their roles
 * and organizations; emails compare as PostgreSQL's lower() folds them, as LiteLLM's lookups do.
 */
export class NamedUsers {
  private constructor(
    private readonly users: NamedUser[],
    private readonly folds: Map<string, string | null>,
  ) {}

  static async read(em: EntityManager, members: { userId?: string | null; userEmail?: string | null }[]): Promise<NamedUsers> {
    const rows: (NamedUser & { given: boolean })[] = await em.query(
      `WITH given AS (SELECT e, lower(e) AS folded FROM unnest($2::text[]) AS e)
       SELECT true AS given, NULL AS "userId", e AS email, NULL AS role, folded, '{}'::text[] AS organizations FROM given
       UNION ALL
       SELECT false, u.user_id, u.user_email, u.user_role, lower(u.user_email),
              coalesce((SELECT array_agg(organization_id) FROM "LiteLLM_OrganizationMembership" WHERE user_id = u.user_id), '{}')
         FROM "LiteLLM_UserTable" u
        WHERE u.user_id = ANY($1::text[]) OR lower(u.user_email) = ANY(ARRAY(SELECT folded FROM given))`,
      [members.flatMap((m) => (m.userId ? [m.userId] : [])), members.flatMap((m) => (m.userEmail ? [m.userEmail] : []))],
    );
    return new NamedUsers(
      rows.filter((r) => !r.given).map(({ given: _given, ...u }) => u),
      new Map(rows.filter((r) => r.given).map((r) => [r.email!, r.folded])),
    );
  }

  byId(id: string | null | undefined): NamedUser | undefined {
    return id ? this.users.find((u) => u.userId === id) : undefined;
  }

  /** whose user_email is exactly this one */
  withExactEmail(email: string): NamedUser[] {
    return this.users.filter((u) => u.email === email);
  }

  /** whose lower(user_email) is this email's */
  withEmail(email: string): NamedUser[] {
    const folded = this.folds.get(email);
    return folded == null ? [] : this.users.filter((u) => u.folded === folded);
  }

  /** A user this call makes: later members naming it find it. */
  made(userId: string, email: string | null): void {
    this.users.push({ userId, email, role: 'internal_user', folded: email === null ? null : (this.folds.get(email) ?? null), organizations: [] });
  }
}

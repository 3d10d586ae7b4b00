import { DataSource } from 'typeorm';
import { TeamMembership, User } from '../../entities';
import { Policy } from '../auth/policy';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { and, Page, PageArgs, pageOfList, pageWindow, PageWindow, POSITION, toPage } from '../paging';
import { cursorJson, jsonPage, PagePart } from '../paging/json';
import { JsonRow, usageJson } from './json';
import { TeamMemberEntry, teamMembers } from '../services/members';

export interface TeamRef {
  id: string;
  organizationId: string | null;
  membersWithRoles: unknown;
}

/** What a level of team members joins, from the fields the operation selects of TeamMember (all, unknown). */
export function memberJoins(selected: ReadonlySet<string> | undefined, userFields?: ReadonlySet<string>): MemberJoins {
  return {
    membership: !selected || selected.has('spend') || selected.has('budget'),
    membershipFields: selected && new Set([...(selected.has('spend') ? ['spend'] : []), ...(selected.has('budget') ? ['budgetId'] : [])]),
    user: !selected || selected.has('user'),
    userFields,
  };
}

/**
 * Whether a team row must carry members_with_roles: for members paged without joins (in memory) and for
 * totalCount; members with joins are read in SQL from the table.
 */
export function needsMembersJson(selection: Map<string, Set<string>>): boolean {
  const joins = memberJoins(selection.get('TeamMember') ?? new Set());
  return (!joins.membership && !joins.user) || (selection.get('TeamMemberConnection')?.has('totalCount') ?? false);
}

/** What a level of team members carries beyond members_with_roles: each one's TeamMembership row, user row. */
export interface MemberJoins {
  membership: boolean;
  membershipFields?: ReadonlySet<string>;
  user: boolean;
  userFields?: ReadonlySet<string>;
}

// members_with_roles as LiteLLM writes it: '{}' for none; entries that are not objects are skipped, and a
// member's position is its index among the object entries (the cursor of the member list)
const entries = (team: string) => `(SELECT x.m, (row_number() OVER (ORDER BY x.ord) - 1)::int AS position
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${team}.members_with_roles) = 'array' THEN ${team}.members_with_roles ELSE '[]'::jsonb END) WITH ORDINALITY AS x(m, ord)
   WHERE jsonb_typeof(x.m) = 'object')`;

/** A member entry's fields as text, from its members_with_roles object `o.m`. */
const ENTRY_FIELDS = `CASE WHEN jsonb_typeof(o.m->'user_id') = 'string' THEN o.m->>'user_id' END AS user_id,
                      CASE WHEN jsonb_typeof(o.m->'user_email') = 'string' THEN o.m->>'user_email' END AS user_email,
                      CASE WHEN o.m->'role' = '"admin"'::jsonb THEN 'admin' ELSE 'user' END AS role`;

/**
 * A page of members for each team. With their TeamMembership or user rows selected, in one statement:
 * members_with_roles is unnested in PostgreSQL, the page cut per team, each member's TeamMembership row
 * (by its primary key) and user row (within the caller's scope) joined, and each team's page comes back
 * as one JSON array.
 */
export async function teamMemberPages(ds: DataSource, policy: Policy, teams: readonly TeamRef[], args: PageArgs, joins: MemberJoins): Promise<Page<TeamMemberEntry>[]> {
  // nothing to join: the team rows already hold every member, and paging them costs no statement
  if (!joins.membership && !joins.user) return teams.map((team) => pageOfList(teamMembers(team), args));
  const w = pageWindow(args, POSITION);
  const tm = table(ds, TeamMembership);
  const u = table(ds, User);
  const p = new Params([teams.map((t) => t.id)]);
  const direction = w.backward ? 'DESC' : 'ASC';
  const cut = w.cursor ? `o.position ${w.backward ? '<' : '>'} ${p.add(w.cursor[0])}` : 'TRUE';
  const userScope = joins.user ? policy.userScope('u', p) : '';
  // the member's user and team ids are the membership's key: not repeated in it
  const membership = tm.jsonArray('tm', joins.membershipFields, false);
  const user = u.jsonArray('u', joins.userFields);
  // each member as [position, user_id, user_email, role, membership row or null, user row or null]
  const rows: { id: string; members: unknown[][] }[] = await ds.query(
    `SELECT t.team_id AS id, coalesce((
       SELECT json_agg(json_build_array(e.position, e.user_id, e.user_email, e.role, ${
         joins.membership ? `CASE WHEN tm.user_id IS NULL THEN NULL ELSE ${membership.sql} END` : 'NULL'
       }, ${joins.user ? `CASE WHEN u.user_id IS NULL THEN NULL ELSE ${user.sql} END` : 'NULL'}) ORDER BY e.position ${direction})
         FROM (SELECT o.position, ${ENTRY_FIELDS}
                 FROM ${entries('t')} o
                WHERE ${cut} ORDER BY o.position ${direction} LIMIT ${w.size + 1}) e${
                  joins.membership ? `\n         LEFT JOIN ${tm.table} tm ON tm.user_id = e.user_id AND tm.team_id = t.team_id` : ''
                }${joins.user ? `\n         LEFT JOIN ${u.table} u ON ${and(['u.user_id = e.user_id', userScope])}` : ''}), '[]') AS members
       FROM "LiteLLM_TeamTable" t WHERE t.team_id = ANY($1::text[])`,
    p.values,
  );
  const byTeam = new Map(rows.map((r) => [r.id, r.members]));
  return teams.map((team) => {
    const members = (byTeam.get(team.id) ?? []).map(([position, userId, userEmail, role, membershipRow, userRow]): TeamMemberEntry => {
      const spendable = joins.membership && userId !== null && policy.canSeeMemberSpend(team.id, team.organizationId, userId as string);
      return {
        userId: userId as string | null,
        userEmail: userEmail as string | null,
        role: role as 'admin' | 'user',
        position: position as number,
        teamId: team.id,
        teamOrganizationId: team.organizationId,
        // a member's TeamMembership only for callers who may see their spend, as member by member
        membership: spendable ? (membershipRow ? tm.hydrateJson(membershipRow as unknown[], membership.columns) : null) : undefined,
        userRow: joins.user ? (userRow ? u.hydrateJson(userRow as unknown[], user.columns) : null) : undefined,
      };
    });
    return toPage(members, w, (m) => [m.position]);
  });
}

/**
 * One member row of a JSON page (alias m): its entry's fields as JSON text, and its TeamMembership and user
 * rows when read.
 */
export class JsonMember {
  private membership = false;
  private userRow: JsonRow<User> | null = null;

  constructor(private readonly ds: DataSource, readonly alias: string) {}

  get userId() {
    return `coalesce(to_json(${this.alias}.user_id)::text, 'null')`;
  }

  get userEmail() {
    return `coalesce(to_json(${this.alias}.user_email)::text, 'null')`;
  }

  /** the TeamRole enum's name */
  get role() {
    return `'"' || upper(${this.alias}.role) || '"'`;
  }

  /** Spend from the member's TeamMembership row (joined by its primary key); the caller reads everything. */
  get spend() {
    this.membership = true;
    return `coalesce(${this.alias}tm.spend::text, 'null')`;
  }

  /** The member's user row, to build the user's JSON from; null in JSON when none. */
  user(): JsonRow<User> {
    return (this.userRow ??= new JsonRow(this.ds, User, `${this.alias}u`));
  }

  /**
   * The member's usage as JSON text: their daily rows for their keys in the team, deleted keys included, as
   * memberUsageLoader reads them.
   */
  usage(team: JsonRow, from: string, to: string, p: Params, selected: [string, string][], typename: string): string {
    const m = this.alias;
    const teamId = team.ref('team_id');
    const keys = `d.api_key IN (SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = ${m}.user_id AND team_id = ${teamId}
                   UNION ALL SELECT token FROM "LiteLLM_DeletedVerificationToken" WHERE user_id = ${m}.user_id AND team_id = ${teamId})`;
    return usageJson('LiteLLM_DailyUserSpend', 'user_id', `${m}.user_id`, from, to, p, selected, typename, keys);
  }

  userJson(node: string): string {
    return `CASE WHEN ${this.alias}u.user_id IS NULL THEN 'null' ELSE ${node} END`;
  }

  joins(team: string, policy: Policy, p: Params): string {
    const m = this.alias;
    return [
      this.membership ? `\n LEFT JOIN "LiteLLM_TeamMembership" ${m}tm ON ${m}tm.user_id = ${m}.user_id AND ${m}tm.team_id = ${team}.team_id` : '',
      this.userRow ? `\n LEFT JOIN "LiteLLM_UserTable" ${m}u ON ${and([`${m}u.user_id = ${m}.user_id`, policy.userScope(`${m}u`, p)])}` : '',
    ].join('');
  }
}

/**
 * A team's page of members as JSON (JSON reads): members_with_roles unnested and cut as teamMemberPages
 * does, each member's TeamMembership and user row joined by primary key when its node reads them.
 */
export function memberPageJson(team: JsonRow, member: JsonMember, policy: Policy, w: PageWindow, p: Params, node: string, parts: PagePart[]): string {
  if (w.backward) throw new Error('memberPageJson reads forward pages only');
  const cut = w.cursor ? `o.position > ${p.add(w.cursor[0])}` : 'TRUE';
  team.ref('team_id');
  team.ref('members_with_roles');
  const rows = `SELECT o.position, ${ENTRY_FIELDS}, row_number() OVER (ORDER BY o.position) AS __n FROM ${entries(team.alias)} o
     WHERE ${cut} ORDER BY o.position LIMIT ${w.size + 1}`;
  return jsonPage({ rows, alias: member.alias, node, cursor: cursorJson([`${member.alias}.position`]), joins: member.joins(team.alias, policy, p) }, w, parts);
}

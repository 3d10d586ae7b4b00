import { randomUUID } from 'node:crypto';
import { codes, GqlResult, TestGateway } from './gateway';

export interface MadePrincipal {
  userId: string;
  rawKey: string;
  token: string;
}

/**
 * A user with a role, memberships where LiteLLM keeps them (OrganizationMembership, members_with_roles,
 * UserTable.teams) and a key generated through the API by the master key.
 */
export async function makePrincipal(
  t: TestGateway,
  opts: { role: string; orgAdminOf?: string[]; orgMemberOf?: string[]; teamAdminOf?: string[]; teamMemberOf?: string[] },
): Promise<MadePrincipal> {
  const userId = `u-${randomUUID().slice(0, 8)}`;
  const email = `${userId}@example.com`;
  const teams = [...(opts.teamAdminOf ?? []), ...(opts.teamMemberOf ?? [])];
  await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams) VALUES ($1, $2, $3, $4)`, [userId, email, opts.role, teams]);
  for (const org of opts.orgAdminOf ?? []) await t.db.ds.query(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ($1, $2, 'org_admin')`, [userId, org]);
  for (const org of opts.orgMemberOf ?? []) await t.db.ds.query(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ($1, $2, 'internal_user')`, [userId, org]);
  for (const [list, role] of [[opts.teamAdminOf ?? [], 'admin'], [opts.teamMemberOf ?? [], 'user']] as const) {
    for (const team of list) {
      await t.db.ds.query(
        `UPDATE "LiteLLM_TeamTable" SET members_with_roles = (CASE WHEN jsonb_typeof(members_with_roles) = 'array' THEN members_with_roles ELSE '[]'::jsonb END)
           || jsonb_build_array(jsonb_build_object('user_id', $2::text, 'user_email', $3::text, 'role', $4::text)) WHERE team_id = $1`,
        [team, userId, email, role],
      );
    }
  }
  const r = await t.gql(`mutation($u: ID) { generateKey(input: { userId: $u }) { key info { token } } }`, { u: userId });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { userId, rawKey: r.data.generateKey.key, token: r.data.generateKey.info.token };
}

const WIDE = '2000-01-01T00:00:00Z';

/** One operation per query root, so each answer or refusal is seen on its own. */
export const ROOT_QUERIES: Record<string, string> = {
  viewer: `{ viewer { role isMasterKey user { id } } }`,
  organizations: `{ organizations(first: 100) { totalCount nodes { id } } }`,
  teams: `{ teams(first: 100) { totalCount nodes { id } } }`,
  users: `{ users(first: 100) { totalCount nodes { id } } }`,
  keys: `{ keys(first: 100) { totalCount nodes { token userId teamId } } }`,
  endUsers: `{ endUsers(first: 100) { totalCount nodes { id } } }`,
  budgets: `{ budgets(first: 100) { totalCount nodes { id } } }`,
  models: `{ models { totalCount nodes { id } } }`,
  invitations: `{ invitations { totalCount nodes { id } } }`,
  modelAccessRequests: `{ modelAccessRequests { totalCount nodes { id userId } } }`,
  spendLogs: `{ spendLogs(first: 100, filter: { from: "${new Date(Date.now() - 20 * 86400000).toISOString()}", to: "${new Date(Date.now() + 86400000).toISOString()}" }) { totalCount } }`,
  spendReport: `{ spendReport(input: { from: "${new Date(Date.now() - 300 * 86400000).toISOString().slice(0, 10)}", to: "${new Date(Date.now() + 86400000).toISOString().slice(0, 10)}", groupBy: [KEY], first: 1000 }) { rows { apiKey } totals { spend } } }`,
  errorLogs: `{ errorLogs(filter: { from: "${WIDE}" }) { totalCount } }`,
  auditLogs: `{ auditLogs { totalCount } }`,
};

export async function probe(t: TestGateway, key: string | null): Promise<Record<string, GqlResult>> {
  const out: Record<string, GqlResult> = {};
  for (const [root, query] of Object.entries(ROOT_QUERIES)) out[root] = await t.gql(query, {}, key);
  return out;
}

export const ids = (r: GqlResult, root: string, field = 'id') => (r.data?.[root]?.nodes ?? []).map((n: any) => n[field]).sort();

export function refused(r: GqlResult, code: string): void {
  if (JSON.stringify(codes(r)) !== JSON.stringify([code])) throw new Error(`expected ${code}, got ${JSON.stringify(r.errors ?? r.data)}`);
}

export async function sqlIds(t: TestGateway, sql: string, params: unknown[] = []): Promise<string[]> {
  return (await t.db.ds.query(sql, params)).map((r: any) => r.id).sort();
}

import { nextReset } from '../src/services/durations';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from './helpers/world';

// updateTeamMember, setTeamMemberBudget and resetTeamMemberSpend write what LiteLLM's /team/member_update
// and /team/{team_id}/member/{user_id}/reset_spend write (newest LiteLLM's merge-patch of member budgets).

let t: TestGateway;
let org: string;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const UPDATE = `mutation($t: ID!, $u: ID!, $i: UpdateTeamMemberInput!) { updateTeamMember(teamId: $t, userId: $u, input: $i) { userId role spend budget { id maxBudget budgetDuration tpmLimit rpmLimit allowedModels } } }`;
const RESET = `mutation($t: ID!, $u: ID!, $to: Float) { resetTeamMemberSpend(teamId: $t, userId: $u, resetTo: $to) { userId spend } }`;
const ADD = `mutation($t: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $t, members: $m) { id } }`;

async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_TeamTable', 'LiteLLM_UserTable', 'LiteLLM_TeamMembership', 'LiteLLM_BudgetTable'];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}
const membership = async (team: string, user: string) => (await q(`SELECT spend, budget_id FROM "LiteLLM_TeamMembership" WHERE team_id = $1 AND user_id = $2`, [team, user]))[0];
const tier = async (id: string) => (await q(`SELECT * FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [id]))[0];

/** A team with an admin and two plain members. */
async function world(alias: string): Promise<{ team: string; admin: MadePrincipal; a: MadePrincipal; b: MadePrincipal }> {
  const team = await makeTeam(t, alias, org);
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  const a = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
  const b = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
  return { team, admin, a, b };
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'member-updates');
});
afterAll(() => t.close());

describe('updateTeamMember', () => {
  test("the role changes in members_with_roles; the other entries stay as stored", async () => {
    const { team, a, b } = await world('roles');
    const before = (await q(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;
    const r = await t.gql(UPDATE, { t: team, u: a.userId, i: { role: 'ADMIN' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateTeamMember).toMatchObject({ userId: a.userId, role: 'ADMIN', budget: null });
    const after = (await q(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;
    expect(after).toEqual(before.map((e: any) => (e.user_id === a.userId ? { ...e, role: 'admin' } : e)));
    expect(after.find((e: any) => e.user_id === b.userId).role).toBe('user');
    // a role change alone writes no budget
    expect(await membership(team, a.userId)).toBeUndefined();
  });

  test('a role change and 20 concurrent member adds: nothing is lost (one lock for every members_with_roles write)', async () => {
    const { team, a } = await world('race');
    const adds = Array.from({ length: 20 }, (_, i) => t.gql(ADD, { t: team, m: [{ userEmail: `raced${i}@example.com` }] }));
    const results = await Promise.all([...adds, t.gql(UPDATE, { t: team, u: a.userId, i: { role: 'ADMIN' } })]);
    for (const r of results) expect(r.errors).toBeUndefined();
    const roster = (await q(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;
    expect(roster).toHaveLength(23);
    expect(roster.find((e: any) => e.user_id === a.userId).role).toBe('admin');
  });

  test('a budget with its duration (LiteLLM #25509): a tier with a calendar-aligned reset, linked by TeamMembership', async () => {
    const { team, a } = await world('budget');
    const r = await t.gql(UPDATE, { t: team, u: a.userId, i: { maxBudgetInTeam: 20, budgetDuration: '1mo', tpmLimit: 1000, allowedModels: ['gpt-4o'] } });
    expect(r.errors).toBeUndefined();
    const m = await membership(team, a.userId);
    expect(m.spend).toBe(0);
    const row = await tier(m.budget_id);
    expect(row).toMatchObject({ max_budget: 20, budget_duration: '1mo', tpm_limit: 1000, rpm_limit: null, allowed_models: ['gpt-4o'], created_by: 'default_user_id', updated_by: 'default_user_id' });
    // calendar-aligned: the first of next month at the configured reset time
    const expected = nextReset('1mo', new Date(), { timezone: t.config.timezone, resetTime: t.config.budgetResetTime })!;
    expect(row.budget_reset_at.getTime()).toBe(expected.getTime());
    expect(expected.getUTCDate()).toBe(1);
    expect(r.data.updateTeamMember.budget).toEqual({ id: m.budget_id, maxBudget: 20, budgetDuration: '1mo', tpmLimit: 1000, rpmLimit: null, allowedModels: ['gpt-4o'] });

    // a merge-patch: only what is sent changes, in place
    const again = await t.gql(UPDATE, { t: team, u: a.userId, i: { budgetDuration: '7d' } });
    expect(again.errors).toBeUndefined();
    const changed = await tier(m.budget_id);
    expect(changed).toMatchObject({ max_budget: 20, budget_duration: '7d', tpm_limit: 1000, allowed_models: ['gpt-4o'] });
    expect(changed.budget_reset_at.getTime()).not.toBe(row.budget_reset_at.getTime());
    expect((await membership(team, a.userId)).budget_id).toBe(m.budget_id);
  });

  test('clearing the last limit unlinks the tier (the member falls back to the team default); the tier row stays', async () => {
    const { team, a } = await world('clear');
    await t.gql(UPDATE, { t: team, u: a.userId, i: { maxBudgetInTeam: 5 } });
    const { budget_id } = await membership(team, a.userId);
    const r = await t.gql(UPDATE, { t: team, u: a.userId, i: { maxBudgetInTeam: null } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateTeamMember.budget).toBeNull();
    expect((await membership(team, a.userId)).budget_id).toBeNull();
    expect(await tier(budget_id)).toBeDefined();
  });

  test("a member on the team's default member tier gets a copy with its limits and reset window; the default stays", async () => {
    const { team, a } = await world('default-tier');
    const resetAt = new Date(Date.UTC(2030, 0, 1));
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, rpm_limit, budget_duration, budget_reset_at, created_by, updated_by) VALUES ('default-tier-1', 50, 7, '30d', $1, 'x', 'x')`, [resetAt]);
    await q(`UPDATE "LiteLLM_TeamTable" SET metadata = '{"team_member_budget_id": "default-tier-1"}' WHERE team_id = $1`, [team]);
    await q(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, budget_id) VALUES ($1, $2, 3, 'default-tier-1')`, [a.userId, team]);
    const r = await t.gql(UPDATE, { t: team, u: a.userId, i: { maxBudgetInTeam: 80 } });
    expect(r.errors).toBeUndefined();
    const m = await membership(team, a.userId);
    expect(m.budget_id).not.toBe('default-tier-1');
    expect(m.spend).toBe(3);
    expect(await tier(m.budget_id)).toMatchObject({ max_budget: 80, rpm_limit: 7, budget_duration: '30d', budget_reset_at: resetAt });
    expect(await tier('default-tier-1')).toMatchObject({ max_budget: 50, rpm_limit: 7 });
  });

  test('refusals write nothing: no change given, nothing to clear, a bad duration, a non-member, an unknown team', async () => {
    const { team, a } = await world('refusals');
    const before = await fingerprint();
    const cases: [Record<string, unknown>, string][] = [
      [{ t: team, u: a.userId, i: {} }, 'BAD_USER_INPUT'],
      [{ t: team, u: a.userId, i: { maxBudgetInTeam: null } }, 'BAD_USER_INPUT'],
      [{ t: team, u: a.userId, i: { maxBudgetInTeam: 1, budgetDuration: '3 weeks' } }, 'BAD_USER_INPUT'],
      [{ t: team, u: a.userId, i: { maxBudgetInTeam: -1 } }, 'BAD_USER_INPUT'],
      [{ t: team, u: 'nobody', i: { role: 'ADMIN' } }, 'NOT_FOUND'],
      [{ t: 'no-such-team', u: a.userId, i: { role: 'ADMIN' } }, 'NOT_FOUND'],
    ];
    for (const [vars, code] of cases) expect([JSON.stringify(vars), codes(await t.gql(UPDATE, vars))]).toEqual([JSON.stringify(vars), [code]]);
    expect(await fingerprint()).toBe(before);
  });

  test('setTeamMemberBudget with no limit at all writes nothing', async () => {
    const { team, a } = await world('empty-budget');
    const before = await fingerprint();
    const M = `mutation($t: ID!, $u: ID!, $i: SetBudgetInput!) { setTeamMemberBudget(teamId: $t, userId: $u, input: $i) { userId } }`;
    expect(codes(await t.gql(M, { t: team, u: a.userId, i: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(M, { t: team, u: a.userId, i: { maxBudget: null, tpmLimit: null } }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
    expect((await t.gql(M, { t: team, u: a.userId, i: { maxBudget: 9 } })).errors).toBeUndefined();
    expect((await tier((await membership(team, a.userId)).budget_id)).max_budget).toBe(9);
  });

  test("who may: the team's admins and its organization's admins; not members, viewers, other teams' admins, nor anyone on their own limits", async () => {
    const { team, admin, a, b } = await world('who');
    const other = await world('who-else');
    const orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
    const viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
    const before = await fingerprint();
    expect(codes(await t.gql(UPDATE, { t: team, u: b.userId, i: { maxBudgetInTeam: 1 } }, a.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { t: team, u: b.userId, i: { role: 'ADMIN' } }, a.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { t: team, u: b.userId, i: { maxBudgetInTeam: 1 } }, viewer.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { t: team, u: b.userId, i: { maxBudgetInTeam: 1 } }, other.admin.rawKey))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(UPDATE, { t: team, u: admin.userId, i: { maxBudgetInTeam: 1000 } }, admin.rawKey))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
    expect((await t.gql(UPDATE, { t: team, u: b.userId, i: { maxBudgetInTeam: 2 } }, admin.rawKey)).errors).toBeUndefined();
    expect((await t.gql(UPDATE, { t: team, u: a.userId, i: { role: 'ADMIN' } }, orgAdmin.rawKey)).errors).toBeUndefined();
  });
});

describe('resetTeamMemberSpend', () => {
  test("sets TeamMembership.spend to resetTo (0 by default); total_spend and the tier stay", async () => {
    const { team, admin, a } = await world('reset');
    await q(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, total_spend) VALUES ($1, $2, 12.5, 40)`, [a.userId, team]);
    const half = await t.gql(RESET, { t: team, u: a.userId, to: 2 }, admin.rawKey);
    expect(half.data.resetTeamMemberSpend).toEqual({ userId: a.userId, spend: 2 });
    const r = await t.gql(`mutation($t: ID!, $u: ID!) { resetTeamMemberSpend(teamId: $t, userId: $u) { spend } }`, { t: team, u: a.userId }, admin.rawKey);
    expect(r.data.resetTeamMemberSpend.spend).toBe(0);
    expect(await q(`SELECT spend, total_spend FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [a.userId, team])).toEqual([{ spend: 0, total_spend: 40 }]);
  });

  test('refusals write nothing: above the current spend, negative, no spend tracked, own spend, a plain member', async () => {
    const { team, admin, a, b } = await world('reset-refusals');
    await q(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ($1, $2, 4), ($3, $2, 4)`, [a.userId, team, admin.userId]);
    const before = await fingerprint();
    expect(codes(await t.gql(RESET, { t: team, u: a.userId, to: 5 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(RESET, { t: team, u: a.userId, to: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(RESET, { t: team, u: b.userId, to: 0 }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESET, { t: team, u: admin.userId, to: 0 }, admin.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RESET, { t: team, u: a.userId, to: 0 }, b.rawKey))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
    // a proxy admin may reset the team admin's
    expect((await t.gql(RESET, { t: team, u: admin.userId, to: 0 })).data.resetTeamMemberSpend.spend).toBe(0);
  });
});

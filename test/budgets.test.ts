import { runBudgetReset } from '../src/services/budget-reset';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
// TypeORM answers UPDATE … RETURNING with [rows, affected]
const updated = async (sql: string, params: unknown[] = []) => (await q(sql, params))[0];

async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_BudgetTable', 'LiteLLM_TeamTable', 'LiteLLM_UserTable', 'LiteLLM_TeamMembership', 'LiteLLM_OrganizationTable', 'LiteLLM_EndUserTable', 'LiteLLM_VerificationToken'];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

const CREATE = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id maxBudget softBudget tpmLimit rpmLimit maxParallelRequests budgetDuration budgetResetAt allowedModels modelMaxBudget createdBy } }`;

beforeAll(async () => {
  t = await startTestGateway({ config: { storeAuditLogs: true, timezone: 'Europe/Berlin' } });
});
afterAll(() => t.close());

describe('budget tiers', () => {
  test('createBudget writes the row with a calendar-aligned reset in the configured time zone', async () => {
    const r = await t.gql(CREATE, { input: { id: 'tier-gold', maxBudget: 100, softBudget: 80, tpmLimit: 5000, rpmLimit: 50, maxParallelRequests: 4, budgetDuration: '1d', allowedModels: ['gpt-4o'], modelMaxBudget: { 'gpt-4o': 10 } } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createBudget).toMatchObject({ id: 'tier-gold', maxBudget: 100, softBudget: 80, tpmLimit: 5000, rpmLimit: 50, maxParallelRequests: 4, budgetDuration: '1d', allowedModels: ['gpt-4o'], modelMaxBudget: { 'gpt-4o': 10 }, createdBy: 'default_user_id' });
    const reset = new Date(r.data.createBudget.budgetResetAt);
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(reset);
    expect(berlin).toBe('00:00');
    expect(reset.getTime() - Date.now()).toBeLessThanOrEqual(86400000);
    const [row] = await q(`SELECT max_budget, budget_duration, created_by, updated_by FROM "LiteLLM_BudgetTable" WHERE budget_id = 'tier-gold'`);
    expect(row).toEqual({ max_budget: 100, budget_duration: '1d', created_by: 'default_user_id', updated_by: 'default_user_id' });
    const [auditRow] = await q(`SELECT action, table_name FROM "LiteLLM_AuditLog" WHERE object_id = 'tier-gold'`);
    expect(auditRow).toEqual({ action: 'created', table_name: 'LiteLLM_BudgetTable' });
  });

  test('a generated id is a UUID; an explicit reset time is kept', async () => {
    const r = await t.gql(CREATE, { input: { maxBudget: 1, budgetDuration: '30d', budgetResetAt: '2030-01-01T00:00:00.000Z' } });
    expect(r.data.createBudget.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.data.createBudget.budgetResetAt).toBe('2030-01-01T00:00:00.000Z');
  });

  test.each([
    [{ maxBudget: -1 }, 'BAD_USER_INPUT', /maxBudget: must not be negative/],
    [{ softBudget: 10, maxBudget: 5 }, 'BAD_USER_INPUT', /softBudget: 10 is above the max budget of 5/],
    [{ budgetDuration: '7' }, 'BAD_USER_INPUT', /budgetDuration: '7' has no unit/],
    [{ budgetDuration: '3mo' }, 'BAD_USER_INPUT', /only 1mo/],
    [{ tpmLimit: -1 }, 'BAD_USER_INPUT', /tpmLimit/],
    [{ modelMaxBudget: [1] }, 'BAD_USER_INPUT', /modelMaxBudget/],
    [{ id: 'has spaces' }, 'BAD_USER_INPUT', /id: must be/],
    [{ id: 'tier-gold' }, 'CONFLICT', /Budget with id 'tier-gold' already exists\./],
  ])('createBudget %p → %s, nothing written', async (input, code, message) => {
    const before = await fingerprint();
    const r = await t.gql(CREATE, { input });
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0].message).toMatch(message);
    expect(await fingerprint()).toEqual(before);
  });

  test('non-finite amounts never reach the service', async () => {
    const before = await fingerprint();
    const literal = await t.gql(`mutation { createBudget(input: { maxBudget: 1e400 }) { id } }`);
    // a JSON variable cannot carry Infinity; a literal can, and GraphQL's Float refuses it
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
  });

  test('updateBudget changes the fields given and recomputes the reset; unknown id is NOT_FOUND', async () => {
    await t.gql(CREATE, { input: { id: 'tier-upd', maxBudget: 10, softBudget: 5, budgetDuration: '1d' } });
    const r = await t.gql(`mutation { updateBudget(id: "tier-upd", input: { maxBudget: 20, budgetDuration: "7d" }) { maxBudget softBudget budgetDuration budgetResetAt } }`);
    expect(r.data.updateBudget).toMatchObject({ maxBudget: 20, softBudget: 5, budgetDuration: '7d' });
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).format(new Date(r.data.updateBudget.budgetResetAt));
    expect(local).toBe('Mon, 00');
    const before = await fingerprint();
    expect(codes(await t.gql(`mutation { updateBudget(id: "nope", input: { maxBudget: 1 }) { id } }`))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(`mutation { updateBudget(id: "tier-upd", input: { softBudget: 50 }) { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
  });

  test('deleteBudget: CONFLICT while an organization uses it; otherwise links are cleared by the foreign keys', async () => {
    const [org] = await q(`SELECT budget_id FROM "LiteLLM_OrganizationTable" LIMIT 1`);
    const before = await fingerprint();
    const refused = await t.gql(`mutation($id: ID!) { deleteBudget(id: $id) }`, { id: org.budget_id });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toMatch(/is the budget of organization 'org-/);
    expect(codes(await t.gql(`mutation { deleteBudget(id: "nope") }`))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toEqual(before);

    await t.gql(CREATE, { input: { id: 'tier-del', maxBudget: 3 } });
    const [key] = await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 1`);
    const [member] = await q(`SELECT user_id, team_id FROM "LiteLLM_TeamMembership" LIMIT 1`);
    await q(`UPDATE "LiteLLM_VerificationToken" SET budget_id = 'tier-del' WHERE token = $1`, [key.token]);
    await q(`UPDATE "LiteLLM_EndUserTable" SET budget_id = 'tier-del' WHERE user_id = 'customer-0'`);
    await q(`UPDATE "LiteLLM_TeamMembership" SET budget_id = 'tier-del' WHERE user_id = $1 AND team_id = $2`, [member.user_id, member.team_id]);
    expect((await t.gql(`mutation { deleteBudget(id: "tier-del") }`)).data.deleteBudget).toBe('tier-del');
    expect(await q(`SELECT budget_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [key.token])).toEqual([{ budget_id: null }]);
    expect(await q(`SELECT budget_id FROM "LiteLLM_EndUserTable" WHERE user_id = 'customer-0'`)).toEqual([{ budget_id: null }]);
    expect(await q(`SELECT budget_id FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [member.user_id, member.team_id])).toEqual([{ budget_id: null }]);
  });

  test('only proxy admins manage tiers', async () => {
    const viewer = t.seed!.principals.find((p) => p.role === 'proxy_admin_viewer')!;
    const user = t.seed!.principals.find((p) => p.role === 'internal_user')!;
    const before = await fingerprint();
    expect(codes(await t.gql(CREATE, { input: { maxBudget: 1 } }, viewer.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CREATE, { input: { maxBudget: 1 } }, user.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`mutation { deleteBudget(id: "tier-gold") }`, {}, user.rawKey))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('budgets of teams, users, members, organizations and end users', () => {
  test('setTeamBudget: inline columns and a calendar reset', async () => {
    const [team] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" ORDER BY team_id LIMIT 1`);
    const r = await t.gql(`mutation($id: ID!) { setTeamBudget(teamId: $id, input: { maxBudget: 900, softBudget: 700, budgetDuration: "1mo", tpmLimit: 9 }) { maxBudget softBudget budgetDuration budgetResetAt tpmLimit } }`, { id: team.team_id });
    expect(r.data.setTeamBudget).toMatchObject({ maxBudget: 900, softBudget: 700, budgetDuration: '1mo', tpmLimit: 9 });
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', hour: '2-digit', hourCycle: 'h23' }).format(new Date(r.data.setTeamBudget.budgetResetAt));
    expect(local).toBe('1, 00');
    const before = await fingerprint();
    expect(codes(await t.gql(`mutation($id: ID!) { setTeamBudget(teamId: $id, input: { softBudget: 901 }) { id } }`, { id: team.team_id }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`mutation { setTeamBudget(teamId: "nope", input: { maxBudget: 1 }) { id } }`))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toEqual(before);
  });

  test('setUserBudget: inline columns; users have no soft budget', async () => {
    const [u] = await q(`SELECT user_id FROM "LiteLLM_UserTable" ORDER BY user_id LIMIT 1`);
    const r = await t.gql(`mutation($id: ID!) { setUserBudget(userId: $id, input: { maxBudget: 42, budgetDuration: "6h" }) { maxBudget budgetDuration budgetResetAt } }`, { id: u.user_id });
    expect(r.data.setUserBudget).toMatchObject({ maxBudget: 42, budgetDuration: '6h' });
    expect(new Date(r.data.setUserBudget.budgetResetAt).getUTCMinutes()).toBe(0);
    expect(codes(await t.gql(`mutation($id: ID!) { setUserBudget(userId: $id, input: { softBudget: 1 }) { id } }`, { id: u.user_id }))).toEqual(['BAD_USER_INPUT']);
  });

  test('setTeamMemberBudget creates the tier and the TeamMembership row, then updates them in place', async () => {
    const [row] = await q(`SELECT t.team_id, m->>'user_id' AS user_id FROM "LiteLLM_TeamTable" t, jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]' END) m
                            WHERE NOT EXISTS (SELECT 1 FROM "LiteLLM_TeamMembership" x WHERE x.team_id = t.team_id AND x.user_id = m->>'user_id') LIMIT 1`);
    const M = `mutation($t: ID!, $u: ID!, $i: SetBudgetInput!) { setTeamMemberBudget(teamId: $t, userId: $u, input: $i) { userId spend budget { id maxBudget budgetDuration } } }`;
    const first = await t.gql(M, { t: row.team_id, u: row.user_id, i: { maxBudget: 15, budgetDuration: '7d' } });
    expect(first.errors).toBeUndefined();
    expect(first.data.setTeamMemberBudget).toMatchObject({ userId: row.user_id, spend: 0, budget: { maxBudget: 15, budgetDuration: '7d' } });
    const tierId = first.data.setTeamMemberBudget.budget.id;
    expect(await q(`SELECT budget_id FROM "LiteLLM_TeamMembership" WHERE team_id = $1 AND user_id = $2`, [row.team_id, row.user_id])).toEqual([{ budget_id: tierId }]);
    const second = await t.gql(M, { t: row.team_id, u: row.user_id, i: { maxBudget: 25 } });
    expect(second.data.setTeamMemberBudget.budget).toEqual({ id: tierId, maxBudget: 25, budgetDuration: '7d' });
    const [outsider] = await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE NOT ($1 = ANY(coalesce(teams, '{}'))) LIMIT 1`, [row.team_id]);
    const before = await fingerprint();
    expect(codes(await t.gql(M, { t: row.team_id, u: outsider.user_id, i: { maxBudget: 1 } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(M, { t: row.team_id, u: row.user_id, i: { maxBudget: -1 } }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
  });

  test('setOrganizationBudget updates its tier; setEndUserBudget gives the end user a tier of its own or links one', async () => {
    const [org] = await q(`SELECT organization_id, budget_id FROM "LiteLLM_OrganizationTable" ORDER BY 1 LIMIT 1`);
    const r = await t.gql(`mutation($id: ID!) { setOrganizationBudget(organizationId: $id, input: { maxBudget: 5000, budgetDuration: "30d" }) { budget { id maxBudget budgetDuration } } }`, { id: org.organization_id });
    expect(r.data.setOrganizationBudget.budget).toEqual({ id: org.budget_id, maxBudget: 5000, budgetDuration: '30d' });

    const e = await t.gql(`mutation { setEndUserBudget(endUserId: "customer-1", input: { maxBudget: 2 }) { budget { id maxBudget } } }`);
    const own = e.data.setEndUserBudget.budget;
    expect(own.maxBudget).toBe(2);
    const again = await t.gql(`mutation { setEndUserBudget(endUserId: "customer-1", input: { maxBudget: 3 }) { budget { id maxBudget } } }`);
    expect(again.data.setEndUserBudget.budget).toEqual({ id: own.id, maxBudget: 3 });
    const linked = await t.gql(`mutation { setEndUserBudget(endUserId: "customer-2", input: { budgetId: "tier-gold" }) { budget { id } } }`);
    expect(linked.data.setEndUserBudget.budget).toEqual({ id: 'tier-gold' });
    const before = await fingerprint();
    expect(codes(await t.gql(`mutation { setEndUserBudget(endUserId: "customer-2", input: { budgetId: "nope" }) { id } }`))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(`mutation { setEndUserBudget(endUserId: "customer-2", input: { budgetId: "tier-gold", maxBudget: 1 }) { id } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`mutation { setEndUserBudget(endUserId: "nobody", input: { maxBudget: 1 }) { id } }`))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('the reset job', () => {
  const NOW = new Date('2026-06-10T12:00:00Z');
  const PAST = new Date('2026-06-10T11:00:00Z');

  beforeAll(async () => {
    // everything reset-relevant starts from a known state
    await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 1, budget_duration = '1d', budget_reset_at = '2026-07-01', budget_id = NULL, expires = NULL`);
    await q(`UPDATE "LiteLLM_UserTable" SET spend = 1, budget_reset_at = '2026-07-01'`);
    await q(`UPDATE "LiteLLM_TeamTable" SET spend = 1, budget_reset_at = '2026-07-01'`);
    await q(`UPDATE "LiteLLM_BudgetTable" SET budget_reset_at = '2026-07-01'`);
    await q(`UPDATE "LiteLLM_TeamMembership" SET spend = 1`);
    await q(`UPDATE "LiteLLM_EndUserTable" SET spend = 1`);
    await q(`UPDATE "LiteLLM_OrganizationTable" SET spend = 1`);
  });

  test('resets what is due, with the next calendar boundary, and cascades through budget tiers', async () => {
    const keys = await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 4`);
    const [due, expired, tierKey, tierKeyWithDuration] = keys.map((k: any) => k.token);
    await q(`UPDATE "LiteLLM_VerificationToken" SET budget_reset_at = $2, budget_duration = '7d' WHERE token = $1`, [due, PAST]);
    await q(`UPDATE "LiteLLM_VerificationToken" SET budget_reset_at = $2, expires = $2 WHERE token = $1`, [expired, PAST]);
    const [user] = await updated(`UPDATE "LiteLLM_UserTable" SET budget_reset_at = $1, budget_duration = '1d' WHERE user_id = (SELECT min(user_id) FROM "LiteLLM_UserTable") RETURNING user_id`, [PAST]);
    const [team] = await updated(`UPDATE "LiteLLM_TeamTable" SET budget_reset_at = $1, budget_duration = '6h' WHERE team_id = (SELECT min(team_id) FROM "LiteLLM_TeamTable") RETURNING team_id`, [PAST]);
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, budget_duration, budget_reset_at, created_by, updated_by) VALUES ('tier-due', 10, '1mo', $1, 'x', 'x')`, [PAST]);
    await q(`UPDATE "LiteLLM_VerificationToken" SET budget_id = 'tier-due', budget_duration = NULL WHERE token = $1`, [tierKey]);
    await q(`UPDATE "LiteLLM_VerificationToken" SET budget_id = 'tier-due' WHERE token = $1`, [tierKeyWithDuration]);
    await q(`UPDATE "LiteLLM_EndUserTable" SET budget_id = 'tier-due' WHERE user_id = 'customer-3'`);
    const [m] = await updated(`UPDATE "LiteLLM_TeamMembership" SET budget_id = 'tier-due' WHERE (user_id, team_id) = (SELECT user_id, team_id FROM "LiteLLM_TeamMembership" ORDER BY 1, 2 LIMIT 1) RETURNING user_id, team_id`);
    const [org] = await updated(`UPDATE "LiteLLM_OrganizationTable" SET budget_id = 'tier-due' WHERE organization_id = (SELECT min(organization_id) FROM "LiteLLM_OrganizationTable") RETURNING organization_id`);
    await q(`INSERT INTO "LiteLLM_TagTable" (tag_name, spend, budget_id) VALUES ('tag-due', 4, 'tier-due')`);

    const report = await runBudgetReset(t.db.ds, { now: NOW, timezone: 'UTC' });
    expect(report).toMatchObject({ ran: true, keys: 1, users: 1, teams: 1, budgets: 1, endUsers: 1, teamMemberships: 1, organizations: 1, tags: 1, tierKeys: 1 });

    const spendOf = async (table: string, col: string, id: string) => (await q(`SELECT spend, ${table === 'LiteLLM_VerificationToken' || table === 'LiteLLM_UserTable' || table === 'LiteLLM_TeamTable' ? 'budget_reset_at' : 'NULL AS budget_reset_at'} FROM "${table}" WHERE ${col} = $1`, [id]))[0];
    expect(await spendOf('LiteLLM_VerificationToken', 'token', due)).toEqual({ spend: 0, budget_reset_at: new Date('2026-06-15T00:00:00Z') });
    expect((await spendOf('LiteLLM_VerificationToken', 'token', expired)).spend).toBe(1);
    expect(await spendOf('LiteLLM_UserTable', 'user_id', user.user_id)).toEqual({ spend: 0, budget_reset_at: new Date('2026-06-11T00:00:00Z') });
    expect(await spendOf('LiteLLM_TeamTable', 'team_id', team.team_id)).toEqual({ spend: 0, budget_reset_at: new Date('2026-06-10T18:00:00Z') });
    expect((await q(`SELECT budget_reset_at FROM "LiteLLM_BudgetTable" WHERE budget_id = 'tier-due'`))[0].budget_reset_at).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect((await spendOf('LiteLLM_VerificationToken', 'token', tierKey)).spend).toBe(0);
    expect((await spendOf('LiteLLM_VerificationToken', 'token', tierKeyWithDuration)).spend).toBe(1);
    expect((await q(`SELECT spend FROM "LiteLLM_EndUserTable" WHERE user_id = 'customer-3'`))[0].spend).toBe(0);
    expect((await q(`SELECT spend FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [m.user_id, m.team_id]))[0].spend).toBe(0);
    expect((await q(`SELECT spend FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1`, [org.organization_id]))[0].spend).toBe(0);
    expect((await q(`SELECT spend FROM "LiteLLM_TagTable" WHERE tag_name = 'tag-due'`))[0].spend).toBe(0);
    // nothing else changed
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE spend = 0`))[0].n).toBe(2);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_UserTable" WHERE spend = 0`))[0].n).toBe(1);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_EndUserTable" WHERE spend = 0`))[0].n).toBe(1);

    const again = await runBudgetReset(t.db.ds, { now: NOW, timezone: 'UTC' });
    expect(again).toMatchObject({ ran: true, keys: 0, users: 0, teams: 0, budgets: 0 });
  });

  test('two concurrent runs reset each row once', async () => {
    await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 5, budget_reset_at = $1, budget_duration = '1d', expires = NULL`, [PAST]);
    const [{ n }] = await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`);
    const runs = await Promise.all([runBudgetReset(t.db.ds, { now: NOW }), runBudgetReset(t.db.ds, { now: NOW }), runBudgetReset(t.db.ds, { now: NOW })]);
    expect(runs.reduce((s, r) => s + r.keys, 0)).toBe(n);
    expect(runs.filter((r) => r.keys > 0)).toHaveLength(1);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE spend = 0 AND budget_reset_at = '2026-06-11'`))[0].n).toBe(n);
  });

  test('while another replica holds the lock, a run does nothing', async () => {
    await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 5, budget_reset_at = $1`, [PAST]);
    const runner = t.db.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended('litellm_graphql:budget_reset', 0))`);
    try {
      const blocked = await runBudgetReset(t.db.ds, { now: NOW });
      expect(blocked.ran).toBe(false);
      expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE spend = 0`))[0].n).toBe(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  test('a run that fails midway leaves every row untouched, and the next run finishes the work', async () => {
    await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 5, budget_reset_at = $1`, [PAST]);
    await q(`UPDATE "LiteLLM_UserTable" SET spend = 5, budget_reset_at = $1`, [PAST]);
    // the user step fails after the key step ran, as a crash between statements would
    await q(`ALTER TABLE "LiteLLM_UserTable" ADD CONSTRAINT crash_here CHECK (spend > 0) NOT VALID`);
    await expect(runBudgetReset(t.db.ds, { now: NOW })).rejects.toThrow(/crash_here/);
    await q(`ALTER TABLE "LiteLLM_UserTable" DROP CONSTRAINT crash_here`);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE spend = 0`))[0].n).toBe(0);
    const done = await runBudgetReset(t.db.ds, { now: NOW });
    expect(done.keys).toBeGreaterThan(0);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE spend <> 0`))[0].n).toBe(0);
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_UserTable" WHERE spend <> 0`))[0].n).toBe(0);
  });

  test('resetBudgets mutation: proxy admins only', async () => {
    const r = await t.gql(`mutation { resetBudgets { ran keys users teams budgets } }`);
    expect(r.data.resetBudgets.ran).toBe(true);
    const viewer = t.seed!.principals.find((p) => p.role === 'proxy_admin_viewer')!;
    expect(codes(await t.gql(`mutation { resetBudgets { ran } }`, {}, viewer.rawKey))).toEqual(['FORBIDDEN']);
  });
});

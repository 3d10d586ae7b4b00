import { hashKey } from '../src/services/key-format';
import { SIZES, seedDatabase, SeedReport } from '../src/seed/generate';
import { freshDatabase, TestDatabase } from './helpers/db';

let db: TestDatabase;
let report: SeedReport;
const one = async (sql: string) => (await db.ds.query(sql))[0];

beforeAll(async () => {
  db = await freshDatabase();
  report = await seedDatabase(db.ds, { ...SIZES.tiny, spendLogs: 3000, days: 20, quiet: true });
});
afterAll(() => db.drop());

test('writes the requested sizes and reports rows per second', async () => {
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_OrganizationTable"`)).n).toBe(2);
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_TeamTable"`)).n).toBe(4);
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_SpendLogs"`)).n).toBe(3000);
  expect(report.tables.LiteLLM_SpendLogs.rows).toBe(3000);
  expect(report.tables.LiteLLM_SpendLogs.rowsPerSecond).toBeGreaterThan(0);
});

test('every spend counter equals the rollup of the logs', async () => {
  const mismatches = await one(`SELECT
    (SELECT count(*) FROM "LiteLLM_VerificationToken" k WHERE abs(k.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l.api_key = k.token), 0)) > 1e-6)::int AS keys,
    (SELECT count(*) FROM "LiteLLM_UserTable" u WHERE abs(u.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l."user" = u.user_id), 0)) > 1e-6)::int AS users,
    (SELECT count(*) FROM "LiteLLM_TeamTable" t WHERE abs(t.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l.team_id = t.team_id), 0)) > 1e-6)::int AS teams,
    (SELECT count(*) FROM "LiteLLM_OrganizationTable" o WHERE abs(o.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l.organization_id = o.organization_id), 0)) > 1e-6)::int AS orgs,
    (SELECT count(*) FROM "LiteLLM_EndUserTable" e WHERE abs(e.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l.end_user = e.user_id), 0)) > 1e-6)::int AS end_users,
    (SELECT count(*) FROM "LiteLLM_TeamMembership" m WHERE abs(m.spend - coalesce((SELECT sum(spend) FROM "LiteLLM_SpendLogs" l WHERE l.team_id = m.team_id AND l."user" = m.user_id), 0)) > 1e-6)::int AS memberships`);
  expect(mismatches).toEqual({ keys: 0, users: 0, teams: 0, orgs: 0, end_users: 0, memberships: 0 });
  expect((await one(`SELECT sum(spend) > 0 AS some FROM "LiteLLM_VerificationToken"`)).some).toBe(true);
});

test('daily tables sum to the logs, per day, with repeated rows for one combination', async () => {
  for (const [table, col] of [['LiteLLM_DailyUserSpend', `NULLIF("user", '')`], ['LiteLLM_DailyTeamSpend', `NULLIF(team_id, '')`], ['LiteLLM_DailyOrganizationSpend', `NULLIF(organization_id, '')`], ['LiteLLM_DailyEndUserSpend', `NULLIF(end_user, '')`]]) {
    const diff = await one(`SELECT count(*)::int n FROM (
        SELECT ${col} AS e, to_char("startTime", 'YYYY-MM-DD') AS d, sum(spend) s, sum(prompt_tokens) p, count(*) r FROM "LiteLLM_SpendLogs" GROUP BY 1, 2) l
        FULL JOIN (SELECT ${table === 'LiteLLM_DailyEndUserSpend' ? 'end_user_id' : table === 'LiteLLM_DailyUserSpend' ? 'user_id' : table === 'LiteLLM_DailyTeamSpend' ? 'team_id' : 'organization_id'} AS e, date AS d, sum(spend) s, sum(prompt_tokens) p, sum(api_requests) r FROM "${table}" GROUP BY 1, 2) g
        ON l.e IS NOT DISTINCT FROM g.e AND l.d = g.d
        WHERE l.d IS NULL OR g.d IS NULL OR abs(l.s - g.s) > 1e-6 OR l.p <> g.p OR l.r <> g.r`);
    expect({ table, mismatches: diff.n }).toEqual({ table, mismatches: 0 });
  }
  const repeats = await one(`SELECT count(*)::int n FROM (SELECT 1 FROM "LiteLLM_DailyTeamSpend" GROUP BY team_id, date, api_key, model, custom_llm_provider HAVING count(*) > 1) x`);
  expect(repeats.n).toBeGreaterThan(0);
});

test("memberships live where LiteLLM keeps them: members_with_roles, UserTable.teams, TeamMembership only with a budget, '{}' for none", async () => {
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_TeamTable" WHERE members_with_roles = '{}'::jsonb`)).n).toBeGreaterThan(0);
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_TeamMembership" WHERE budget_id IS NULL`)).n).toBe(0);
  expect((await one(`SELECT count(*)::int n FROM "LiteLLM_TeamMembership"`)).n).toBeGreaterThan(0);
  // every member in members_with_roles has the team in UserTable.teams, and the other way round
  const inconsistent = await one(`SELECT count(*)::int n FROM "LiteLLM_TeamTable" t CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]' END) m
      JOIN "LiteLLM_UserTable" u ON u.user_id = m->>'user_id' WHERE NOT (t.team_id = ANY(u.teams))`);
  expect(inconsistent.n).toBe(0);
  const reverse = await one(`SELECT count(*)::int n FROM "LiteLLM_UserTable" u CROSS JOIN unnest(u.teams) tid JOIN "LiteLLM_TeamTable" t ON t.team_id = tid
      WHERE NOT (t.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', u.user_id)))`);
  expect(reverse.n).toBe(0);
});

test("SpendLogs carry empty strings for missing ids, as LiteLLM writes them", async () => {
  const r = await one(`SELECT count(*) FILTER (WHERE "user" = '')::int AS no_user, count(*) FILTER (WHERE end_user = '')::int AS no_end_user,
                              count(*) FILTER (WHERE "user" IS NULL OR end_user IS NULL OR team_id IS NULL)::int AS nulls FROM "LiteLLM_SpendLogs"`);
  expect(r.no_user).toBeGreaterThan(0);
  expect(r.no_end_user).toBeGreaterThan(0);
  expect(r.nulls).toBe(0);
});

test('keys are stored as LiteLLM hashes; the reported principals authenticate', async () => {
  for (const p of report.principals) {
    const k = await db.ds.query(`SELECT key_name, expires FROM "LiteLLM_VerificationToken" WHERE token = $1`, [hashKey(p.rawKey)]);
    expect(k).toEqual([{ key_name: `sk-...${p.rawKey.slice(-4)}`, expires: null }]);
    expect(p.rawKey).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
  }
  expect(new Set(report.principals.map((p) => p.role))).toEqual(new Set(['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer']));
});

test('the same seed writes the same data', async () => {
  const again = await freshDatabase();
  try {
    await seedDatabase(again.ds, { ...SIZES.tiny, spendLogs: 3000, days: 20, quiet: true, now: new Date() });
    const digest = (ds: typeof db.ds) => ds.query(`SELECT md5(string_agg(token || spend::text, ',' ORDER BY token)) h FROM "LiteLLM_VerificationToken"`);
    expect(await digest(again.ds)).toEqual(await digest(db.ds));
  } finally {
    await again.drop();
  }
});

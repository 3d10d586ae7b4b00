import { randomUUID } from 'node:crypto';
import { LIST_SCAN_COST } from '../src/graphql/limits';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { makePrincipal } from './helpers/world';

// Lists a frontend can search (issue 16): key and user filters (the unindexed ones cost LIST_SCAN_COST),
// spend logs by session, one spend log by request id without a window, and pages that stay whole while rows
// are inserted.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const sorted = (xs: string[]) => [...xs].sort();

beforeAll(async () => {
  t = await startTestGateway();
  // give the seeded keys some variety in the unindexed columns
  await q(`INSERT INTO "LiteLLM_ProjectTable" (project_id, created_by, updated_by) VALUES ('proj-1', 'x', 'x')`);
  await q(`UPDATE "LiteLLM_VerificationToken" SET key_alias = 'search-' || substr(token, 1, 6), project_id = CASE WHEN token < '8' THEN 'proj-1' END,
             organization_id = CASE WHEN token < '4' THEN (SELECT organization_id FROM "LiteLLM_OrganizationTable" ORDER BY 1 LIMIT 1) END,
             blocked = CASE WHEN token < '3' THEN true END, expires = CASE WHEN token < '6' THEN now() + interval '3 days' END`);
});
afterAll(() => t.close());

const KEYS = `query($f: KeyFilter) { keys(first: 100, filter: $f) { totalCount nodes { token } } }`;
const tokens = async (f: Record<string, unknown>) => {
  const r = await t.gql(KEYS, { f });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  expect(r.data.keys.totalCount).toBe(r.data.keys.nodes.length);
  return sorted(r.data.keys.nodes.map((n: any) => n.token));
};
const truth = async (where: string, params: unknown[] = []) => sorted((await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE ${where}`, params)).map((r: any) => r.token));

test('key filters return exactly the rows their column says', async () => {
  const [{ organization_id: org }] = await q(`SELECT organization_id FROM "LiteLLM_OrganizationTable" ORDER BY 1 LIMIT 1`);
  const [{ key_alias: alias }] = await q(`SELECT key_alias FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 1`);
  const [{ budget_id: budget }] = await q(`SELECT budget_id FROM "LiteLLM_BudgetTable" ORDER BY 1 LIMIT 1`);
  await q(`UPDATE "LiteLLM_VerificationToken" SET budget_id = $1 WHERE token IN (SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token DESC LIMIT 3)`, [budget]);
  const soon = new Date(Date.now() + 2 * 86400000).toISOString();
  const later = new Date(Date.now() + 4 * 86400000).toISOString();
  const cases: [Record<string, unknown>, string, unknown[]][] = [
    [{ alias }, 'key_alias = $1', [alias]],
    [{ aliasPrefix: alias.slice(0, 8) }, 'starts_with(key_alias, $1)', [alias.slice(0, 8)]],
    [{ organizationId: org }, 'organization_id = $1', [org]],
    [{ projectId: 'proj-1' }, "project_id = 'proj-1'", []],
    [{ budgetId: budget }, 'budget_id = $1', [budget]],
    [{ blocked: true }, 'blocked IS TRUE', []],
    [{ blocked: false }, 'blocked IS NOT TRUE', []],
    [{ expiresAfter: soon }, 'expires >= $1', [soon]],
    [{ expiresBefore: later }, 'expires <= $1', [later]],
    [{ blocked: false, projectId: 'proj-1' }, "blocked IS NOT TRUE AND project_id = 'proj-1'", []],
  ];
  // the same answers from the resolvers as from JSON reads (what an admin's plain POST gets)
  const resolvers = await startTestGateway({ db: t.db, config: { jsonReads: false } });
  try {
    for (const [f, where, params] of cases) {
      const want = await truth(where, params);
      expect([f, await tokens(f)]).toEqual([f, want]);
      expect([f, want.length > 0]).toEqual([f, true]);
      expect([f, sorted((await resolvers.gql(KEYS, { f })).data.keys.nodes.map((n: any) => n.token))]).toEqual([f, want]);
    }
  } finally {
    await resolvers.close();
  }
  const [{ team_id: team }] = await q(`SELECT team_id FROM "LiteLLM_VerificationToken" WHERE team_id IS NOT NULL AND blocked IS TRUE LIMIT 1`);
  expect(await tokens({ teamId: team, blocked: true })).toEqual(await truth('team_id = $1 AND blocked IS TRUE', [team]));
});

test('an unindexed key or user filter costs LIST_SCAN_COST, unless an indexed one narrows it', async () => {
  const tight = await startTestGateway({ db: t.db, config: { limits: { ...t.config.limits, maxComplexity: LIST_SCAN_COST } } });
  try {
    const [{ team_id: team }] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" ORDER BY 1 LIMIT 1`);
    const scan = await tight.gql(`{ keys(first: 10, filter: { projectId: "proj-1" }) { nodes { token } } }`);
    expect(codes(scan)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(scan.statements).toEqual([]);
    expect((await tight.gql(`query($t: ID) { keys(first: 10, filter: { projectId: "proj-1", teamId: $t }) { nodes { token } } }`, { t: team })).errors).toBeUndefined();
    expect((await tight.gql(`{ keys(first: 10) { nodes { token } } }`)).errors).toBeUndefined();
    expect(codes(await tight.gql(`{ users(first: 10, filter: { role: "internal_user" }) { nodes { id } } }`))).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await tight.gql(`{ users(first: 10, filter: { role: "internal_user", email: "nobody@example.com" }) { nodes { id } } }`)).errors).toBeUndefined();
  } finally {
    await tight.close();
  }
});

test('user filters: the SSO id, the role, and an organization\'s members', async () => {
  const [u] = await q(`SELECT user_id FROM "LiteLLM_UserTable" ORDER BY user_id LIMIT 1`);
  await q(`UPDATE "LiteLLM_UserTable" SET sso_user_id = 'sso-123' WHERE user_id = $1`, [u.user_id]);
  const USERS = `query($f: UserFilter) { users(first: 100, filter: $f) { totalCount nodes { id } } }`;
  const ids = async (f: Record<string, unknown>) => sorted((await t.gql(USERS, { f })).data.users.nodes.map((n: any) => n.id));
  expect(await ids({ ssoUserId: 'sso-123' })).toEqual([u.user_id]);
  expect(await ids({ role: 'proxy_admin_viewer' })).toEqual(sorted((await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_role = 'proxy_admin_viewer'`)).map((r: any) => r.user_id)));
  const [{ organization_id: org }] = await q(`SELECT organization_id FROM "LiteLLM_OrganizationMembership" ORDER BY 1 LIMIT 1`);
  const members = sorted((await q(`SELECT user_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1`, [org])).map((r: any) => r.user_id));
  expect(members.length).toBeGreaterThan(0);
  expect(await ids({ organizationId: org })).toEqual(members);
});

test('spend logs by session id; one spend log by request id with no window, within the caller\'s scope', async () => {
  const [log] = await q(`SELECT request_id, "user" FROM "LiteLLM_SpendLogs" ORDER BY "startTime" DESC LIMIT 1`);
  await q(`UPDATE "LiteLLM_SpendLogs" SET session_id = 'session-xyz' WHERE request_id = $1`, [log.request_id]);
  const from = new Date(Date.now() - 30 * 86400000).toISOString();
  const to = new Date(Date.now() + 86400000).toISOString();
  const bySession = await t.gql(`query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { requestId sessionId } } }`, { f: { from, to, sessionId: 'session-xyz' } });
  expect(bySession.data.spendLogs.nodes).toEqual([{ requestId: log.request_id, sessionId: 'session-xyz' }]);

  // an old log, far outside any window
  const [old] = await q(`SELECT request_id FROM "LiteLLM_SpendLogs" ORDER BY "startTime" ASC LIMIT 1`);
  await q(`UPDATE "LiteLLM_SpendLogs" SET "startTime" = '2020-01-01', "endTime" = '2020-01-01' WHERE request_id = $1`, [old.request_id]);
  const one = await t.gql(`query($r: ID!) { spendLog(requestId: $r) { requestId startTime } }`, { r: old.request_id });
  expect(one.data.spendLog).toEqual({ requestId: old.request_id, startTime: '2020-01-01T00:00:00.000Z' });
  expect(one.statements.filter((s) => s.includes('LiteLLM_SpendLogs'))).toHaveLength(1);
  expect((await t.gql(`{ spendLog(requestId: "no-such-request") { requestId } }`)).data.spendLog).toBeNull();
  const stranger = await makePrincipal(t, { role: 'internal_user' });
  expect((await t.gql(`query($r: ID!) { spendLog(requestId: $r) { requestId } }`, { r: old.request_id }, stranger.rawKey)).data.spendLog).toBeNull();
});

test('pages stay whole while rows are inserted: every row there at the start is seen once, none twice (LiteLLM #15762)', async () => {
  const walk = async (query: string, root: string, insert: (i: number) => Promise<unknown>) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i++) {
      const r: any = await t.gql(query, { a: after });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      seen.push(...r.data[root].nodes.map((n: any) => n.id));
      await insert(i);
      if (!r.data[root].pageInfo.hasNextPage) return seen;
      after = r.data[root].pageInfo.endCursor;
    }
  };
  const before = { keys: await truth('TRUE'), users: sorted((await q(`SELECT user_id FROM "LiteLLM_UserTable"`)).map((r: any) => r.user_id)) };
  const keys = await walk(`query($a: String) { keys(first: 7, after: $a) { nodes { id: token } pageInfo { hasNextPage endCursor } } }`, 'keys', (i) =>
    q(`INSERT INTO "LiteLLM_VerificationToken" (token, models, spend) VALUES ($1, '{}', 0), ($2, '{}', 0)`, [`00${i}${randomUUID()}`, `ff${i}${randomUUID()}`]),
  );
  expect(keys.length).toBe(new Set(keys).size);
  expect(before.keys.filter((k) => !keys.includes(k))).toEqual([]);
  const users = await walk(`query($a: String) { users(first: 5, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`, 'users', (i) =>
    q(`INSERT INTO "LiteLLM_UserTable" (user_id, teams) VALUES ($1, '{}'), ($2, '{}')`, [`0-new-${i}`, `z-new-${i}`]),
  );
  expect(users.length).toBe(new Set(users).size);
  expect(before.users.filter((u) => !users.includes(u))).toEqual([]);
});

test('keys by spend or creation time, either way, the hash breaking ties, paged to the end alike on both read paths; NaN spend and NULL created_at sort as stated', async () => {
  const [{ token: odd }] = await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 1 OFFSET 5`);
  await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 'NaN' WHERE token = $1`, [odd]);
  await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 7.25 WHERE token IN (SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token DESC LIMIT 4)`);
  const PAGE = `query($a: String, $o: KeyOrder) { keys(first: 9, after: $a, orderBy: $o) { nodes { token } pageInfo { hasNextPage endCursor } } }`;
  const resolvers = await startTestGateway({ db: t.db, config: { jsonReads: false } });
  try {
    // keys LiteLLM stored without created_at sort as the oldest
    await q(`UPDATE "LiteLLM_VerificationToken" SET created_at = NULL WHERE token IN (SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 3 OFFSET 2)`);
    await q(`UPDATE "LiteLLM_VerificationToken" SET created_at = '2026-01-01' WHERE token IN (SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token DESC LIMIT 3 OFFSET 1)`);
    const created = "coalesce(created_at, '0001-01-01')";
    for (const [order, sql] of [
      ['SPEND_DESC', 'spend DESC, token DESC'],
      ['SPEND_ASC', 'spend ASC, token ASC'],
      ['CREATED_AT_DESC', `${created} DESC, token DESC`],
      ['CREATED_AT_ASC', `${created} ASC, token ASC`],
    ] as const) {
      const want = (await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY ${sql}`)).map((r: any) => r.token);
      for (const gw of [t, resolvers]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const r: any = await gw.gql(PAGE, { a: after, o: order });
          if (r.errors) throw new Error(JSON.stringify(r.errors));
          seen.push(...r.data.keys.nodes.map((n: any) => n.token));
          if (!r.data.keys.pageInfo.hasNextPage) break;
          after = r.data.keys.pageInfo.endCursor;
        }
        expect([order, gw === t ? 'json' : 'resolvers', seen]).toEqual([order, gw === t ? 'json' : 'resolvers', want]);
      }
    }
    // a cursor of one read path pages the other
    const first: any = await t.gql(PAGE, { o: 'SPEND_DESC' });
    // served as one JSON statement, not by the resolvers' fallback
    expect(first.statements).toHaveLength(1);
    const next: any = await resolvers.gql(PAGE, { a: first.data.keys.pageInfo.endCursor, o: 'SPEND_DESC' });
    expect(next.errors).toBeUndefined();
  } finally {
    await resolvers.close();
  }
  const tight = await startTestGateway({ db: t.db, config: { limits: { ...t.config.limits, maxComplexity: LIST_SCAN_COST } } });
  try {
    expect(codes(await tight.gql(`{ keys(first: 5, orderBy: SPEND_DESC) { nodes { token } } }`))).toEqual(['QUERY_TOO_COMPLEX']);
    const [{ team_id: team }] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" ORDER BY 1 LIMIT 1`);
    expect((await tight.gql(`query($t: ID) { keys(first: 5, orderBy: SPEND_DESC, filter: { teamId: $t }) { nodes { token } } }`, { t: team })).errors).toBeUndefined();
  } finally {
    await tight.close();
  }
});

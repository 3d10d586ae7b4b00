import { hashKey } from '../src/services/key-format';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const NOW = new Date();
const day = (offset: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate() - offset)).toISOString().slice(0, 10);
const FROM = day(20);
const TO = day(3);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6);

/** Sums computed straight from SpendLogs: the truth the rollups must agree with. */
async function logSums(where: string, params: unknown[] = []) {
  const [r] = await q(
    `SELECT coalesce(sum(spend), 0)::float8 AS spend, coalesce(sum(prompt_tokens), 0)::int AS prompt, coalesce(sum(completion_tokens), 0)::int AS completion,
            count(*)::int AS requests, count(*) FILTER (WHERE status = 'success')::int AS ok, count(*) FILTER (WHERE status <> 'success')::int AS failed
       FROM "LiteLLM_SpendLogs" l WHERE to_char(l."startTime", 'YYYY-MM-DD') BETWEEN $1 AND $2 AND ${where}`,
    [FROM, TO, ...params],
  );
  return r;
}

function expectUsage(u: any, s: any) {
  close(u.spend, s.spend);
  expect([u.promptTokens, u.completionTokens, u.totalTokens, u.requests, u.successfulRequests, u.failedRequests]).toEqual([s.prompt, s.completion, s.prompt + s.completion, s.requests, s.ok, s.failed]);
}

const USAGE = `usage(from: $from, to: $to) { spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests }`;

beforeAll(async () => {
  t = await startTestGateway({ seed: { organizations: 2, teamsPerOrganization: 10, users: 60, spendLogs: 6000, days: 30, now: NOW } });
});
afterAll(() => t.close());

describe('usage(from, to) on every level', () => {
  test.each([
    ['as one JSON read', true, 1],
    // organizations, their usage, teams, the teams' usage, the members' usage
    ['by the resolvers, one statement per level', false, 5],
  ])('organizations, teams and their members equal sums of SpendLogs, %s', async (_name, jsonReads, statements) => {
    const g = jsonReads ? t : await startTestGateway({ db: t.db, config: { jsonReads: false } });
    const r = await g.gql(`query($from: Date!, $to: Date!) { organizations { nodes { id ${USAGE} teams(first: 20) { nodes { id ${USAGE} members(first: 50) { nodes { userId ${USAGE} } } } } } } }`, { from: FROM, to: TO });
    expect(r.errors).toBeUndefined();
    for (const org of r.data.organizations.nodes) {
      expectUsage(org.usage, await logSums(`l.organization_id = $3`, [org.id]));
      expect(org.teams.nodes).toHaveLength(10);
      for (const team of org.teams.nodes) {
        expectUsage(team.usage, await logSums(`l.team_id = $3`, [team.id]));
        for (const m of team.members.nodes) expectUsage(m.usage, await logSums(`l.team_id = $3 AND l."user" = $4`, [team.id, m.userId]));
      }
    }
    expect(r.statements).toHaveLength(statements);
    expect(r.statements.join('\n')).not.toMatch(/LiteLLM_SpendLogs/);
    if (g !== t) await g.close();
  });

  test('users, keys and end users', async () => {
    const [u] = await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE spend > 0 ORDER BY user_id LIMIT 1`);
    const r = await t.gql(`query($from: Date!, $to: Date!, $u: ID!) { user(id: $u) { ${USAGE} keys(first: 10) { nodes { token ${USAGE} } } } endUsers(first: 3) { nodes { id ${USAGE} } } }`, { from: FROM, to: TO, u: u.user_id });
    expectUsage(r.data.user.usage, await logSums(`l."user" = $3`, [u.user_id]));
    for (const k of r.data.user.keys.nodes) expectUsage(k.usage, await logSums(`l.api_key = $3`, [k.token]));
    for (const e of r.data.endUsers.nodes) expectUsage(e.usage, await logSums(`l.end_user = $3`, [e.id]));
  });

  test("a member's usage still counts the team's keys after they are deleted", async () => {
    const [row] = await q(`SELECT k.token, k.user_id, k.team_id FROM "LiteLLM_VerificationToken" k WHERE k.team_id IS NOT NULL AND k.user_id IS NOT NULL AND k.spend > 0 ORDER BY k.token LIMIT 1`);
    const Q = `query($from: Date!, $to: Date!, $t: ID!) { team(id: $t) { members(first: 100) { nodes { userId ${USAGE} } } } }`;
    const before = (await t.gql(Q, { from: FROM, to: TO, t: row.team_id })).data.team.members.nodes.find((m: any) => m.userId === row.user_id);
    expect((await t.gql(`mutation($k: [String!]) { deleteKeys(tokens: $k) }`, { k: [row.token] })).errors).toBeUndefined();
    const after = (await t.gql(Q, { from: FROM, to: TO, t: row.team_id })).data.team.members.nodes.find((m: any) => m.userId === row.user_id);
    expect(after.usage).toEqual(before.usage);
    expectUsage(after.usage, await logSums(`l.team_id = $3 AND l."user" = $4`, [row.team_id, row.user_id]));
  });

  test('a window that ends before it starts is refused', async () => {
    expect(codes(await t.gql(`{ teams { nodes { usage(from: "2026-02-01", to: "2026-01-01") { spend } } } }`))).toContain('BAD_USER_INPUT');
    expect(codes(await t.gql(`query($f: Date!) { teams { nodes { usage(from: $f, to: "2026-03-01") { spend } } } }`, { f: '2026-02-30' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ teams { nodes { usage(from: "yesterday", to: "2026-03-01") { spend } } } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('spendReport', () => {
  const REPORT = `query($input: SpendReportInput!) { spendReport(input: $input) { source rows { day model modelGroup provider apiKey tag key { token } team { id } user { id } spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests } totals { spend requests } pageInfo { hasNextPage endCursor } } }`;

  test('one team by DAY and MODEL equals SpendLogs grouped the same way; summed over repeated rollup rows', async () => {
    const [team] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE spend > 0 ORDER BY spend DESC LIMIT 1`);
    const expected = await q(
      `SELECT to_char("startTime", 'YYYY-MM-DD') AS day, model, sum(spend)::float8 AS spend, count(*)::int AS requests FROM "LiteLLM_SpendLogs"
        WHERE team_id = $1 AND to_char("startTime", 'YYYY-MM-DD') BETWEEN $2 AND $3 GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      [team.team_id, FROM, TO],
    );
    const [{ repeats }] = await q(`SELECT count(*)::int AS repeats FROM (SELECT 1 FROM "LiteLLM_DailyTeamSpend" WHERE team_id = $1 GROUP BY date, api_key, model HAVING count(*) > 1) x`, [team.team_id]);
    expect(repeats).toBeGreaterThan(0);
    const rows: any[] = [];
    let after: string | null = null;
    let statements: string[] = [];
    for (let i = 0; i < 50; i++) {
      const r: any = await t.gql(REPORT, { input: { from: FROM, to: TO, groupBy: ['DAY', 'MODEL'], filter: { teams: [team.team_id] }, first: 7, after } });
      expect(r.errors).toBeUndefined();
      expect(r.data.spendReport.source).toBe('LiteLLM_DailyTeamSpend');
      rows.push(...r.data.spendReport.rows);
      statements = statements.concat(r.statements);
      const totals = r.data.spendReport.totals;
      close(totals.spend, expected.reduce((s: number, e: any) => s + e.spend, 0));
      expect(totals.requests).toBe(expected.reduce((s: number, e: any) => s + e.requests, 0));
      if (!r.data.spendReport.pageInfo.hasNextPage) break;
      after = r.data.spendReport.pageInfo.endCursor;
    }
    expect(rows.map((x) => [x.day, x.model, x.requests])).toEqual(expected.map((e: any) => [e.day, e.model, e.requests]));
    rows.forEach((x, i) => close(x.spend, expected[i].spend));
    expect(statements.join('\n')).not.toMatch(/LiteLLM_SpendLogs/);
  });

  test('a report sums only the usage fields it selects (spend always, for the order), with the same values', async () => {
    const [team] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE spend > 0 ORDER BY spend DESC LIMIT 1`);
    const input = { from: FROM, to: TO, groupBy: ['DAY', 'MODEL'], filter: { teams: [team.team_id] }, first: 50 };
    const all: any = await t.gql(`query($input: SpendReportInput!) { spendReport(input: $input) { rows { day model spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests } } }`, { input });
    const some: any = await t.gql(`query($input: SpendReportInput!) { spendReport(input: $input) { rows { day model spend totalTokens requests } } }`, { input });
    expect(all.errors).toBeUndefined();
    expect(some.errors).toBeUndefined();
    expect(some.data.spendReport.rows.length).toBeGreaterThan(0);
    expect(some.data.spendReport.rows).toEqual(all.data.spendReport.rows.map(({ day, model, spend, totalTokens, requests }: any) => ({ day, model, spend, totalTokens, requests })));
    expect(some.statements).toHaveLength(1);
    expect(some.statements[0]).toMatch(/sum\(d\.prompt_tokens\).*sum\(d\.completion_tokens\).*sum\(d\.api_requests\)/);
    expect(some.statements[0]).not.toMatch(/successful_requests|failed_requests/);
  });

  test('by KEY: deleted keys keep their spend under their hash, with key null', async () => {
    const [gone] = await q(`SELECT token FROM "LiteLLM_DeletedVerificationToken" LIMIT 1`);
    const r = await t.gql(REPORT, { input: { from: FROM, to: TO, groupBy: ['KEY'], filter: { keys: [gone.token] } } });
    expect(r.data.spendReport.rows).toHaveLength(1);
    expect(r.data.spendReport.rows[0]).toMatchObject({ apiKey: gone.token, key: null });
    close(r.data.spendReport.rows[0].spend, (await logSums(`l.api_key = $3`, [gone.token])).spend);
  });

  test('by TAG and by USER read their own rollups', async () => {
    const tags = await t.gql(REPORT, { input: { from: FROM, to: TO, groupBy: ['TAG'] } });
    expect(tags.data.spendReport.source).toBe('LiteLLM_DailyTagSpend');
    const [{ spend }] = await q(`SELECT sum(spend)::float8 AS spend FROM "LiteLLM_SpendLogs" l, jsonb_array_elements_text(l.request_tags) tg WHERE tg = 'prod' AND to_char(l."startTime", 'YYYY-MM-DD') BETWEEN $1 AND $2`, [FROM, TO]);
    close(tags.data.spendReport.rows.find((x: any) => x.tag === 'prod').spend, spend);
    const users = await t.gql(REPORT, { input: { from: FROM, to: TO, groupBy: ['USER'], first: 1000 } });
    const top = users.data.spendReport.rows.find((x: any) => x.user);
    close(top.spend, (await logSums(`l."user" = $3`, [top.user.id])).spend);
  });

  test.each([
    [{ groupBy: ['TEAM', 'USER'] }, /no daily rollup by both TEAM and USER/],
    [{ groupBy: ['DAY'], filter: { teams: ['x'], endUsers: ['y'] } }, /no daily rollup/],
    [{ groupBy: [] }, /at least one dimension/],
    [{ groupBy: ['DAY', 'DAY'] }, /twice/],
    [{ groupBy: ['DAY'], first: 5000 }, /at most 1000/],
    [{ groupBy: ['DAY'], after: 'bogus' }, /cursor/],
    [{ groupBy: ['DAY'], from: TO, to: FROM }, /before from/],
  ])('%p is BAD_USER_INPUT', async (input, message) => {
    const r = await t.gql(REPORT, { input: { from: FROM, to: TO, ...input } });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(message);
  });

  test("an internal user's report covers only the keys they may see", async () => {
    const user = t.seed!.principals.find((p) => p.role === 'internal_user' && p.teamId)!;
    const r = await t.gql(`query($input: SpendReportInput!) { spendReport(input: $input) { rows { apiKey spend } totals { spend } } }`, { input: { from: FROM, to: TO, groupBy: ['KEY'], first: 1000 } }, user.rawKey);
    expect(r.errors).toBeUndefined();
    const listed = await t.gql(`{ keys(first: 100) { nodes { token } } }`, {}, user.rawKey);
    const visible = listed.data.keys.nodes.map((x: any) => x.token);
    const [{ all }] = await q(`SELECT count(*)::int AS all FROM "LiteLLM_VerificationToken"`);
    expect(visible.length).toBeLessThan(all);
    expect(r.data.spendReport.rows.every((x: any) => visible.includes(x.apiKey))).toBe(true);
    const [{ spend }] = await q(`SELECT coalesce(sum(spend), 0)::float8 AS spend FROM "LiteLLM_SpendLogs" WHERE api_key = ANY($1) AND to_char("startTime", 'YYYY-MM-DD') BETWEEN $2 AND $3`, [visible, FROM, TO]);
    close(r.data.spendReport.totals.spend, spend);
  });
});

describe('spendLogs', () => {
  const from = `${day(10)}T00:00:00.000Z`;
  const to = `${day(5)}T23:59:59.999Z`;
  const LOGS = `query($f: SpendLogFilter!, $after: String, $first: Int) { spendLogs(first: $first, after: $after, filter: $f) { totalCount nodes { requestId startTime spend status user endUser teamId apiKey key { token } } pageInfo { hasNextPage endCursor } } }`;

  test('pages newest first through exactly the rows of the window; heavy JSON is not read', async () => {
    const expected = (await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2 AND team_id <> '' ORDER BY "startTime" DESC, request_id DESC`, [from, to])).map((x: any) => x.request_id);
    const [{ team_id }] = await q(`SELECT team_id FROM "LiteLLM_SpendLogs" WHERE team_id <> '' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const teamRows = (await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2 AND team_id = $3 ORDER BY "startTime" DESC, request_id DESC`, [from, to, team_id])).map((x: any) => x.request_id);
    expect(expected.length).toBeGreaterThan(0);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await t.gql(LOGS, { f: { from, to, teamId: team_id }, after, first: 50 });
      expect(r.errors).toBeUndefined();
      expect(r.data.spendLogs.totalCount).toBe(teamRows.length);
      seen.push(...r.data.spendLogs.nodes.map((n: any) => n.requestId));
      for (const s of r.statements.filter((x: string) => x.includes('LiteLLM_SpendLogs'))) {
        expect(s).toMatch(/"startTime" >= \$1 AND x\."startTime" <= \$2/);
        expect(s).not.toMatch(/"messages"|"response"|"proxy_server_request"|x\."metadata"/);
      }
      if (!r.data.spendLogs.pageInfo.hasNextPage) break;
      after = r.data.spendLogs.pageInfo.endCursor;
    }
    expect(seen).toEqual(teamRows);
  });

  test('heavy JSON is read only when selected', async () => {
    const r = await t.gql(`query($f: SpendLogFilter!) { spendLogs(first: 2, filter: $f) { nodes { requestId metadata messages } } }`, { f: { from, to } });
    expect(r.data.spendLogs.nodes[0].metadata).toHaveProperty('user_api_key');
    expect(r.statements[0]).toMatch(/x\."metadata"/);
    expect(r.statements[0]).toMatch(/x\."messages"/);
    expect(r.statements[0]).not.toMatch(/x\."response"/);
  });

  test('filters: key (raw or hash), user, end user, model, status, request id, tag', async () => {
    const p = t.seed!.principals.find((x) => x.role === 'internal_user')!;
    const token = hashKey(p.rawKey);
    const check = async (filter: Record<string, unknown>, where: string, params: unknown[]) => {
      const expected = (await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2 AND ${where} ORDER BY "startTime" DESC, request_id DESC LIMIT 100`, [from, to, ...params])).map((x: any) => x.request_id);
      const r = await t.gql(LOGS, { f: { from, to, ...filter }, first: 100 });
      expect(r.errors).toBeUndefined();
      expect(r.data.spendLogs.nodes.map((n: any) => n.requestId)).toEqual(expected);
      return expected.length;
    };
    expect(await check({ key: p.rawKey }, 'api_key = $3', [token])).toBeGreaterThan(0);
    await check({ key: token }, 'api_key = $3', [token]);
    await check({ userId: p.userId }, '"user" = $3', [p.userId]);
    expect(await check({ endUserId: 'customer-1' }, 'end_user = $3', ['customer-1'])).toBeGreaterThan(0);
    await check({ model: 'gpt-4o' }, "(model = $3 OR model_group = $3)", ['gpt-4o']);
    expect(await check({ status: 'failure' }, 'status = $3', ['failure'])).toBeGreaterThan(0);
    expect(await check({ tag: 'batch' }, `request_tags @> '["batch"]'`, [])).toBeGreaterThan(0);
    const [one] = await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2 LIMIT 1`, [from, to]);
    expect(await check({ requestId: one.request_id }, 'request_id = $3', [one.request_id])).toBe(1);
  });

  test('a window is required and bounded', async () => {
    expect(codes(await t.gql(`{ spendLogs(filter: { from: "2026-01-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }) { nodes { requestId } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ spendLogs(filter: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { nodes { requestId } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ spendLogs { nodes { requestId } } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('internal users see their own requests only', async () => {
    // an internal user who administers no organization
    let p = t.seed!.principals[0];
    let adminTeams: string[] = [];
    for (const candidate of t.seed!.principals.filter((x) => x.role === 'internal_user')) {
      const me = await t.gql(`{ viewer { teamRoles { teamId role } organizationRoles { role } } }`, {}, candidate.rawKey);
      if (me.data.viewer.organizationRoles.some((o: any) => o.role === 'org_admin')) continue;
      p = candidate;
      adminTeams = me.data.viewer.teamRoles.filter((x: any) => x.role === 'admin').map((x: any) => x.teamId);
      break;
    }
    expect(p.role).toBe('internal_user');
    const r = await t.gql(`query($f: SpendLogFilter!) { spendLogs(first: 100, filter: $f) { totalCount nodes { user teamId } } }`, { f: { from, to } }, p.rawKey);
    const [{ n }] = await q(`SELECT count(*)::int n FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2 AND ("user" = $3 OR api_key = $4 OR team_id = ANY($5))`, [from, to, p.userId, hashKey(p.rawKey), adminTeams]);
    const [{ all }] = await q(`SELECT count(*)::int AS all FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND "startTime" <= $2`, [from, to]);
    expect(r.data.spendLogs.totalCount).toBe(n);
    expect(n).toBeLessThan(all);
    expect(r.data.spendLogs.nodes.every((x: any) => x.user === p.userId || adminTeams.includes(x.teamId))).toBe(true);
  });
});

describe('error and audit logs', () => {
  test('errorLogs filter by model, exception type and status code', async () => {
    const expected = (await q(`SELECT request_id FROM "LiteLLM_ErrorLogs" WHERE status_code = '429' AND model_group = 'gpt-4o' ORDER BY "startTime" DESC, request_id DESC`)).map((x: any) => x.request_id);
    const r = await t.gql(`{ errorLogs(first: 100, filter: { statusCode: "429", model: "gpt-4o", exceptionType: "RateLimitError" }) { totalCount nodes { requestId statusCode exceptionType } } }`);
    expect(r.data.errorLogs.nodes.map((n: any) => n.requestId)).toEqual(expected);
    expect(r.data.errorLogs.totalCount).toBe(expected.length);
  });

  test('auditLogs filter by table, action and object', async () => {
    const [row] = await q(`SELECT object_id FROM "LiteLLM_AuditLog" WHERE action = 'created' LIMIT 1`);
    const r = await t.gql(`query($o: String) { auditLogs(filter: { tableName: "LiteLLM_VerificationToken", action: "created", objectId: $o }) { nodes { objectId action tableName changedBy } } }`, { o: row.object_id });
    expect(r.data.auditLogs.nodes).toEqual([{ objectId: row.object_id, action: 'created', tableName: 'LiteLLM_VerificationToken', changedBy: expect.any(String) }]);
  });

  test('only admins and admin viewers read them', async () => {
    const p = t.seed!.principals.find((x) => x.role === 'internal_user')!;
    expect(codes(await t.gql(`{ errorLogs { nodes { requestId } } }`, {}, p.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`{ auditLogs { nodes { id } } }`, {}, p.rawKey))).toEqual(['FORBIDDEN']);
    const v = t.seed!.principals.find((x) => x.role === 'proxy_admin_viewer')!;
    expect((await t.gql(`{ auditLogs { nodes { id } } }`, {}, v.rawKey)).errors).toBeUndefined();
  });
});

describe("LiteLLM's switches", () => {
  test('disable_spend_logs and disable_error_logs: the logs answer with a clear error; usage and reports keep working', async () => {
    const off = await startTestGateway({ seed: { spendLogs: 500 }, config: { disableSpendLogs: true, disableErrorLogs: true } });
    try {
      const logs = await off.gql(`{ spendLogs(filter: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }) { nodes { requestId } } }`);
      expect(codes(logs)).toEqual(['FORBIDDEN']);
      expect(logs.errors![0].message).toMatch(/Spend logs are disabled/);
      expect(logs.statements).toEqual([]);
      expect(codes(await off.gql(`{ errorLogs { nodes { requestId } } }`))).toEqual(['FORBIDDEN']);
      const ok = await off.gql(`{ teams { nodes { usage(from: "${day(300)}", to: "${day(-1)}") { spend } } } spendReport(input: { from: "${day(300)}", to: "${day(-1)}", groupBy: [MODEL] }) { totals { spend } } }`);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.spendReport.totals.spend).toBeGreaterThan(0);
    } finally {
      await off.close();
    }
  });
});

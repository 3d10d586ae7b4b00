import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { getOperationAST, parse } from 'graphql';
import { Policy } from '../src/auth/policy';
import { masterPrincipal } from '../src/auth/principal';
import { loadConfig } from '../src/config';
import { jsonRead } from '../src/graphql/json-read';
import { gatewaySchema } from '../src/graphql/schema';
import { queryJson } from '../src/reads/json';
import { createGateway, Gateway } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam } from './helpers/world';

// JSON reads (src/graphql/json-read.ts) answer an admin's plain nested read with one statement that builds
// the JSON in PostgreSQL. Every operation here runs on a gateway with them and on one without, over the
// same database: the answers must be equal, and the statement counts say which path answered.

let t: TestGateway;
let plain: { gateway: Gateway; server: Server; url: string };
let viewer: string;
let member: string;
let org: string;
let team: string;

async function post(url: string, query: string, variables: Record<string, unknown>, key: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, statements: Number(res.headers.get('x-sql-statements')), body: normalize(await res.json()) };
}

// request ids differ from request to request
const normalize = (body: any) => JSON.parse(JSON.stringify(body).replace(/request id [\w-]+/g, 'request id X').replace(/"requestId":"[\w-]+"/g, '"requestId":"X"'));

/**
 * The operation on both gateways: the JSON read's answer (with the statements it issued, and whether one
 * statement that builds the JSON answered it), and the resolvers' answer.
 */
async function both(query: string, variables: Record<string, unknown> = {}, key = MASTER_KEY) {
  const r = await t.gql(query, variables, key);
  // the key's own lookup (a virtual key) is not a read of the operation
  const reads = r.statements.filter((s) => !s.startsWith('WITH hit AS'));
  const json = { status: r.status, statements: r.statements.length, body: normalize(r.body), asJson: reads.length >= 1 && reads.every((s) => s.startsWith('SELECT u.piece AS data')) };
  return { json, resolvers: await post(plain.url, query, variables, key) };
}

beforeAll(async () => {
  t = await startTestGateway();
  const gateway = await createGateway({ ds: t.db.ds, config: { ...t.config, jsonReads: false }, log: createLogger('error', () => undefined) });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  plain = { gateway, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };

  // rows a careless writer (or an old LiteLLM) leaves: every shape the members read must take as the resolvers do
  org = await makeOrganization(t, 'Zeta "quoted" \\ back/slash ✓');
  team = await makeTeam(t, 'odd-members', org);
  await makeTeam(t, 'no-members', org);
  await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = '{}' WHERE team_alias = 'no-members'`);
  await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams, spend, max_budget, tpm_limit, created_at)
                       VALUES ('odd-user', 'odd@example.com', 'internal_user', '{}', 1.25, NULL, 5000000000, '2026-01-02 03:04:05.678')`);
  await t.db.ds.query(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ('odd-user', $1, 0.1), ('ghost', $1, 7)`, [team]);
  await t.db.ds.query(
    `UPDATE "LiteLLM_TeamTable" SET members_with_roles = $2::jsonb, tpm_limit = 123, max_budget = 1e-7, budget_reset_at = '0999-12-31 23:59:59.999' WHERE team_id = $1`,
    [team, JSON.stringify([{ user_id: 'odd-user', role: 'admin' }, 'not an object', [], ['x'], { user_email: 'only-email@example.com' }, { user_id: 'ghost', role: 'owner' }, { user_id: 42 }, null, { user_id: 'odd-user', user_email: 'twice@example.com', role: 'user' }])],
  );
  await insertKey(t, { userId: 'odd-user', teamId: team });
  await insertKey(t, { userId: null, teamId: team });
  viewer = (await makePrincipal(t, { role: 'proxy_admin_viewer' })).rawKey;
  member = (await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] })).rawKey;
});

afterAll(async () => {
  plain.server.closeAllConnections();
  await new Promise((r) => plain.server.close(r));
  await plain.gateway.stop();
  await t.close();
});

const NESTED = `query($o: Int, $t: Int, $m: Int, $after: String) {
  organizations(first: $o, after: $after) {
    __typename
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
    nodes { id alias budgetId spend createdAt models
      teams(first: $t) { pageInfo { hasNextPage endCursor } nodes { __typename id alias organizationId maxBudget tpmLimit budgetResetAt blocked metadata
        members(first: $m) { pageInfo { hasNextPage startCursor endCursor } nodes { userId userEmail role spend user { id email role spend tpmLimit createdAt } } }
        keys(first: 5) { nodes { token keyName userId teamId spend } } } } } } }`;

test.each([
  ['the nested view', NESTED, { o: 10, t: 20, m: 50 }],
  ['small pages at every level', NESTED, { o: 1, t: 1, m: 1 }],
  ['empty pages', NESTED, { o: 0, t: 0, m: 0 }],
  ['keys by hash, descending, filtered', `{ keys(first: 3, orderBy: TOKEN_DESC) { nodes { token userId } pageInfo { endCursor hasNextPage } } }`, {}],
  ['keys of a team', `query($team: ID) { keys(filter: { teamId: $team }) { nodes { token teamId expires blocked } } }`, {}],
  ['users with their keys', `{ users(first: 5) { nodes { id email role maxBudget keys(first: 2) { nodes { token } pageInfo { hasNextPage } } } } }`, {}],
  ['teams filtered, aliased, through fragments', `query { a: teams(filter: { alias: "odd-members" }) { nodes { ...T } } b: teams(first: 2) { ... on TeamConnection { nodes { id } } } }
     fragment T on Team { id x: alias members { nodes { ... on TeamMember { r: role userId } } } }`, {}],
])('%s: the JSON read answers as the resolvers do, in one statement', async (_name, query, variables) => {
  const { json, resolvers } = await both(query, { team, ...variables });
  expect(resolvers.body.errors).toBeUndefined();
  expect(json.body).toEqual(resolvers.body);
  expect(json.statements).toBe(1);
  expect(json.asJson).toBe(true);
});

const DASHBOARD = `query($from: Date!, $to: Date!) {
  organizations(first: 10) { nodes { id usage(from: $from, to: $to) { spend requests totalTokens }
    teams(first: 20) { nodes { id usage(from: $from, to: $to) { __typename spend promptTokens completionTokens successfulRequests failedRequests }
      members(first: 50) { nodes { userId spend user { email usage(from: $from, to: $to) { spend } } usage(from: $from, to: $to) { spend requests } } }
      keys(first: 5) { nodes { token usage(from: $from, to: $to) { spend requests } } } } } } } }`;

test.each([
  ['the last 30 days', -29, 0],
  ['a window with no rows', -3000, -2990],
])('the dashboard with usage at every level, %s: as the resolvers answer it, in one statement', async (_name, from, to) => {
  const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  const { json, resolvers } = await both(DASHBOARD, { from: day(from), to: day(to) });
  expect(resolvers.body.errors).toBeUndefined();
  expect(json.body).toEqual(resolvers.body);
  expect(json.asJson).toBe(true);
  if (from === -29) {
    // non-zero sums at every level, so the comparison compares something
    const teams = json.body.data.organizations.nodes.flatMap((o: any) => o.teams.nodes);
    const members = teams.flatMap((tm: any) => tm.members.nodes);
    expect(json.body.data.organizations.nodes.some((o: any) => o.usage.spend > 0)).toBe(true);
    expect(teams.some((tm: any) => tm.usage.spend > 0)).toBe(true);
    expect(members.some((m: any) => m.usage.spend > 0 && m.user.usage.spend > 0)).toBe(true);
    expect(teams.flatMap((tm: any) => tm.keys.nodes).some((k: any) => k.usage.requests > 0)).toBe(true);
  }
});

test.each([
  ['a window wider than USAGE_MAX_WINDOW_DAYS', '2020-01-01', '2026-01-01'],
  ['a window that ends before it starts', '2026-02-01', '2026-01-01'],
])('usage over %s: the resolvers refuse it, nothing read as JSON', async (_name, from, to) => {
  const { json, resolvers } = await both(DASHBOARD, { from, to });
  expect(json.body).toEqual(resolvers.body);
  expect(json.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(json.asJson).toBe(false);
});

test('cursors are the same bytes, and a page after one of them is the same page', async () => {
  const first = await both(`{ organizations(first: 1) { pageInfo { endCursor } nodes { teams(first: 1) { pageInfo { endCursor } nodes { members(first: 2) { pageInfo { endCursor } } } } } } }`);
  expect(first.json.body).toEqual(first.resolvers.body);
  const after = first.json.body.data.organizations.pageInfo.endCursor;
  expect(typeof after).toBe('string');
  const next = await both(NESTED, { o: 2, t: 2, m: 3, after });
  expect(next.json.body).toEqual(next.resolvers.body);
  expect(next.json.asJson).toBe(true);
  expect(next.json.body.data.organizations.pageInfo.hasPreviousPage).toBe(true);
});

test('members after a cursor are cut where the resolvers cut them', async () => {
  const query = `query($after: String) { teams(filter: { alias: "odd-members" }) { nodes { members(first: 2, after: $after) { pageInfo { endCursor hasNextPage } nodes { userId userEmail role } } } } }`;
  const page1 = await both(query, { after: null });
  const after = page1.json.body.data.teams.nodes[0].members.pageInfo.endCursor;
  const page2 = await both(query, { after });
  expect(page2.json.body).toEqual(page2.resolvers.body);
  expect(page2.json.body.data.teams.nodes[0].members.nodes.map((m: any) => m.userId)).toEqual(['ghost', null]);
  expect(page2.json.asJson).toBe(true);
});

test('an admin viewer is read as JSON too', async () => {
  const { json, resolvers } = await both(NESTED, { o: 3, t: 3, m: 3 }, viewer);
  expect(json.body).toEqual(resolvers.body);
  expect(json.asJson).toBe(true);
});

test.each([
  ['nodes under two aliases', `{ teams(first: 2) { a: nodes { id } b: nodes { alias } } }`],
  ['members under two aliases', `{ teams(first: 2) { nodes { members { a: nodes { userId } b: nodes { role } } } } }`],
  ['pageInfo under two aliases', `{ keys(first: 2) { a: pageInfo { endCursor } b: pageInfo { hasNextPage } } }`],
  ['totalCount', `{ organizations { totalCount nodes { id } } }`],
  ['edges', `{ organizations { edges { cursor node { id } } } }`],
  ['a backward page', `{ organizations(last: 2) { nodes { id } } }`],
  ['a field with a resolver of its own', `{ organizations { nodes { id budget { maxBudget } } } }`],
  ['a member budget', `{ teams { nodes { members { nodes { userId budget { maxBudget } } } } } }`],
  ['a directive', `query($no: Boolean!) { organizations { nodes { id alias @include(if: $no) } } }`],
  ['another root field', `{ organizations { nodes { id } } viewer { user { id } } }`],
])('%s: not compiled, the resolvers answer', async (_name, query) => {
  const { json, resolvers } = await both(query, { no: false });
  expect(json.body).toEqual(resolvers.body);
  expect(json.asJson).toBe(false);
  expect(json.statements).toBe(resolvers.statements);
});

test("a member's reads stay with the resolvers and their rules (teammates' spend is null)", async () => {
  const query = `{ teams { nodes { id members { nodes { userId spend user { email } } } } } }`;
  const { json, resolvers } = await both(query, {}, member);
  expect(json.body).toEqual(resolvers.body);
  expect(json.asJson).toBe(false);
  expect(json.statements).toBe(resolvers.statements);
  const spends = json.body.data.teams.nodes.flatMap((tm: any) => tm.members.nodes.filter((m: any) => m.userId === 'odd-user').map((m: any) => m.spend));
  expect(spends).toEqual([null, null]);
});

test.each([
  ['a negative page size', `{ organizations(first: -1) { nodes { id } } }`, 'BAD_USER_INPUT'],
  ['a page too large', `{ organizations { nodes { teams(first: 101) { nodes { id } } } } }`, 'BAD_USER_INPUT'],
  ['a cursor this list did not issue', `{ keys(after: "bm90IGEgY3Vyc29y") { nodes { token } } }`, 'BAD_USER_INPUT'],
  ['a NUL in a filter', `{ teams(filter: { alias: "a\\u0000b" }) { nodes { id } } }`, 'BAD_USER_INPUT'],
])('%s: the same error as the resolvers give, nothing read as JSON', async (_name, query, code) => {
  const { json, resolvers } = await both(query);
  expect(json.body).toEqual(resolvers.body);
  expect(json.body.errors[0].extensions.code).toBe(code);
  expect(json.asJson).toBe(false);
  expect(json.statements).toBe(resolvers.statements);
});

test('members_with_roles entries that are arrays or scalars are no members, in memory as in SQL', async () => {
  const query = (fields: string) => `{ teams(filter: { alias: "odd-members" }) { nodes { members { nodes { ${fields} } } } } }`;
  // userId alone pages members_with_roles in memory; with user, in SQL
  const inMemory = await both(query('userId role'));
  const inSql = await both(query('userId role user { id }'));
  expect(inMemory.json.body).toEqual(inMemory.resolvers.body);
  expect(inSql.json.body).toEqual(inSql.resolvers.body);
  const ids = (r: any) => r.body.data.teams.nodes[0].members.nodes.map((m: any) => m.userId);
  expect(ids(inMemory.resolvers)).toEqual(ids(inSql.resolvers));
  expect(ids(inMemory.resolvers).slice(0, 5)).toEqual(['odd-user', null, 'ghost', null, 'odd-user']);
});

test('a JSON null in a non-null JSON field, and a timestamp out of four-digit years, fall back to the resolvers', async () => {
  const [other] = await t.db.ds.query(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE team_alias = 'no-members'`);
  const query = `{ teams(filter: { alias: "no-members" }) { nodes { id metadata createdAt } } }`;
  for (const change of [`metadata = 'null'::jsonb`, `created_at = 'infinity'`, `created_at = '12000-01-01'`]) {
    const [before] = await t.db.ds.query(`SELECT metadata, created_at FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [other.team_id]);
    await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET ${change} WHERE team_id = $1`, [other.team_id]);
    try {
      const r = await both(query);
      expect(r.resolvers.body.errors?.length).toBeGreaterThan(0);
      expect(r.json.body).toEqual(r.resolvers.body);
      expect(r.json.asJson).toBe(false);
    } finally {
      await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET metadata = $2, created_at = $3 WHERE team_id = $1`, [other.team_id, before.metadata, before.created_at]);
    }
  }
});

test('a value GraphQL cannot carry (a NaN spend, an int8 beyond 2^53, a NULL in a list of non-null items) falls back to the resolvers, which report it', async () => {
  const query = `{ teams(filter: { alias: "odd-members" }) { nodes { id spend tpmLimit } } }`;
  await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET spend = 'NaN' WHERE team_id = $1`, [team]);
  try {
    const nan = await both(query);
    expect(nan.resolvers.body.errors?.length).toBeGreaterThan(0);
    expect(nan.json.body).toEqual(nan.resolvers.body);
    // the JSON statement ran, then the resolvers' own
    expect(nan.json.statements).toBe(nan.resolvers.statements + 1);
  } finally {
    await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET spend = 0 WHERE team_id = $1`, [team]);
  }
  await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET tpm_limit = 9007199254740993 WHERE team_id = $1`, [team]);
  try {
    const big = await both(query);
    expect(big.resolvers.body.errors?.length).toBeGreaterThan(0);
    expect(big.json.body).toEqual(big.resolvers.body);
    expect(big.json.statements).toBeGreaterThan(big.resolvers.statements);
    expect(big.json.asJson).toBe(false);
  } finally {
    await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET tpm_limit = 123 WHERE team_id = $1`, [team]);
  }
  const models = `{ teams(filter: { alias: "odd-members" }) { nodes { id models } } }`;
  await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET models = ARRAY['gpt-4o', NULL] WHERE team_id = $1`, [team]);
  try {
    const holed = await both(models);
    expect(holed.resolvers.body.errors?.length).toBeGreaterThan(0);
    expect(holed.json.body).toEqual(holed.resolvers.body);
    expect(holed.json.asJson).toBe(false);
  } finally {
    await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET models = ARRAY['gpt-4o', 'o1 "preview" \\ ✓'] WHERE team_id = $1`, [team]);
  }
  const kept = await both(models);
  expect(kept.json.body).toEqual(kept.resolvers.body);
  expect(kept.json.body.data.teams.nodes[0].models).toEqual(['gpt-4o', 'o1 "preview" \\ ✓']);
  expect(kept.json.asJson).toBe(true);
});

test('LITELLM_GRAPHQL_JSON_READS=false turns JSON reads off', async () => {
  expect(loadConfig([], {}).jsonReads).toBe(true);
  expect(loadConfig([], { LITELLM_GRAPHQL_JSON_READS: 'false' }).jsonReads).toBe(false);
  const { json, resolvers } = await both(`{ organizations(first: 2) { nodes { id teams { nodes { id } } } } }`);
  expect(json.asJson).toBe(true);
  expect(resolvers.statements).toBe(2);
});

test('the answer comes back cut between the nodes of root lists, never inside one, and joins to the whole', async () => {
  const query = `{ organizations(first: 10) { nodes { id teams { nodes { id } } } pageInfo { hasNextPage } } keys(first: 3) { nodes { token } } }`;
  const document = parse(query);
  const operation = getOperationAST(document)!;
  const read = jsonRead(gatewaySchema(), t.db.ds, new Policy(masterPrincipal(MASTER_KEY)), document, operation, {}, 366)!;
  expect(read).not.toBeNull();
  const pieces = await queryJson(t.db.ds, read.sql, read.values);
  const whole = JSON.parse(pieces.join(''));
  const organizations = whole.organizations.nodes.length;
  expect(organizations).toBeGreaterThan(2);
  // one piece per root node, the last of each list sharing its piece with what follows it
  expect(pieces).toHaveLength(organizations + 3 - 1);
  for (const piece of pieces.slice(0, organizations - 1)) expect(piece).toMatch(/},$/);
  expect(whole).toEqual((await both(query)).resolvers.body.data);
});

test.each([
  ['a list that selects only __typename, empty', `{ keys(filter: { userId: "nobody" }) { __typename } organizations(filter: { ids: ["none"] }) { __typename pageInfo { hasPreviousPage } nodes { id } } }`],
  ['a child list that selects only __typename', `{ organizations { nodes { teams(first: 0) { __typename } } } }`],
])('%s: answered with its one object', async (_name, query) => {
  const { json, resolvers } = await both(query);
  expect(resolvers.body.errors).toBeUndefined();
  expect(json.body).toEqual(resolvers.body);
  expect(json.asJson).toBe(true);
});

describe('spendReport', () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
  const REPORT = `query($input: SpendReportInput!) { spendReport(input: $input) { __typename source rows { __typename day model modelGroup provider apiKey tag spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests } } }`;
  const window = () => ({ from: day(-60), to: day(1) });

  test.each([
    ['by day and model', { groupBy: ['DAY', 'MODEL'] }],
    ['by key, a page of 3', { groupBy: ['KEY'], first: 3 }],
    ['by user, a second page', { groupBy: ['USER', 'PROVIDER'], first: 2, after: 'WzFd' }],
    ['by team, filtered to models', { groupBy: ['TEAM', 'MODEL_GROUP'], filter: { models: ['gpt-4o', 'claude-3-5-sonnet'] } }],
    ['by tag', { groupBy: ['TAG', 'DAY'] }],
    ['nothing in the window', { groupBy: ['DAY'], from: '2001-01-01', to: '2001-01-31' }],
    ['an empty page', { groupBy: ['DAY'], first: 0 }],
  ])('%s: rows as the resolvers give them, in one statement', async (_name, input) => {
    const { json, resolvers } = await both(REPORT, { input: { ...window(), ...input } });
    expect(resolvers.body.errors).toBeUndefined();
    expect(json.body).toEqual(resolvers.body);
    expect(json.asJson).toBe(true);
  });

  test('the report has rows to compare', async () => {
    const { json } = await both(REPORT, { input: { ...window(), groupBy: ['DAY', 'MODEL'] } });
    expect(json.body.data.spendReport.rows.length).toBeGreaterThan(3);
    expect(json.body.data.spendReport.rows[0].spend).toBeGreaterThan(0);
  });

  test('a NaN spend in the rollup falls back to the resolvers, which report it', async () => {
    const [row] = await t.db.ds.query(`SELECT id, spend FROM "LiteLLM_DailyTeamSpend" WHERE date >= $1 ORDER BY id LIMIT 1`, [day(-60)]);
    await t.db.ds.query(`UPDATE "LiteLLM_DailyTeamSpend" SET spend = 'NaN' WHERE id = $1`, [row.id]);
    try {
      const { json, resolvers } = await both(REPORT, { input: { ...window(), groupBy: ['TEAM'] } });
      expect(resolvers.body.errors?.length).toBeGreaterThan(0);
      expect(json.body).toEqual(resolvers.body);
      expect(json.asJson).toBe(false);
    } finally {
      await t.db.ds.query(`UPDATE "LiteLLM_DailyTeamSpend" SET spend = $2 WHERE id = $1`, [row.id, row.spend]);
    }
  });

  test.each([
    ['pageInfo', `query($input: SpendReportInput!) { spendReport(input: $input) { rows { day } pageInfo { hasNextPage } } }`],
    ['totals', `query($input: SpendReportInput!) { spendReport(input: $input) { totals { spend } } }`],
    ['a row relation', `query($input: SpendReportInput!) { spendReport(input: $input) { rows { key { token } } } }`],
  ])('%s: the resolvers answer', async (_name, query) => {
    const { json, resolvers } = await both(query, { input: { ...window(), groupBy: ['KEY'] } });
    expect(json.body).toEqual(resolvers.body);
    expect(json.asJson).toBe(false);
  });

  test.each([
    ['a window too wide', { groupBy: ['DAY'], from: '2020-01-01', to: '2026-01-01' }],
    ['two entity tables', { groupBy: ['USER', 'TEAM'] }],
    ['a page too large', { groupBy: ['DAY'], first: 1001 }],
  ])('%s: the same refusal as the resolvers give, no JSON read', async (_name, input) => {
    const { json, resolvers } = await both(REPORT, { input: { ...window(), ...input } });
    expect(json.body).toEqual(resolvers.body);
    expect(json.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.asJson).toBe(false);
  });
});

describe('who gets JSON reads', () => {
  const VIEW = `{ organizations { nodes { id alias teams { nodes { id alias members { nodes { userId spend user { email } } } keys { nodes { token userId } } } } } } }`;

  test.each([
    ['an org admin', async () => (await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] })).rawKey],
    ['a team admin', async () => (await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] })).rawKey],
    ['an internal user viewer', async () => (await makePrincipal(t, { role: 'internal_user_viewer', teamMemberOf: [team] })).rawKey],
    ['a proxy admin key restricted to info routes', async () => {
      const admin = await makePrincipal(t, { role: 'proxy_admin' });
      return (await insertKey(t, { userId: admin.userId, allowedRoutes: ['info_routes'] })).rawKey;
    }],
  ])('%s: the same answer as the resolvers give, read as JSON only for a role that reads everything', async (_name, keyOf) => {
    const key = await keyOf();
    const { json, resolvers } = await both(VIEW, {}, key);
    expect(json.body).toEqual(resolvers.body);
    const proxyAdmin = _name.startsWith('a proxy admin');
    // the restricted proxy admin reads everything by role, so its read is JSON; its route check ran first
    expect(json.asJson).toBe(proxyAdmin);
    if (!proxyAdmin) expect(json.body.data.organizations.nodes.length).toBeLessThanOrEqual(1);
  });
});

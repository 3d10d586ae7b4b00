import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { makePrincipal } from './helpers/world';

// deletedKeys and deletedTeams read the tombstones LiteLLM writes when it deletes keys and teams, and spend
// logs and report rows of a deleted key or team still say what it was (LiteLLM issues #24225, #25710).

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const from = new Date(Date.now() - 30 * 86400000).toISOString();
const to = new Date(Date.now() + 86400000).toISOString();

/** A seeded key with spend logs, given an alias, then deleted through the API. */
let gone: { token: string; alias: string; teamId: string | null; userId: string | null };

beforeAll(async () => {
  t = await startTestGateway();
  const [row] = await q(`SELECT k.token, k.team_id, k.user_id FROM "LiteLLM_VerificationToken" k WHERE EXISTS (SELECT 1 FROM "LiteLLM_SpendLogs" l WHERE l.api_key = k.token AND l."startTime" >= $1) ORDER BY k.token LIMIT 1`, [from]);
  gone = { token: row.token, alias: 'history-alias', teamId: row.team_id, userId: row.user_id };
  await q(`UPDATE "LiteLLM_VerificationToken" SET key_alias = $2 WHERE token = $1`, [gone.token, gone.alias]);
  const r = await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [gone.token] });
  expect(r.data.deleteKeys).toEqual([gone.token]);
});
afterAll(() => t.close());

test('deletedKeys lists the tombstone a delete wrote, newest first, with filters on indexed columns', async () => {
  const LIST = `query($f: DeletedKeyFilter) { deletedKeys(first: 10, filter: $f) { totalCount nodes { token keyAlias userId teamId deletedBy deletedAt team { id } user { id } } } }`;
  const r = await t.gql(LIST, { f: { keyAlias: gone.alias } });
  expect(r.errors).toBeUndefined();
  expect(r.data.deletedKeys.totalCount).toBe(1);
  expect(r.data.deletedKeys.nodes[0]).toMatchObject({ token: gone.token, keyAlias: gone.alias, userId: gone.userId, teamId: gone.teamId, deletedBy: 'default_user_id' });
  expect(r.data.deletedKeys.nodes[0].team).toEqual(gone.teamId ? { id: gone.teamId } : null);
  for (const f of [{ token: gone.token }, { teamId: gone.teamId }, { deletedFrom: new Date(Date.now() - 60000).toISOString() }]) {
    const tokens = (await t.gql(LIST, { f })).data.deletedKeys.nodes.map((n: any) => n.token);
    expect(tokens).toContain(gone.token);
  }
  expect((await t.gql(LIST, { f: { keyAlias: 'no-such-alias' } })).data.deletedKeys.totalCount).toBe(0);
  expect((await t.gql(LIST, { f: { deletedTo: new Date(Date.now() - 3600000).toISOString() } })).data.deletedKeys.totalCount).toBe(0);
});

test('pages of tombstones neither repeat nor skip while more keys are deleted', async () => {
  const victims = (await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 6`)).map((r: any) => r.token);
  await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: victims.slice(0, 3) });
  const PAGE = `query($a: String) { deletedKeys(first: 2, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; ; i++) {
    const r: any = await t.gql(PAGE, { a: after });
    seen.push(...r.data.deletedKeys.nodes.map((n: any) => n.id));
    // deletions meanwhile land before the first page: newest first
    if (i === 0) await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: victims.slice(3) });
    if (!r.data.deletedKeys.pageInfo.hasNextPage) break;
    after = r.data.deletedKeys.pageInfo.endCursor;
  }
  expect(new Set(seen).size).toBe(seen.length);
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM "LiteLLM_DeletedVerificationToken"`);
  expect(seen.length).toBe(n - 3);
});

test("spend logs of a deleted key resolve its alias, owner and team through the tombstone, one statement for the level", async () => {
  const r = await t.gql(
    `query($f: SpendLogFilter!) { spendLogs(first: 50, filter: $f) { nodes { apiKey key { token } deletedKey { token keyAlias userId teamId } } } }`,
    { f: { from, to, key: gone.token } },
  );
  expect(r.errors).toBeUndefined();
  const nodes = r.data.spendLogs.nodes;
  expect(nodes.length).toBeGreaterThan(0);
  for (const n of nodes) expect(n).toEqual({ apiKey: gone.token, key: null, deletedKey: { token: gone.token, keyAlias: gone.alias, userId: gone.userId, teamId: gone.teamId } });
  expect(r.statements.filter((s) => s.includes('LiteLLM_DeletedVerificationToken'))).toHaveLength(1);
});

test('spend logs of a deleted team resolve its alias through the team tombstone', async () => {
  const [log] = await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 ORDER BY "startTime" DESC LIMIT 1`, [from]);
  await q(`UPDATE "LiteLLM_SpendLogs" SET team_id = 'gone-team' WHERE request_id = $1`, [log.request_id]);
  await q(
    `INSERT INTO "LiteLLM_DeletedTeamTable" (id, team_id, team_alias, organization_id, members_with_roles, metadata, spend, blocked, model_spend, model_max_budget, deleted_at, deleted_by)
     VALUES ('tomb-1', 'gone-team', 'Old Alias', NULL, '[]', '{}', 12, false, '{}', '{}', now() - interval '2 days', 'admin'),
            ('tomb-2', 'gone-team', 'Newer Alias', NULL, '[]', '{}', 13, false, '{}', '{}', now() - interval '1 day', 'admin')`,
  );
  const r = await t.gql(`query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { team { id } deletedTeam { teamId teamAlias spend } } } }`, { f: { from, to, teamId: 'gone-team' } });
  expect(r.errors).toBeUndefined();
  // the latest tombstone of that team id
  expect(r.data.spendLogs.nodes).toEqual([{ team: null, deletedTeam: { teamId: 'gone-team', teamAlias: 'Newer Alias', spend: 13 } }]);
  const list = await t.gql(`{ deletedTeams(filter: { teamId: "gone-team" }) { totalCount nodes { id teamAlias deletedBy } } }`);
  expect(list.data.deletedTeams).toEqual({ totalCount: 2, nodes: [{ id: 'tomb-2', teamAlias: 'Newer Alias', deletedBy: 'admin' }, { id: 'tomb-1', teamAlias: 'Old Alias', deletedBy: 'admin' }] });
});

test("spend report rows grouped by key name a deleted key's alias", async () => {
  const day = (d: string) => d.slice(0, 10);
  const r = await t.gql(
    `query($i: SpendReportInput!) { spendReport(input: $i) { rows { key { token } deletedKey { keyAlias } spend } } }`,
    { i: { from: day(new Date(Date.now() - 300 * 86400000).toISOString()), to: day(to), groupBy: ['KEY'], filter: { keys: [gone.token] } } },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.spendReport.rows.length).toBeGreaterThan(0);
  for (const row of r.data.spendReport.rows) expect(row).toMatchObject({ key: null, deletedKey: { keyAlias: gone.alias } });
});

test("who reads tombstones: admins and viewers list them; a key's owner sees their own through spend logs, not others'", async () => {
  const viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  expect((await t.gql(`{ deletedKeys { totalCount } }`, {}, viewer.rawKey)).errors).toBeUndefined();
  const plain = await makePrincipal(t, { role: 'internal_user' });
  expect(codes(await t.gql(`{ deletedKeys { totalCount } }`, {}, plain.rawKey))).toEqual(['FORBIDDEN']);
  expect(codes(await t.gql(`{ deletedTeams { totalCount } }`, {}, plain.rawKey))).toEqual(['FORBIDDEN']);

  // a plain user's own key, used and then deleted
  const own = await t.gql(`mutation($u: ID) { generateKey(input: { userId: $u, keyAlias: "mine-then-gone" }) { info { token } } }`, { u: plain.userId });
  const token = own.data.generateKey.info.token;
  const [log] = await q(`SELECT request_id FROM "LiteLLM_SpendLogs" WHERE "startTime" >= $1 AND api_key <> $2 ORDER BY "startTime" DESC OFFSET 3 LIMIT 2`, [from, gone.token]);
  await q(`UPDATE "LiteLLM_SpendLogs" SET api_key = $1, "user" = $2 WHERE request_id = $3`, [token, plain.userId, log.request_id]);
  await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [token] }, plain.rawKey);
  const mine = await t.gql(`query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { deletedKey { keyAlias } } } }`, { f: { from, to, requestId: log.request_id } }, plain.rawKey);
  expect(mine.data.spendLogs.nodes).toEqual([{ deletedKey: { keyAlias: 'mine-then-gone' } }]);
  // someone else's deleted key stays hidden from them, even when a spend log of theirs names it
  await q(`UPDATE "LiteLLM_SpendLogs" SET api_key = $1 WHERE request_id = $2`, [gone.token, log.request_id]);
  const other = await t.gql(`query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { deletedKey { keyAlias } } } }`, { f: { from, to, requestId: log.request_id } }, plain.rawKey);
  expect(other.data.spendLogs.nodes).toEqual([{ deletedKey: null }]);
});

test("a key whose alias (stored by LiteLLM) is too long for the tombstones' index is still deleted, its alias cut to 500 characters; new keys refuse such an alias", async () => {
  // LiteLLM writes aliases of any length; random hex does not compress, so 8000 characters overflow a btree entry
  const long = require('node:crypto').randomBytes(4000).toString('hex');
  const [{ token }] = await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token DESC LIMIT 1`);
  await q(`UPDATE "LiteLLM_VerificationToken" SET key_alias = $2 WHERE token = $1`, [token, long]);
  const r = await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [token] });
  expect(r.errors).toBeUndefined();
  expect(await q(`SELECT key_alias FROM "LiteLLM_DeletedVerificationToken" WHERE token = $1`, [token])).toEqual([{ key_alias: long.slice(0, 500) }]);


  const g = await t.gql(`mutation($a: String) { generateKey(input: { keyAlias: $a }) { key } }`, { a: long.slice(0, 1025) });
  expect(codes(g)).toEqual(['BAD_USER_INPUT']);
});

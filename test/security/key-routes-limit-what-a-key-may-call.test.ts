import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makePrincipal, makeTeam } from '../helpers/world';

let t: TestGateway;
let team: string;
let admin: { userId: string };
const keyWith = async (allowedRoutes: string[]) => (await insertKey(t, { userId: admin.userId, teamId: null, allowedRoutes })).rawKey;

const KEYS = `{ keys(first: 1) { nodes { token } } }`;
const TEAMS = `{ teams(first: 1) { nodes { id } } }`;
const VIEWER = `{ viewer { role } }`;
const REPORT = `{ spendReport(input: { from: "2026-01-01", to: "2026-01-02", groupBy: [DAY] }) { totals { spend } } }`;
const INTROSPECT = `{ __schema { queryType { name } } }`;
const generate = (key: string) => t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, allowedRoutes: ["info_routes"] }) { key } }`, { t: team }, key);
const count = async () => Number((await t.db.ds.query(`SELECT count(*) AS n FROM "LiteLLM_VerificationToken"`))[0].n);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  team = await makeTeam(t, 'team');
  // a proxy admin: only the routes restrict what their keys may do
  admin = await makePrincipal(t, { role: 'proxy_admin', teamAdminOf: [team] });
});
afterAll(() => t.close());

test('an llm_api key (llm_api_routes) has no access to this API at all, introspection included', async () => {
  const key = await keyWith(['llm_api_routes']);
  for (const q of [VIEWER, KEYS, INTROSPECT]) {
    const r = await t.gql(q, {}, key);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.status).toBe(403);
    expect(r.statements.length).toBe(1); // authentication only
  }
  const before = await count();
  expect(codes(await generate(key))).toEqual(['FORBIDDEN']);
  expect(await count()).toBe(before);
});

test('a read_only key (info_routes) may query but never mutate', async () => {
  const key = await keyWith(['info_routes']);
  for (const q of [VIEWER, KEYS, TEAMS, REPORT, INTROSPECT]) expect((await t.gql(q, {}, key)).errors).toBeUndefined();
  const before = await count();
  const r = await generate(key);
  expect(codes(r)).toEqual(['FORBIDDEN']);
  expect(r.errors![0].message).toMatch(/allowed_routes \(info_routes\) do not allow mutation generateKey/);
  expect(await count()).toBe(before);
});

test('a management key may query and mutate', async () => {
  const key = await keyWith(['management_routes']);
  expect((await t.gql(KEYS, {}, key)).errors).toBeUndefined();
  expect((await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, allowedRoutes: ["management_routes"] }) { key } }`, { t: team }, key)).errors).toBeUndefined();
});

test('explicit routes map to their operations, a trailing * to every route under it, and anything else denies', async () => {
  const gen = await keyWith(['/key/generate']);
  expect((await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, allowedRoutes: ["/key/generate"] }) { key } }`, { t: team }, gen)).errors).toBeUndefined();
  expect(codes(await t.gql(KEYS, {}, gen))).toEqual(['FORBIDDEN']);
  expect(codes(await t.gql(`mutation { updateKey(token: "x", input: { maxBudget: 1 }) { token } }`, {}, gen))).toEqual(['FORBIDDEN']);

  const keyRoutes = await keyWith(['/key/*']);
  expect((await t.gql(KEYS, {}, keyRoutes)).errors).toBeUndefined();
  expect(codes(await t.gql(TEAMS, {}, keyRoutes))).toEqual(['FORBIDDEN']);
  // one refused root refuses the whole operation, before any SQL
  const mixed = await t.gql(`{ keys(first: 1) { nodes { token } } teams(first: 1) { nodes { id } } }`, {}, keyRoutes);
  expect(codes(mixed)).toEqual(['FORBIDDEN']);
  expect(mixed.statements.length).toBe(1); // authentication only

  const spend = await keyWith(['spend_tracking_routes']);
  expect((await t.gql(REPORT, {}, spend)).errors).toBeUndefined();
  expect(codes(await t.gql(KEYS, {}, spend))).toEqual(['FORBIDDEN']);

  for (const unknown of [['/bogus'], ['*'], ['not_a_category'], ['/key/info/extra']]) {
    const key = await keyWith(unknown);
    expect(codes(await t.gql(KEYS, {}, key))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(VIEWER, {}, key))).toEqual(['FORBIDDEN']);
  }
});

test('fragments and aliases cannot smuggle a root past the check', async () => {
  const key = await keyWith(['/key/list']);
  const r = await t.gql(`query { ...F } fragment F on Query { t: teams(first: 1) { nodes { id } } }`, {}, key);
  expect(codes(r)).toEqual(['FORBIDDEN']);
  expect((await t.gql(`query { ... on Query { k: keys(first: 1) { nodes { token } } } }`, {}, key)).errors).toBeUndefined();
});

test('nested fields need a grant too: a mutation answers with what it made, not with what that reaches', async () => {
  const spend = await keyWith(['spend_tracking_routes']);
  expect(codes(await t.gql(`{ viewer { user { keys { nodes { token } } } } }`, {}, spend))).toEqual(['FORBIDDEN']);
  const gen = await keyWith(['/key/generate']);
  const before = await count();
  const deep = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, allowedRoutes: ["/key/generate"] }) { info { user { keys { nodes { token } } } } } }`, { t: team }, gen);
  expect(codes(deep)).toEqual(['FORBIDDEN']);
  expect(deep.errors![0].message).toMatch(/do not allow reading User/);
  expect(await count()).toBe(before);
  const own = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, allowedRoutes: ["/key/generate"] }) { key info { token keyName } } }`, { t: team }, gen);
  expect(own.errors).toBeUndefined();
});

test("a key restricted to onboarding routes cannot mint itself an unrestricted key through createUser's first key", async () => {
  // a proxy admin's onboarding key: it may create users and read them, and make no keys
  const onboarding = await keyWith(['/user/new', '/user/info', '/key/info']);
  const users = async () => Number((await t.db.ds.query(`SELECT count(*) AS n FROM "LiteLLM_UserTable"`))[0].n);
  const [beforeKeys, beforeUsers] = [await count(), await users()];
  const r = await t.gql(`mutation { createUser(input: { userRole: "proxy_admin" }) { user { id } key { key } } }`, {}, onboarding);
  expect(codes(r)).toEqual(['FORBIDDEN']);
  expect([await count(), await users()]).toEqual([beforeKeys, beforeUsers]);
  // without the key, the route does what it says
  const plain = await t.gql(`mutation { createUser(input: { autoCreateKey: false }) { user { id } key { key } } }`, {}, onboarding);
  expect(plain.errors).toBeUndefined();
  expect(plain.data.createUser.key).toBeNull();
});

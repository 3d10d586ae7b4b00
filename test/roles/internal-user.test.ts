import { startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, probe, refused, sqlIds } from '../helpers/roles';

let t: TestGateway;
let me: MadePrincipal;
let team: string;
let org: string;

beforeAll(async () => {
  t = await startTestGateway();
  team = t.seed!.teams[0];
  org = t.seed!.organizations[0];
  me = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team], orgMemberOf: [org] });
});
afterAll(() => t.close());

test("reads its own user and keys, its teams, and those teams' service-account keys", async () => {
  const r = await probe(t, me.rawKey);
  expect(r.viewer.data.viewer).toEqual({ role: 'internal_user', isMasterKey: false, user: { id: me.userId } });
  expect(ids(r.teams, 'teams')).toEqual([team]);
  expect(ids(r.organizations, 'organizations')).toEqual([org]);
  expect(ids(r.users, 'users')).toEqual([me.userId]);
  expect(ids(r.keys, 'keys', 'token')).toEqual(await sqlIds(t, `SELECT token AS id FROM "LiteLLM_VerificationToken" WHERE user_id = $1 OR (user_id IS NULL AND team_id = $2)`, [me.userId, team]));
  expect(r.keys.data.keys.nodes.some((k: any) => k.userId === null)).toBe(true);
  for (const root of ['endUsers', 'budgets', 'invitations', 'errorLogs', 'auditLogs']) refused(r[root], 'FORBIDDEN');
  expect(r.spendLogs.data.spendLogs.totalCount).toBe(0);
  expect(r.spendReport.data.spendReport.rows.every((row: any) => r.keys.data.keys.nodes.some((k: any) => k.token === row.apiKey))).toBe(true);
});

test("never sees another user's personal keys, even by hash; teammates appear without their user record", async () => {
  const [personal] = await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id IS NOT NULL AND user_id <> $1 LIMIT 1`, [me.userId]);
  expect((await t.gql(`query($t: String) { key(token: $t) { token } }`, { t: personal.token }, me.rawKey)).data.key).toBeNull();
  const r = await t.gql(`query($t: ID!) { team(id: $t) { members(first: 100) { nodes { userId user { id } } } keys(first: 100) { nodes { userId } } } }`, { t: team }, me.rawKey);
  for (const m of r.data.team.members.nodes) expect(m.user).toEqual(m.userId === me.userId ? { id: me.userId } : null);
  expect(r.data.team.keys.nodes.every((k: any) => k.userId === null || k.userId === me.userId)).toBe(true);
});

test('creates keys for itself only; cannot reset its spend or touch others', async () => {
  const own = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t }) { key info { token user { id } } } }`, { t: team }, me.rawKey);
  expect(own.data.generateKey.info.user).toEqual({ id: me.userId });
  const [other] = await t.db.ds.query(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_id <> $1 LIMIT 1`, [me.userId]);
  // users it may not see do not exist for it
  refused(await t.gql(`mutation($u: ID) { generateKey(input: { userId: $u }) { key } }`, { u: other.user_id }, me.rawKey), 'NOT_FOUND');
  refused(await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t }) { key } }`, { t: t.seed!.teams[1] }, me.rawKey), 'NOT_FOUND');
  refused(await t.gql(`mutation($t: String!) { resetKeySpend(token: $t, resetTo: 0) { spend } }`, { t: own.data.generateKey.info.token }, me.rawKey), 'FORBIDDEN');
  const [theirs] = await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = $1 LIMIT 1`, [other.user_id]);
  refused(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { token } }`, { t: theirs.token }, me.rawKey), 'NOT_FOUND');
  expect((await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { maxBudget } }`, { t: own.data.generateKey.info.token }, me.rawKey)).data.updateKey.maxBudget).toBe(1);
  refused(await t.gql(`mutation { createBudget(input: { maxBudget: 1 }) { id } }`, {}, me.rawKey), 'FORBIDDEN');
});

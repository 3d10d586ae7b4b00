import { startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, probe, refused, sqlIds } from '../helpers/roles';

let t: TestGateway;
let me: MadePrincipal;
let team: string;

beforeAll(async () => {
  t = await startTestGateway();
  team = t.seed!.teams[0];
  me = await makePrincipal(t, { role: 'internal_user_viewer', teamMemberOf: [team] });
});
afterAll(() => t.close());

test('reads like an internal user', async () => {
  const r = await probe(t, me.rawKey);
  expect(r.viewer.data.viewer.role).toBe('internal_user_viewer');
  expect(ids(r.teams, 'teams')).toEqual([team]);
  expect(ids(r.users, 'users')).toEqual([me.userId]);
  expect(ids(r.keys, 'keys', 'token')).toEqual(await sqlIds(t, `SELECT token AS id FROM "LiteLLM_VerificationToken" WHERE user_id = $1 OR (user_id IS NULL AND team_id = $2)`, [me.userId, team]));
  for (const root of ['endUsers', 'budgets', 'invitations', 'errorLogs', 'auditLogs']) refused(r[root], 'FORBIDDEN');
  const nested = await t.gql(`query($t: ID!) { team(id: $t) { keys { nodes { user { id } } } members { nodes { user { id } } } } }`, { t: team }, me.rawKey);
  expect(nested.errors).toBeUndefined();
});

test('writes nothing, not even its own keys', async () => {
  const [{ n }] = await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`);
  refused(await t.gql(`mutation { generateKey(input: {}) { key } }`, {}, me.rawKey), 'FORBIDDEN');
  refused(await t.gql(`mutation($t: String!) { blockKey(token: $t) { token } }`, { t: me.token }, me.rawKey), 'FORBIDDEN');
  refused(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { token } }`, { t: me.token }, me.rawKey), 'FORBIDDEN');
  refused(await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [me.token] }, me.rawKey), 'FORBIDDEN');
  expect(await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`)).toEqual([{ n }]);
});

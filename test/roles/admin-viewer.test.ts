import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makePrincipal, MadePrincipal, probe } from '../helpers/roles';

let t: TestGateway;
let viewer: MadePrincipal;
const count = async (table: string) => (await t.db.ds.query(`SELECT count(*)::int n FROM "${table}"`))[0].n;

beforeAll(async () => {
  t = await startTestGateway();
  viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
});
afterAll(() => t.close());

test('reads every root in full', async () => {
  const r = await probe(t, viewer.rawKey);
  for (const [root, res] of Object.entries(r)) expect({ root, errors: res.errors }).toEqual({ root, errors: undefined });
  expect(r.viewer.data.viewer).toEqual({ role: 'proxy_admin_viewer', isMasterKey: false, user: { id: viewer.userId } });
  expect(r.keys.data.keys.totalCount).toBe(await count('LiteLLM_VerificationToken'));
  expect(r.users.data.users.totalCount).toBe(await count('LiteLLM_UserTable'));
  expect(r.budgets.data.budgets.totalCount).toBe(await count('LiteLLM_BudgetTable'));
  expect(r.auditLogs.data.auditLogs.totalCount).toBe(await count('LiteLLM_AuditLog'));
});

test('a nested path shows other users and their keys', async () => {
  const r = await t.gql(`{ teams { nodes { members(first: 100) { nodes { user { id keys { nodes { token } } } } } } } }`, {}, viewer.rawKey);
  const users = r.data.teams.nodes.flatMap((tm: any) => tm.members.nodes.map((m: any) => m.user));
  expect(users.length).toBeGreaterThan(0);
  expect(users.every((u: any) => u && u.keys.nodes.length > 0)).toBe(true);
});

test('writes nothing: every mutation is FORBIDDEN and no row changes', async () => {
  const [key] = await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" LIMIT 1`);
  const [team] = await t.db.ds.query(`SELECT team_id FROM "LiteLLM_TeamTable" LIMIT 1`);
  const before = await t.db.ds.query(`SELECT md5(string_agg(x::text, '' ORDER BY token)) h FROM "LiteLLM_VerificationToken" x`);
  const mutations = [
    [`mutation { generateKey(input: { }) { key } }`, {}],
    [`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { token } }`, { t: key.token }],
    [`mutation($t: String!) { blockKey(token: $t) { token } }`, { t: key.token }],
    [`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [key.token] }],
    [`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: key.token }],
    [`mutation($t: String!) { resetKeySpend(token: $t, resetTo: 0) { token } }`, { t: key.token }],
    [`mutation { createBudget(input: { maxBudget: 1 }) { id } }`, {}],
    [`mutation($t: ID!) { setTeamBudget(teamId: $t, input: { maxBudget: 1 }) { id } }`, { t: team.team_id }],
    [`mutation { resetBudgets { ran } }`, {}],
  ] as const;
  for (const [m, vars] of mutations) expect({ m, codes: codes(await t.gql(m, vars, viewer.rawKey)) }).toEqual({ m, codes: ['FORBIDDEN'] });
  expect(await count('LiteLLM_BudgetTable')).toBeGreaterThan(0);
  expect(await t.db.ds.query(`SELECT md5(string_agg(x::text, '' ORDER BY token)) h FROM "LiteLLM_VerificationToken" x`)).toEqual(before);
});

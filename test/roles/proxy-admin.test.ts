import { MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, probe, sqlIds } from '../helpers/roles';

let t: TestGateway;
let admin: MadePrincipal;
const count = async (table: string) => (await t.db.ds.query(`SELECT count(*)::int n FROM "${table}"`))[0].n;

beforeAll(async () => {
  t = await startTestGateway();
  admin = await makePrincipal(t, { role: 'proxy_admin' });
});
afterAll(() => t.close());

test.each([['the master key', () => MASTER_KEY], ['a proxy_admin virtual key', () => admin.rawKey]])('%s reads every root in full', async (_name, key) => {
  const r = await probe(t, key());
  for (const [root, res] of Object.entries(r)) expect({ root, errors: res.errors }).toEqual({ root, errors: undefined });
  expect(r.organizations.data.organizations.totalCount).toBe(await count('LiteLLM_OrganizationTable'));
  expect(r.teams.data.teams.totalCount).toBe(await count('LiteLLM_TeamTable'));
  expect(r.users.data.users.totalCount).toBe(await count('LiteLLM_UserTable'));
  expect(r.keys.data.keys.totalCount).toBe(await count('LiteLLM_VerificationToken'));
  expect(r.endUsers.data.endUsers.totalCount).toBe(await count('LiteLLM_EndUserTable'));
  expect(r.budgets.data.budgets.totalCount).toBe(await count('LiteLLM_BudgetTable'));
  expect(r.invitations.data.invitations.totalCount).toBe(await count('LiteLLM_InvitationLink'));
  expect(r.modelAccessRequests.data.modelAccessRequests.totalCount).toBe(await count('LiteLLM_UserNotifications'));
  expect(r.auditLogs.data.auditLogs.totalCount).toBe(await count('LiteLLM_AuditLog'));
  expect(r.errorLogs.data.errorLogs.totalCount).toBe(await count('LiteLLM_ErrorLogs'));
  expect(r.viewer.data.viewer.role).toBe('proxy_admin');
});

test('a nested path shows everything: organization → teams → keys → user', async () => {
  const r = await t.gql(`{ organizations { nodes { id teams { nodes { id keys(first: 100) { nodes { token user { id } } } } } } } }`, {}, admin.rawKey);
  const keys = r.data.organizations.nodes.flatMap((o: any) => o.teams.nodes.flatMap((tm: any) => tm.keys.nodes));
  expect(keys.map((k: any) => k.token).sort()).toEqual(await sqlIds(t, `SELECT k.token AS id FROM "LiteLLM_VerificationToken" k JOIN "LiteLLM_TeamTable" tm ON tm.team_id = k.team_id WHERE tm.organization_id IS NOT NULL`));
  expect(keys.filter((k: any) => k.user).length).toBe((await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE team_id IS NOT NULL AND user_id IS NOT NULL`))[0].n);
});

test('writes for anyone: keys for other users, budgets, the reset job', async () => {
  const other = t.seed!.principals.find((p) => p.role === 'internal_user')!;
  const key = await t.gql(`mutation($u: ID) { generateKey(input: { userId: $u }) { info { user { id } } } }`, { u: other.userId }, admin.rawKey);
  expect(key.data.generateKey.info.user.id).toBe(other.userId);
  expect((await t.gql(`mutation { createBudget(input: { maxBudget: 1 }) { id } }`, {}, admin.rawKey)).errors).toBeUndefined();
  expect((await t.gql(`mutation { resetBudgets { ran } }`, {}, admin.rawKey)).data.resetBudgets.ran).toBe(true);
  expect(ids(await t.gql(`{ keys(first: 100, filter: { userId: "${other.userId}" }) { nodes { id: token } } }`, {}, admin.rawKey), 'keys').length).toBeGreaterThan(1);
});

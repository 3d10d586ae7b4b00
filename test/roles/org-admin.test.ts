import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, probe, refused, sqlIds } from '../helpers/roles';

let t: TestGateway;
let me: MadePrincipal;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  t = await startTestGateway();
  [orgA, orgB] = t.seed!.organizations;
  me = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
});
afterAll(() => t.close());

test("reads its organization's teams, members and keys; admin-only roots are FORBIDDEN", async () => {
  const r = await probe(t, me.rawKey);
  expect(r.viewer.data.viewer.role).toBe('internal_user');
  expect(ids(r.organizations, 'organizations')).toEqual([orgA]);
  expect(ids(r.teams, 'teams')).toEqual(await sqlIds(t, `SELECT team_id AS id FROM "LiteLLM_TeamTable" WHERE organization_id = $1`, [orgA]));
  expect(ids(r.keys, 'keys', 'token')).toEqual(
    await sqlIds(t, `SELECT token AS id FROM "LiteLLM_VerificationToken" WHERE user_id = $1 OR team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = $2)`, [me.userId, orgA]),
  );
  expect(r.keys.data.keys.totalCount).toBe(r.keys.data.keys.nodes.length);
  expect(ids(r.users, 'users')).toEqual(await sqlIds(t, `SELECT user_id AS id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1`, [orgA]));
  for (const root of ['endUsers', 'budgets', 'invitations', 'errorLogs', 'auditLogs']) refused(r[root], 'FORBIDDEN');
  expect(r.models.errors).toBeUndefined();
  const [{ n }] = await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_SpendLogs" WHERE "startTime" > now() - interval '20 days' AND organization_id = $1`, [orgA]);
  expect(r.spendLogs.data.spendLogs.totalCount).toBe(n);
});

test('nested paths stay inside the organization', async () => {
  const r = await t.gql(`query($a: ID!, $b: ID!) { a: organization(id: $a) { teams { nodes { organization { id } keys(first: 100) { nodes { team { organization { id } } } } } } } b: organization(id: $b) { id } }`, { a: orgA, b: orgB }, me.rawKey);
  expect(r.data.b).toBeNull();
  const keys = r.data.a.teams.nodes.flatMap((tm: any) => tm.keys.nodes);
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.every((k: any) => k.team.organization.id === orgA)).toBe(true);
  const [other] = await t.db.ds.query(`SELECT k.token FROM "LiteLLM_VerificationToken" k JOIN "LiteLLM_TeamTable" tm USING (team_id) WHERE tm.organization_id = $1 LIMIT 1`, [orgB]);
  expect((await t.gql(`query($t: String) { key(token: $t) { token } }`, { t: other.token }, me.rawKey)).data.key).toBeNull();
});

test("manages its organization's teams and keys, not another organization's", async () => {
  const [inA] = await t.db.ds.query(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = $1 LIMIT 1`, [orgA]);
  const [inB] = await t.db.ds.query(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = $1 LIMIT 1`, [orgB]);
  expect((await t.gql(`mutation($t: ID!) { setTeamBudget(teamId: $t, input: { maxBudget: 77 }) { maxBudget } }`, { t: inA.team_id }, me.rawKey)).data.setTeamBudget.maxBudget).toBe(77);
  refused(await t.gql(`mutation($t: ID!) { setTeamBudget(teamId: $t, input: { maxBudget: 77 }) { maxBudget } }`, { t: inB.team_id }, me.rawKey), 'NOT_FOUND');
  const service = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { info { team { id } user { id } } } }`, { t: inA.team_id }, me.rawKey);
  expect(service.data.generateKey.info).toEqual({ team: { id: inA.team_id }, user: null });
  expect(codes(await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { key } }`, { t: inB.team_id }, me.rawKey))).toEqual(['NOT_FOUND']);
  refused(await t.gql(`mutation { createBudget(input: { maxBudget: 1 }) { id } }`, {}, me.rawKey), 'FORBIDDEN');
});

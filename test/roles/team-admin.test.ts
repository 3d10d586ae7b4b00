import { startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, probe, refused, sqlIds } from '../helpers/roles';

let t: TestGateway;
let me: MadePrincipal;
let mine: string;
let other: string;

beforeAll(async () => {
  t = await startTestGateway();
  [mine, other] = t.seed!.teams;
  me = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [mine] });
});
afterAll(() => t.close());

test("reads its team, the team's members and keys; nothing of other teams", async () => {
  const r = await probe(t, me.rawKey);
  expect(ids(r.teams, 'teams')).toEqual([mine]);
  expect(ids(r.organizations, 'organizations')).toEqual([]);
  expect(ids(r.keys, 'keys', 'token')).toEqual(await sqlIds(t, `SELECT token AS id FROM "LiteLLM_VerificationToken" WHERE user_id = $1 OR team_id = $2`, [me.userId, mine]));
  const [team] = await t.db.ds.query(`SELECT members_with_roles FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [mine]);
  expect(ids(r.users, 'users')).toEqual(team.members_with_roles.map((m: any) => m.user_id).sort());
  for (const root of ['endUsers', 'budgets', 'invitations', 'errorLogs', 'auditLogs']) refused(r[root], 'FORBIDDEN');
  expect((await t.gql(`query($t: ID!) { team(id: $t) { id } }`, { t: other }, me.rawKey)).data.team).toBeNull();
});

test('a nested path: team → members → user → keys shows only keys it may see', async () => {
  const r = await t.gql(`query($t: ID!) { team(id: $t) { members(first: 100) { nodes { user { id keys(first: 100) { nodes { token teamId userId } } } } } } }`, { t: mine }, me.rawKey);
  const keys = r.data.team.members.nodes.flatMap((m: any) => m.user.keys.nodes);
  expect(keys.every((k: any) => k.teamId === mine || k.userId === me.userId)).toBe(true);
});

test("manages the team's keys and member budgets, not another team's", async () => {
  const [teamKey] = await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1 AND user_id IS DISTINCT FROM $2 LIMIT 1`, [mine, me.userId]);
  const [otherKey] = await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1 LIMIT 1`, [other]);
  expect((await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: teamKey.token }, me.rawKey)).data.blockKey.blocked).toBe(true);
  expect((await t.gql(`mutation($t: String!) { resetKeySpend(token: $t, resetTo: 0) { spend } }`, { t: teamKey.token }, me.rawKey)).data.resetKeySpend.spend).toBe(0);
  // another team's keys do not exist for it
  refused(await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: otherKey.token }, me.rawKey), 'NOT_FOUND');
  refused(await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [otherKey.token] }, me.rawKey), 'NOT_FOUND');
  const service = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { info { user { id } team { id } } } }`, { t: mine }, me.rawKey);
  expect(service.data.generateKey.info).toEqual({ user: null, team: { id: mine } });
  refused(await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { key } }`, { t: other }, me.rawKey), 'NOT_FOUND');
  const [member] = (await t.db.ds.query(`SELECT members_with_roles FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [mine]))[0].members_with_roles.filter((m: any) => m.user_id !== me.userId);
  const budget = await t.gql(`mutation($t: ID!, $u: ID!) { setTeamMemberBudget(teamId: $t, userId: $u, input: { maxBudget: 45 }) { budget { maxBudget } } }`, { t: mine, u: member.user_id }, me.rawKey);
  expect(budget.errors).toBeUndefined();
  expect(budget.data.setTeamMemberBudget.budget.maxBudget).toBe(45);
  refused(await t.gql(`mutation($t: ID!) { setTeamBudget(teamId: $t, input: { maxBudget: 1 }) { id } }`, { t: mine }, me.rawKey), 'FORBIDDEN');
});

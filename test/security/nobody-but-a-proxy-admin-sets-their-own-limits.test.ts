import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

/**
 * A member's limits in a team are set by the team's managers, never by the member themself (unless a proxy
 * admin): updateTeamMember and resetTeamMemberSpend refuse it, and joining a team must not be a way around.
 */
let t: TestGateway;
let org: string, team: string;
let orgAdmin: MadePrincipal;

const rows = async (userId: string) => t.db.ds.query(`SELECT budget_id FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [userId, team]);
const roster = async () => (await t.db.ds.query(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'org');
  team = await makeTeam(t, 'capped', org);
  // the team gives every member $5 (its member budget tier)
  expect((await t.gql(`mutation($t: ID!) { updateTeam(id: $t, input: { teamMemberBudget: 5 }) { id } }`, { t: team })).errors).toBeUndefined();
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
});
afterAll(() => t.close());

test('an org admin joining a team of their organization cannot give themselves a budget of their choosing', async () => {
  const before = await roster();
  const r = await t.gql(
    `mutation($t: ID!, $u: ID!) { addTeamMembers(teamId: $t, members: [{ userId: $u, maxBudgetInTeam: 1000000 }]) { id } }`,
    { t: team, u: orgAdmin.userId },
    orgAdmin.rawKey,
  );
  expect(codes(r)).toEqual(['FORBIDDEN']);
  expect(await rows(orgAdmin.userId)).toEqual([]);
  expect(await roster()).toEqual(before);
  // the same change after joining is refused too (the rule this protects)
  const join = await t.gql(`mutation($t: ID!, $u: ID!) { addTeamMembers(teamId: $t, members: [{ userId: $u }]) { id } }`, { t: team, u: orgAdmin.userId }, orgAdmin.rawKey);
  expect(join.errors).toBeUndefined();
  const tier = (await rows(orgAdmin.userId))[0].budget_id;
  expect(Number((await t.db.ds.query(`SELECT max_budget FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [tier]))[0].max_budget)).toBe(5);
  const raise = await t.gql(`mutation($t: ID!, $u: ID!) { updateTeamMember(teamId: $t, userId: $u, input: { maxBudgetInTeam: 1000000 }) { role } }`, { t: team, u: orgAdmin.userId }, orgAdmin.rawKey);
  expect(codes(raise)).toEqual(['FORBIDDEN']);
});

test('an org admin still adds others with a budget', async () => {
  const other = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [org] });
  const r = await t.gql(`mutation($t: ID!, $u: ID!) { addTeamMembers(teamId: $t, members: [{ userId: $u, maxBudgetInTeam: 50 }]) { id } }`, { t: team, u: other.userId }, orgAdmin.rawKey);
  expect(r.errors).toBeUndefined();
  expect((await rows(other.userId)).length).toBe(1);
});

test("a team admin cannot lift their own limits or spend through a key they made for a fellow team admin", async () => {
  const own = await makeTeam(t, 'own team');
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [own] });
  const fellow = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [own] });
  await t.db.ds.query(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ($1, $2, 40)`, [admin.userId, own]);
  const made = await t.gql(`mutation($u: ID!, $t: ID!) { generateKey(input: { userId: $u, teamId: $t }) { key } }`, { u: fellow.userId, t: own }, admin.rawKey);
  expect(made.errors).toBeUndefined();
  const delegated = made.data.generateKey.key;
  const before = await t.db.ds.query(`SELECT spend, budget_id FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [admin.userId, own]);
  const raise = await t.gql(`mutation($t: ID!, $u: ID!) { updateTeamMember(teamId: $t, userId: $u, input: { maxBudgetInTeam: 1000000 }) { role } }`, { t: own, u: admin.userId }, delegated);
  expect(codes(raise)).toEqual(['FORBIDDEN']);
  const reset = await t.gql(`mutation($t: ID!, $u: ID!) { resetTeamMemberSpend(teamId: $t, userId: $u) { role } }`, { t: own, u: admin.userId }, delegated);
  expect(codes(reset)).toEqual(['FORBIDDEN']);
  expect(await t.db.ds.query(`SELECT spend, budget_id FROM "LiteLLM_TeamMembership" WHERE user_id = $1 AND team_id = $2`, [admin.userId, own])).toEqual(before);
  // the fellow admin's own key still changes the first admin's limits (two admins agreeing is the team's rule)
  const byFellow = await t.gql(`mutation($t: ID!, $u: ID!) { updateTeamMember(teamId: $t, userId: $u, input: { maxBudgetInTeam: 10 }) { role } }`, { t: own, u: admin.userId }, fellow.rawKey);
  expect(byFellow.errors).toBeUndefined();
});

import { randomUUID } from 'node:crypto';
import { startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

let t: TestGateway;
let org: string, team: string;
let teamAdmin: MadePrincipal, orgAdmin: MadePrincipal, alice: MadePrincipal, bob: MadePrincipal;

async function memberBudget(userId: string, teamId: string, spend: number) {
  const tier = randomUUID();
  await t.db.ds.query(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ($1, 50, 'x', 'x')`, [tier]);
  await t.db.ds.query(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, budget_id) VALUES ($1, $2, $3, $4)`, [userId, teamId, spend, tier]);
  await t.db.ds.query(`UPDATE "LiteLLM_OrganizationMembership" SET spend = $2, budget_id = $3 WHERE user_id = $1`, [userId, spend, tier]);
}

const TEAM = `query($t: ID!) { team(id: $t) { members { nodes { userId role spend budget { maxBudget } usage(from: "2026-01-01", to: "2026-01-31") { spend } } } } }`;
const ORG = `query($o: ID!) { organization(id: $o) { members { nodes { userId role spend budget { maxBudget } } } } }`;

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'org');
  team = await makeTeam(t, 'team', org);
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
  alice = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team], orgMemberOf: [org] });
  bob = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team], orgMemberOf: [org] });
  await memberBudget(alice.userId, team, 3);
  await memberBudget(bob.userId, team, 4);
});
afterAll(() => t.close());

const byUser = (nodes: any[]) => Object.fromEntries(nodes.map((n) => [n.userId, n]));

test("a plain member sees teammates' names and roles, and only their own spend, budget and usage", async () => {
  const r = await t.gql(TEAM, { t: team }, alice.rawKey);
  expect(r.errors).toBeUndefined();
  const m = byUser(r.data.team.members.nodes);
  expect(m[alice.userId]).toMatchObject({ spend: 3, budget: { maxBudget: 50 }, usage: { spend: 0 } });
  expect(m[bob.userId]).toEqual({ userId: bob.userId, role: 'USER', spend: null, budget: null, usage: null });
  const o = byUser((await t.gql(ORG, { o: org }, alice.rawKey)).data.organization.members.nodes);
  expect(o[alice.userId]).toMatchObject({ spend: 3, budget: { maxBudget: 50 } });
  expect(o[bob.userId]).toEqual({ userId: bob.userId, role: 'internal_user', spend: null, budget: null });
});

test("the team's admins and the organization's admins see every member's spend", async () => {
  for (const admin of [teamAdmin, orgAdmin]) {
    const m = byUser((await t.gql(TEAM, { t: team }, admin.rawKey)).data.team.members.nodes);
    expect(m[bob.userId]).toMatchObject({ spend: 4, budget: { maxBudget: 50 }, usage: { spend: 0 } });
  }
  const o = byUser((await t.gql(ORG, { o: org }, orgAdmin.rawKey)).data.organization.members.nodes);
  expect(o[bob.userId]).toMatchObject({ spend: 4, budget: { maxBudget: 50 } });
});

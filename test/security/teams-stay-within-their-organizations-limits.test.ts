import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

/**
 * A team of an organization stays within the organization's tier (LiteLLM's validate_team_org_change):
 * updateTeam checks it, and setTeamBudget (the same /team/update) must not be a way around it.
 */
let t: TestGateway;
let org: string, team: string;
let orgAdmin: MadePrincipal;

const stored = async () => (await t.db.ds.query(`SELECT max_budget, tpm_limit, rpm_limit FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0];

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'org');
  await t.db.ds.query(`UPDATE "LiteLLM_BudgetTable" SET max_budget = 100, tpm_limit = 1000, rpm_limit = 10 WHERE budget_id = (SELECT budget_id FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1)`, [org]);
  team = await makeTeam(t, 'team', org);
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
});
afterAll(() => t.close());

test.each([
  ['maxBudget', 1000],
  ['tpmLimit', 5000],
  ['rpmLimit', 500],
])("an org admin cannot raise a team's %s above its organization's through setTeamBudget", async (field, value) => {
  const before = await stored();
  const viaUpdate = await t.gql(`mutation($t: ID!, $i: UpdateTeamInput!) { updateTeam(id: $t, input: $i) { id } }`, { t: team, i: { [field]: value } }, orgAdmin.rawKey);
  expect(codes(viaUpdate)).toEqual(['BAD_USER_INPUT']);
  const viaBudget = await t.gql(`mutation($t: ID!, $i: SetBudgetInput!) { setTeamBudget(teamId: $t, input: $i) { id } }`, { t: team, i: { [field]: value } }, orgAdmin.rawKey);
  expect(codes(viaBudget)).toEqual(['BAD_USER_INPUT']);
  expect(await stored()).toEqual(before);
});

test('within the tier, setTeamBudget sets it', async () => {
  const r = await t.gql(`mutation($t: ID!) { setTeamBudget(teamId: $t, input: { maxBudget: 80, tpmLimit: 900 }) { maxBudget tpmLimit } }`, { t: team }, orgAdmin.rawKey);
  expect(r.errors).toBeUndefined();
  expect(r.data.setTeamBudget).toEqual({ maxBudget: 80, tpmLimit: 900 });
});

import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

/**
 * A team of an organization takes as members only users of that organization (LiteLLM's team_member_add
 * answers 403 otherwise, and moving a team needs the same): an org admin or team admin cannot pull a user of
 * another organization into their team, see them, spend their budget or mint keys for them.
 */
let t: TestGateway;
let orgA: string, orgB: string, teamA: string;
let orgAdmin: MadePrincipal, teamAdmin: MadePrincipal, outsider: MadePrincipal, insider: MadePrincipal;

const roster = async (team: string) => (await t.db.ds.query(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;
const add = (team: string, member: Record<string, unknown>, key: string) =>
  t.gql(`mutation($t: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $t, members: $m) { id } }`, { t: team, m: [member] }, key);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  orgA = await makeOrganization(t, 'a');
  orgB = await makeOrganization(t, 'b');
  teamA = await makeTeam(t, 'team of a', orgA);
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamA], orgMemberOf: [orgA] });
  outsider = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [orgB] });
  insider = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [orgA] });
});
afterAll(() => t.close());

test.each([
  ['org admin', () => orgAdmin],
  ['team admin', () => teamAdmin],
])('a %s cannot add a user of another organization to a team of theirs, by id or by email', async (_, caller) => {
  const before = await roster(teamA);
  for (const member of [{ userId: outsider.userId }, { userEmail: `${outsider.userId}@example.com` }]) {
    const r = await add(teamA, member, caller().rawKey);
    expect(codes(r)).toEqual(['FORBIDDEN']);
  }
  expect(await roster(teamA)).toEqual(before);
  const teams = (await t.db.ds.query(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [outsider.userId]))[0].teams;
  expect(teams).toEqual([]);
  // and so mints no key for them
  const key = await t.gql(`mutation($u: ID!, $t: ID!) { generateKey(input: { userId: $u, teamId: $t }) { key } }`, { u: outsider.userId, t: teamA }, caller().rawKey);
  expect(key.errors).toBeDefined();
});

test('an org admin cannot create a team of their organization with a user of another organization', async () => {
  const r = await t.gql(`mutation($o: ID, $u: ID!) { createTeam(input: { organizationId: $o, members: [{ userId: $u }] }) { id } }`, { o: orgA, u: outsider.userId }, orgAdmin.rawKey);
  expect(codes(r)).toEqual(['FORBIDDEN']);
  expect((await t.db.ds.query(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [outsider.userId]))[0].teams).toEqual([]);
});

test("users of the team's organization, and new users, still join", async () => {
  expect((await add(teamA, { userId: insider.userId }, teamAdmin.rawKey)).errors).toBeUndefined();
  expect((await add(teamA, { userEmail: 'brand-new@example.com' }, orgAdmin.rawKey)).errors).toBeUndefined();
  const created = await t.gql(`mutation($t: ID!) { createUser(input: { autoCreateKey: false, teams: [{ teamId: $t }] }) { user { id } } }`, { t: teamA }, orgAdmin.rawKey);
  expect(created.errors).toBeUndefined();
});

test("an org admin cannot first bring another organization's user (or an admin of the proxy) into their organization; unaffiliated users they may, as LiteLLM lets them", async () => {
  const ADD_ORG = `mutation($o: ID!, $m: [OrganizationMemberInput!]!) { addOrganizationMembers(organizationId: $o, members: $m) { id } }`;
  const viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  const loner = await makePrincipal(t, { role: 'internal_user' });
  const members = async () => (await t.db.ds.query(`SELECT user_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 ORDER BY 1`, [orgA])).map((r: any) => r.user_id);
  const before = await members();
  for (const member of [{ userId: outsider.userId, role: 'INTERNAL_USER' }, { userEmail: `${outsider.userId}@example.com`, role: 'INTERNAL_USER' }, { userId: viewer.userId, role: 'INTERNAL_USER' }])
    expect(codes(await t.gql(ADD_ORG, { o: orgA, m: [member] }, orgAdmin.rawKey))).toEqual(['FORBIDDEN']);
  expect(await members()).toEqual(before);
  expect((await t.gql(ADD_ORG, { o: orgA, m: [{ userId: loner.userId, role: 'INTERNAL_USER' }] }, orgAdmin.rawKey)).errors).toBeUndefined();
  // a proxy admin may
  expect((await t.gql(ADD_ORG, { o: orgA, m: [{ userId: outsider.userId, role: 'INTERNAL_USER' }] })).errors).toBeUndefined();
});

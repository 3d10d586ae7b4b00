import { randomUUID } from 'node:crypto';
import { codes, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam } from '../helpers/world';

// The role matrix of the team member mutations and the tombstone lists: who may call each, and the exact
// refusal of everyone else (NOT_FOUND where the team is not visible to them, FORBIDDEN where it is).

let t: TestGateway;
let org: string;
let elsewhere: string;

const ADD = `mutation($t: ID!, $u: ID!) { addTeamMembers(teamId: $t, members: [{ userId: $u }]) { id } }`;
const UPDATE = `mutation($t: ID!, $u: ID!) { updateTeamMember(teamId: $t, userId: $u, input: { maxBudgetInTeam: 3, role: ADMIN }) { userId } }`;
const RESET = `mutation($t: ID!, $u: ID!) { resetTeamMemberSpend(teamId: $t, userId: $u) { spend } }`;
const REMOVE = `mutation($t: ID!, $u: [ID!]) { removeTeamMembers(teamId: $t, userIds: $u) { id } }`;

type Role = 'proxy admin' | 'admin viewer' | 'org admin' | "another org's admin" | 'team admin' | "another team's admin" | 'member' | 'member viewer';
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND';

const MATRIX: Record<Role, Outcome> = {
  'proxy admin': 'OK',
  'admin viewer': 'FORBIDDEN',
  'org admin': 'OK',
  "another org's admin": 'NOT_FOUND',
  'team admin': 'OK',
  "another team's admin": 'NOT_FOUND',
  member: 'FORBIDDEN',
  'member viewer': 'FORBIDDEN',
};

/** A team of the organization with one plain member who has spend, and the caller in the given role. */
async function world(role: Role): Promise<{ team: string; target: string; key: string }> {
  const team = await makeTeam(t, `matrix-${role}`, org);
  const target = (await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] })).userId;
  await t.db.ds.query(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ($1, $2, 5)`, [target, team]);
  const make = (opts: Parameters<typeof makePrincipal>[1]) => makePrincipal(t, opts).then((p) => p.rawKey);
  const key = {
    'proxy admin': async () => MASTER_KEY,
    'admin viewer': () => make({ role: 'proxy_admin_viewer' }),
    'org admin': () => make({ role: 'internal_user', orgAdminOf: [org] }),
    "another org's admin": () => make({ role: 'internal_user', orgAdminOf: [elsewhere] }),
    'team admin': () => make({ role: 'internal_user', teamAdminOf: [team] }),
    "another team's admin": async () => make({ role: 'internal_user', teamAdminOf: [await makeTeam(t, 'other', org)] }),
    member: () => make({ role: 'internal_user', teamMemberOf: [team] }),
    'member viewer': () => make({ role: 'internal_user_viewer', teamMemberOf: [team] }),
  }[role];
  return { team, target, key: await key() };
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'matrix');
  elsewhere = await makeOrganization(t, 'matrix-elsewhere');
});
afterAll(() => t.close());

describe.each(Object.entries(MATRIX) as [Role, Outcome][])('%s', (role, expected) => {
  test(`addTeamMembers, updateTeamMember, resetTeamMemberSpend, removeTeamMembers: ${expected}`, async () => {
    const { team, target, key } = await world(role);
    const newcomer = `matrix-${randomUUID().slice(0, 8)}`;
    await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_role, teams) VALUES ($1, 'internal_user', '{}')`, [newcomer]);
    // a team of an organization takes that organization's users (test/security/org-teams-take-only-their-organizations-users.test.ts)
    await t.db.ds.query(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ($1, $2, 'internal_user')`, [newcomer, org]);
    const outcome = (r: { errors?: unknown[] }) => (r.errors ? codes(r as any)[0] : 'OK');
    const results = {
      add: outcome(await t.gql(ADD, { t: team, u: newcomer }, key)),
      update: outcome(await t.gql(UPDATE, { t: team, u: target }, key)),
      reset: outcome(await t.gql(RESET, { t: team, u: target }, key)),
      remove: outcome(await t.gql(REMOVE, { t: team, u: [target] }, key)),
    };
    expect(results).toEqual({ add: expected, update: expected, reset: expected, remove: expected });
    const [row] = await t.db.ds.query(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]);
    const ids = row.m.map((e: any) => e.user_id);
    expect([ids.includes(newcomer), ids.includes(target)]).toEqual(expected === 'OK' ? [true, false] : [false, true]);
  });

  test(`deletedKeys and deletedTeams: ${role === 'proxy admin' || role === 'admin viewer' ? 'OK' : 'FORBIDDEN'}`, async () => {
    const { key } = await world(role);
    const reads = role === 'proxy admin' || role === 'admin viewer';
    for (const query of ['{ deletedKeys { totalCount } }', '{ deletedTeams { totalCount } }']) {
      const r = await t.gql(query, {}, key);
      expect(r.errors ? codes(r) : 'OK').toEqual(reads ? 'OK' : ['FORBIDDEN']);
    }
  });
});

import { codes, GqlResult, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, MadePrincipal, makeTeam } from '../helpers/world';

// Who may createUser, updateUser, updateUsers and deleteUsers: each role, inside and outside its scope,
// allowed or the exact error code; a refusal writes nothing.

let t: TestGateway;
let orgA: string;
let orgB: string;
let teamA: string;
let teamB: string;
const who: Record<string, MadePrincipal> = {};

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id } }`;
const UPDATES = `mutation($u: [UserUpdateInput!]!) { updateUsers(updates: $u) { id } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteUsers(ids: $ids) }`;

async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_UserTable', 'LiteLLM_TeamTable', 'LiteLLM_TeamMembership', 'LiteLLM_OrganizationMembership', 'LiteLLM_VerificationToken', 'LiteLLM_InvitationLink'];
  const parts = [];
  for (const table of tables) parts.push((await t.db.ds.query(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

/** The call as this caller: allowed (no error, some row changed) or refused with exactly this code and nothing written. */
async function expectOutcome(caller: string, query: string, variables: Record<string, unknown>, outcome: 'allowed' | 'FORBIDDEN' | 'NOT_FOUND'): Promise<GqlResult> {
  const before = await fingerprint();
  const r = await t.gql(query, variables, who[caller].rawKey);
  if (outcome === 'allowed') {
    if (r.errors) throw new Error(`${caller}: expected allowed, got ${JSON.stringify(r.errors)}`);
    expect(await fingerprint()).not.toBe(before);
  } else {
    if (JSON.stringify(codes(r)) !== JSON.stringify([outcome])) throw new Error(`${caller}: expected ${outcome}, got ${JSON.stringify(r.errors ?? r.data)}`);
    expect(await fingerprint()).toBe(before);
  }
  return r;
}

/** A user in organization org and team team (as a member), made by the master key. */
const target = (opts: { org?: string; team?: string; role?: string }) =>
  makePrincipal(t, { role: opts.role ?? 'internal_user', orgMemberOf: opts.org ? [opts.org] : [], teamMemberOf: opts.team ? [opts.team] : [] });

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  orgA = await makeOrganization(t, 'org-a');
  orgB = await makeOrganization(t, 'org-b');
  teamA = await makeTeam(t, 'team-a', orgA);
  teamB = await makeTeam(t, 'team-b', orgB);
  who.proxyAdmin = await makePrincipal(t, { role: 'proxy_admin' });
  who.adminViewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  who.orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  who.teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamA] });
  who.internalUser = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [teamA] });
  who.internalViewer = await makePrincipal(t, { role: 'internal_user_viewer', teamMemberOf: [teamA] });
});
afterAll(() => t.close());

describe('createUser', () => {
  test.each([
    ['proxyAdmin', { userRole: 'proxy_admin' }, 'allowed'],
    ['proxyAdmin', {}, 'allowed'],
    ['adminViewer', { teams: [{ teamId: 'A' }] }, 'FORBIDDEN'],
    ['orgAdmin', { teams: [{ teamId: 'A' }], autoCreateKey: false }, 'allowed'],
    ['orgAdmin', { teams: [{ teamId: 'A' }] }, 'FORBIDDEN'],
    ['orgAdmin', { teams: [{ teamId: 'A' }], userRole: 'proxy_admin_viewer' }, 'FORBIDDEN'],
    ['orgAdmin', {}, 'FORBIDDEN'],
    ['orgAdmin', { teams: [{ teamId: 'B' }] }, 'NOT_FOUND'],
    ['teamAdmin', { teams: [{ teamId: 'A' }] }, 'FORBIDDEN'],
    ['teamAdmin', { teams: [{ teamId: 'B' }] }, 'NOT_FOUND'],
    ['internalUser', { teams: [{ teamId: 'A' }] }, 'FORBIDDEN'],
    ['internalUser', {}, 'FORBIDDEN'],
    ['internalViewer', {}, 'FORBIDDEN'],
  ] as const)('%s with %p: %s', async (caller, input, outcome) => {
    const teams = 'teams' in input ? input.teams.map((x) => ({ teamId: x.teamId === 'A' ? teamA : teamB })) : undefined;
    await expectOutcome(caller, CREATE, { i: { ...input, teams } }, outcome);
  });

  test("an org admin's new user is in the team of their organization; its keys are made in that team", async () => {
    const r = await expectOutcome('orgAdmin', `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id teamIds } key { key } } }`, { i: { teams: [{ teamId: teamA }], autoCreateKey: false } }, 'allowed');
    const made = r.data.createUser;
    expect(made).toEqual({ user: { id: made.user.id, teamIds: [teamA] }, key: null });
    const key = await t.gql(`mutation($u: ID, $t: ID) { generateKey(input: { userId: $u, teamId: $t }) { info { userId teamId } } }`, { u: made.user.id, t: teamA }, who.orgAdmin.rawKey);
    expect(key.data.generateKey.info).toEqual({ userId: made.user.id, teamId: teamA });
    // a personal key of the new user is refused, as for any other user
    expect(codes(await t.gql(`mutation($u: ID) { generateKey(input: { userId: $u }) { key } }`, { u: made.user.id }, who.orgAdmin.rawKey))).toEqual(['FORBIDDEN']);
  });
});

describe('updateUser and updateUsers', () => {
  test.each([
    ['proxyAdmin', 'inside', { maxBudget: 5, userRole: 'internal_user_viewer' }, 'allowed'],
    ['adminViewer', 'inside', { userAlias: 'x' }, 'FORBIDDEN'],
    ['orgAdmin', 'inside', { userAlias: 'x' }, 'FORBIDDEN'],
    ['orgAdmin', 'outside', { userAlias: 'x' }, 'NOT_FOUND'],
    ['teamAdmin', 'inside', { maxBudget: 5 }, 'FORBIDDEN'],
    ['teamAdmin', 'outside', { maxBudget: 5 }, 'NOT_FOUND'],
    ['internalUser', 'inside', { userAlias: 'x' }, 'NOT_FOUND'],
    ['internalUser', 'self', { userAlias: 'me' }, 'allowed'],
    ['internalUser', 'self', { maxBudget: 1000 }, 'FORBIDDEN'],
    ['internalUser', 'self', { userRole: 'proxy_admin' }, 'FORBIDDEN'],
    ['teamAdmin', 'self', { tpmLimit: 99999 }, 'FORBIDDEN'],
    ['orgAdmin', 'self', { userRole: 'proxy_admin' }, 'FORBIDDEN'],
    ['internalViewer', 'self', { userAlias: 'me' }, 'FORBIDDEN'],
  ] as const)('%s on a user %s with %p: %s', async (caller, where, input, outcome) => {
    const id = where === 'self' ? who[caller].userId : (await target(where === 'inside' ? { org: orgA, team: teamA } : { org: orgB, team: teamB })).userId;
    await expectOutcome(caller, UPDATE, { id, i: input }, outcome);
    if (outcome !== 'allowed') await expectOutcome(caller, UPDATES, { u: [{ userId: id, input }] }, outcome);
  });

  test('updateUsers: a proxy admin changes many; one refused user refuses the call for anyone else', async () => {
    const a = await target({ org: orgA, team: teamA });
    const b = await target({ org: orgA, team: teamA });
    await expectOutcome('proxyAdmin', UPDATES, { u: [{ userId: a.userId, input: { maxBudget: 1 } }, { userId: b.userId, input: { maxBudget: 2 } }] }, 'allowed');
    await expectOutcome('internalUser', UPDATES, { u: [{ userId: who.internalUser.userId, input: { userAlias: 'ok' } }, { userId: a.userId, input: { userAlias: 'x' } }] }, 'NOT_FOUND');
  });
});

describe('deleteUsers', () => {
  test.each([
    ['proxyAdmin', { org: 'A', team: 'A' }, 'allowed'],
    ['proxyAdmin', { role: 'proxy_admin' }, 'allowed'],
    ['adminViewer', { org: 'A', team: 'A' }, 'FORBIDDEN'],
    ['orgAdmin', { org: 'A', team: 'A' }, 'allowed'],
    ['orgAdmin', { org: 'A' }, 'allowed'],
    ['orgAdmin', { org: 'A', team: 'A', alsoB: true }, 'FORBIDDEN'],
    ['orgAdmin', { org: 'A', team: 'A', role: 'proxy_admin_viewer' }, 'FORBIDDEN'],
    ['orgAdmin', { org: 'A', team: 'A', keyInB: true }, 'FORBIDDEN'],
    ['orgAdmin', { org: 'B', team: 'B' }, 'NOT_FOUND'],
    ['teamAdmin', { team: 'A' }, 'FORBIDDEN'],
    ['teamAdmin', { org: 'B', team: 'B' }, 'NOT_FOUND'],
    ['internalUser', { team: 'A' }, 'NOT_FOUND'],
    ['internalUser', { self: true }, 'FORBIDDEN'],
    ['internalViewer', { self: true }, 'FORBIDDEN'],
  ] as const)('%s deleting %p: %s', async (caller, where, outcome) => {
    let id: string;
    if ('self' in where) id = who[caller].userId;
    else {
      const u = await target({ org: 'org' in where ? (where.org === 'A' ? orgA : orgB) : undefined, team: 'team' in where ? (where.team === 'A' ? teamA : teamB) : undefined, role: 'role' in where ? where.role : undefined });
      id = u.userId;
      if ('keyInB' in where) await insertKey(t, { userId: id, teamId: teamB });
      if ('alsoB' in where) {
        await t.db.ds.query(`UPDATE "LiteLLM_UserTable" SET teams = array_append(teams, $2) WHERE user_id = $1`, [id, teamB]);
      }
    }
    await expectOutcome(caller, DELETE, { ids: [id] }, outcome);
    if (outcome === 'allowed') expect(await t.db.ds.query(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = $1`, [id])).toEqual([]);
  });
});

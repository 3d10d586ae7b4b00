import { codes, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

let t: TestGateway;
let team: string, blockedTeam: string;
let teamAdmin: MadePrincipal, owner: MadePrincipal;
const row = async (token: string) => (await t.db.ds.query(`SELECT blocked, expires, max_budget FROM "LiteLLM_VerificationToken" WHERE token = $1`, [token]))[0];
const count = async () => Number((await t.db.ds.query(`SELECT count(*) AS n FROM "LiteLLM_VerificationToken"`))[0].n);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  team = await makeTeam(t, 'open');
  blockedTeam = await makeTeam(t, 'blocked');
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team, blockedTeam] });
  owner = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team, blockedTeam] });
  await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET blocked = true WHERE team_id = $1`, [blockedTeam]);
});
afterAll(() => t.close());

describe('a blocked team', () => {
  test("its keys do not authenticate", async () => {
    const k = await insertKey(t, { userId: owner.userId, teamId: blockedTeam });
    const r = await t.gql(`{ viewer { role } }`, {}, k.rawKey);
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].message).toMatch(/is blocked/);
  });

  test('nothing is created inside it, by anyone', async () => {
    const before = await count();
    for (const key of [MASTER_KEY, teamAdmin.rawKey, owner.rawKey]) {
      const r = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t }) { key } }`, { t: blockedTeam }, key);
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
    expect(await count()).toBe(before);
    const own = await insertKey(t, { userId: owner.userId, teamId: team });
    expect(codes(await t.gql(`mutation($k: String!, $t: ID) { updateKey(token: $k, input: { teamId: $t }) { token } }`, { k: own.token, t: blockedTeam }))).toEqual(['FORBIDDEN']);
    const budget = await t.gql(`mutation($t: ID!, $u: ID!) { setTeamMemberBudget(teamId: $t, userId: $u, input: { maxBudget: 1 }) { spend } }`, { t: blockedTeam, u: owner.userId });
    expect(codes(budget)).toEqual(['FORBIDDEN']);
    expect(Number((await t.db.ds.query(`SELECT count(*) AS n FROM "LiteLLM_TeamMembership" WHERE team_id = $1`, [blockedTeam]))[0].n)).toBe(0);
  });
});

describe('sanctions belong to admins', () => {
  test('an owner cannot block or unblock their own key; the team admin can', async () => {
    const k = await insertKey(t, { userId: owner.userId, teamId: team });
    expect(codes(await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    expect((await row(k.token)).blocked).toBeNull();
    expect((await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token }, teamAdmin.rawKey)).data.blockKey.blocked).toBe(true);
    expect(codes(await t.gql(`mutation($t: String!) { unblockKey(token: $t) { blocked } }`, { t: k.token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    expect((await row(k.token)).blocked).toBe(true);
  });

  test('an owner cannot clear blocked through updateKey, nor update or rotate a blocked key', async () => {
    const k = await insertKey(t, { userId: owner.userId, teamId: team, blocked: true });
    for (const input of ['{ blocked: false }', '{ maxBudget: 5 }']) {
      expect(codes(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: ${input}) { token } }`, { t: k.token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: k.token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    expect(await row(k.token)).toEqual({ blocked: true, expires: null, max_budget: null });
    const open = await insertKey(t, { userId: owner.userId, teamId: team });
    expect(codes(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { blocked: true }) { token } }`, { t: open.token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    expect((await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { blocked: false }) { blocked } }`, { t: k.token }, teamAdmin.rawKey)).data.updateKey.blocked).toBe(false);
  });

  test('an owner cannot revive an expired key; the team admin can', async () => {
    const expired = new Date(Date.now() - 3600_000);
    const k = await insertKey(t, { userId: owner.userId, teamId: team, expires: expired });
    const r = await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { duration: "30d" }) { expires } }`, { t: k.token }, owner.rawKey);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors![0].message).toMatch(/expired/);
    expect((await row(k.token)).expires.getTime()).toBe(expired.getTime());
    const revived = await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { duration: "30d" }) { expires } }`, { t: k.token }, teamAdmin.rawKey);
    expect(new Date(revived.data.updateKey.expires).getTime()).toBeGreaterThan(Date.now());
  });
});

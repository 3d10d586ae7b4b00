import { hashKey } from '../../src/services/key-format';
import { codes, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

let t: TestGateway;
let orgA: string, orgB: string, team: string, otherTeam: string;
let teamAdmin: MadePrincipal, orgAdmin: MadePrincipal, member: MadePrincipal, plain: MadePrincipal;
let proxyAdmin: MadePrincipal, adminViewer: MadePrincipal, foreignOrgAdmin: MadePrincipal;

const keyCount = async () => Number((await t.db.ds.query(`SELECT count(*) AS n FROM "LiteLLM_VerificationToken"`))[0].n);
const generate = (input: Record<string, unknown>, key: string) =>
  t.gql(`mutation($i: GenerateKeyInput!) { generateKey(input: $i) { key info { token } } }`, { i: input }, key);

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  orgA = await makeOrganization(t, 'a');
  orgB = await makeOrganization(t, 'b');
  team = await makeTeam(t, 'team', orgA);
  otherTeam = await makeTeam(t, 'other', orgA);
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team, otherTeam] });
  plain = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
  // all three are in the team and the organization, so both admins see them
  proxyAdmin = await makePrincipal(t, { role: 'proxy_admin', teamMemberOf: [team], orgMemberOf: [orgA] });
  adminViewer = await makePrincipal(t, { role: 'proxy_admin_viewer', teamMemberOf: [team], orgMemberOf: [orgA] });
  foreignOrgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgB], teamMemberOf: [team], orgMemberOf: [orgA] });
});
afterAll(() => t.close());

describe('generateKey with userId', () => {
  test.each(['teamAdmin', 'orgAdmin'])('a %s cannot mint a key for a proxy admin, an admin viewer or another organization\'s admin', async (who) => {
    const caller = who === 'teamAdmin' ? teamAdmin : orgAdmin;
    const before = await keyCount();
    for (const target of [proxyAdmin, adminViewer, foreignOrgAdmin]) {
      const r = await generate({ userId: target.userId, teamId: team }, caller.rawKey);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(r.errors![0].message).toMatch(/Only proxy admins may make or rotate keys/);
    }
    expect(await keyCount()).toBe(before);
    const ok = await generate({ userId: member.userId, teamId: team }, caller.rawKey);
    expect(ok.errors).toBeUndefined();
  });

  test('a plain member cannot mint keys for anyone else: teammates do not exist for them', async () => {
    expect(codes(await generate({ userId: member.userId, teamId: team }, plain.rawKey))).toEqual(['NOT_FOUND']);
    expect(codes(await generate({ userId: proxyAdmin.userId, teamId: team }, plain.rawKey))).toEqual(['NOT_FOUND']);
  });
});

describe('a key minted for a teammate acts only within the team', () => {
  let minted: string;
  let mintedToken: string;
  beforeAll(async () => {
    const r = await generate({ userId: member.userId, teamId: team }, teamAdmin.rawKey);
    minted = r.data.generateKey.key;
    mintedToken = r.data.generateKey.info.token;
  });

  test("it does not list the teammate's personal keys, nor their other team", async () => {
    const r = await t.gql(`{ viewer { role teamRoles { teamId } organizationRoles { organizationId } } keys(first: 100) { nodes { token } } teams { nodes { id } } }`, {}, minted);
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer.role).toBe('internal_user');
    expect(r.data.viewer.teamRoles.map((x: any) => x.teamId)).toEqual([team]);
    expect(r.data.keys.nodes.map((k: any) => k.token)).not.toContain(member.token);
    expect(r.data.teams.nodes.map((x: any) => x.id)).toEqual([team]);
    const personal = await t.gql(`query($t: String) { key(token: $t) { token } }`, { t: member.token }, minted);
    expect(personal.data.key).toBeNull();
    // the member's own key still sees both teams and their personal key
    const own = await t.gql(`{ keys(first: 100) { nodes { token } } teams { nodes { id } } }`, {}, member.rawKey);
    expect(own.data.keys.nodes.map((k: any) => k.token)).toContain(member.token);
    expect(own.data.teams.nodes.map((x: any) => x.id).sort()).toEqual([team, otherTeam].sort());
  });

  test('it cannot make a personal key or a key in another team', async () => {
    const before = await keyCount();
    expect(codes(await generate({}, minted))).toEqual(['FORBIDDEN']);
    expect(codes(await generate({ teamId: otherTeam }, minted))).toEqual(['NOT_FOUND']);
    expect(await keyCount()).toBe(before);
  });

  test('the team admin cannot move it out of the team or to another user', async () => {
    const before = (await t.db.ds.query(`SELECT user_id, team_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [mintedToken]))[0];
    expect(codes(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { teamId: null }) { token } }`, { t: mintedToken }, teamAdmin.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`mutation($t: String!, $u: ID) { updateKey(token: $t, input: { userId: $u }) { token } }`, { t: mintedToken, u: proxyAdmin.userId }, teamAdmin.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`mutation($t: String!, $o: ID) { updateKey(token: $t, input: { teamId: $o }) { token } }`, { t: mintedToken, o: otherTeam }, teamAdmin.rawKey))).toEqual(['NOT_FOUND']);
    expect((await t.db.ds.query(`SELECT user_id, team_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [mintedToken]))[0]).toEqual(before);
  });

  test('a key LiteLLM let a team admin make for a proxy admin acts as an internal user of the team', async () => {
    const legacy = await insertKey(t, { userId: proxyAdmin.userId, teamId: team, createdBy: teamAdmin.userId });
    const r = await t.gql(`{ viewer { role } }`, {}, legacy.rawKey);
    expect(r.data.viewer.role).toBe('internal_user');
    expect(codes(await t.gql(`mutation { createBudget(input: { maxBudget: 1 }) { id } }`, {}, legacy.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`{ auditLogs { totalCount } }`, {}, legacy.rawKey))).toEqual(['FORBIDDEN']);
  });
});

describe('regenerateKey', () => {
  test("a team admin cannot rotate a proxy admin's team key, nor a key its owner made", async () => {
    for (const owner of [proxyAdmin, member]) {
      const k = await insertKey(t, { userId: owner.userId, teamId: team });
      const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: k.token }, teamAdmin.rawKey);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect((await t.db.ds.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE token = $1`, [k.token])).length).toBe(1);
      expect((await t.gql(`{ viewer { role } }`, {}, k.rawKey)).data.viewer).toBeTruthy();
    }
  });

  test('a team admin may rotate a key minted for a teammate; the new key stays within the team', async () => {
    const m = await generate({ userId: member.userId, teamId: team }, teamAdmin.rawKey);
    const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: m.data.generateKey.info.token }, teamAdmin.rawKey);
    expect(r.errors).toBeUndefined();
    const v = await t.gql(`{ viewer { role teamRoles { teamId } } }`, {}, r.data.regenerateKey.key);
    expect(v.data.viewer).toEqual({ role: 'internal_user', teamRoles: [{ teamId: team }] });
  });

  test('the owner may rotate their own key', async () => {
    const k = await insertKey(t, { userId: member.userId, teamId: team });
    const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: k.token }, member.rawKey);
    expect(r.errors).toBeUndefined();
  });
});

describe('allowed_routes', () => {
  test('a key restricted to /key/generate cannot mint an unrestricted key, only one within its routes', async () => {
    const restricted = await insertKey(t, { userId: teamAdmin.userId, allowedRoutes: ['/key/generate'] });
    const before = await keyCount();
    expect(codes(await generate({ teamId: team }, restricted.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await generate({ teamId: team, allowedRoutes: ['management_routes'] }, restricted.rawKey))).toEqual(['FORBIDDEN']);
    expect(await keyCount()).toBe(before);
    const ok = await generate({ teamId: team, allowedRoutes: ['/key/generate'] }, restricted.rawKey);
    expect(ok.errors).toBeUndefined();
  });
});

describe('the audit trail names the real actor', () => {
  test('changed_by is the caller and changed_by_api_key the hash of the key they used, the master key included', async () => {
    const r = await generate({ userId: member.userId, teamId: team, keyAlias: 'audited' }, teamAdmin.rawKey);
    const [row] = await t.db.ds.query(`SELECT changed_by, changed_by_api_key FROM "LiteLLM_AuditLog" WHERE object_id = $1`, [r.data.generateKey.info.token]);
    expect(row).toEqual({ changed_by: teamAdmin.userId, changed_by_api_key: teamAdmin.token });
    const m = await generate({ keyAlias: 'by-master' }, MASTER_KEY);
    const [byMaster] = await t.db.ds.query(`SELECT changed_by, changed_by_api_key FROM "LiteLLM_AuditLog" WHERE object_id = $1`, [m.data.generateKey.info.token]);
    expect(byMaster).toEqual({ changed_by: 'default_user_id', changed_by_api_key: hashKey(MASTER_KEY) });
  });
});

import { randomUUID } from 'node:crypto';
import { codes, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

/**
 * Paths a hostile review found around the trust rules (docs/security.md): delegation, routes on
 * nested fields, hidden organizations and tiers, shared tiers, odd members_with_roles.
 */
let t: TestGateway;
let orgA: string, hiddenOrg: string, team: string, otherTeam: string;
let teamAdmin: MadePrincipal, member: MadePrincipal, mate: MadePrincipal;

const generate = (input: Record<string, unknown>, key: string) =>
  t.gql(`mutation($i: GenerateKeyInput!) { generateKey(input: $i) { key info { token } } }`, { i: input }, key);
const regenerate = (token: string, key: string) =>
  t.gql(`mutation($t: String!) { regenerateKey(token: $t) { key info { token } } }`, { t: token }, key);
const powerOf = (key: string) =>
  t.gql(`{ viewer { role teamRoles { teamId role } organizationRoles { organizationId role } } keys(first: 100) { nodes { token } } teams { nodes { id } } }`, {}, key);

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  orgA = await makeOrganization(t, 'a');
  hiddenOrg = await makeOrganization(t, 'hidden');
  team = await makeTeam(t, 'team', orgA);
  otherTeam = await makeTeam(t, 'other', null);
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  // the teammate has more than the team: another team, and an organization the team admin has nothing to do with
  member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team, otherTeam], orgAdminOf: [hiddenOrg] });
  // a plain teammate (no admin seat anywhere, so the team admin may mint keys for them) with another team and an organization
  mate = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team, otherTeam], orgMemberOf: [hiddenOrg] });
});
afterAll(() => t.close());

describe('a delegated key cannot climb back to its owner\'s full power', () => {
  let delegated: string;
  beforeAll(async () => {
    const r = await generate({ userId: mate.userId, teamId: team }, teamAdmin.rawKey);
    expect(r.errors).toBeUndefined();
    delegated = r.data.generateKey.key;
    // sanity: the delegated key is bound to the team
    const p = await powerOf(delegated);
    expect(p.data.viewer.teamRoles.map((x: any) => x.teamId)).toEqual([team]);
    expect(p.data.viewer.organizationRoles).toEqual([]);
  });

  test('a key the delegated key makes in its team is still bound to that team (created_by must name the real maker)', async () => {
    // generateKey stores created_by = the caller's user id = the owner, so the new key is no longer "delegated"
    const r = await generate({ teamId: team }, delegated);
    expect(r.errors).toBeUndefined();
    const p = await powerOf(r.data.generateKey.key);
    expect(p.errors).toBeUndefined();
    // the team admin who holds `delegated` must not reach the teammate's other team, org-admin seat or personal key
    expect(p.data.viewer.teamRoles.map((x: any) => x.teamId)).toEqual([team]);
    expect(p.data.viewer.organizationRoles).toEqual([]);
    expect(p.data.keys.nodes.map((k: any) => k.token)).not.toContain(mate.token);
    expect(p.data.teams.nodes.map((x: any) => x.id)).toEqual([team]);
  });

  test("a delegated key cannot rotate its owner's own (non-delegated) key in the team", async () => {
    const own = await insertKey(t, { userId: mate.userId, teamId: team }); // created_by = the member
    const r = await regenerate(own.token, delegated);
    // today: the rotation succeeds and hands the team admin a secret with all of the member's power
    expect(r.errors?.length ?? 0).toBeGreaterThan(0);
    if (!r.errors) {
      const p = await powerOf(r.data.regenerateKey.key);
      expect(p.data.viewer.organizationRoles).toEqual([]);
    }
  });

  test("a delegated key cannot change its owner's user row, which lies outside its team", async () => {
    const before = await t.db.ds.query(`SELECT user_alias FROM "LiteLLM_UserTable" WHERE user_id = $1`, [mate.userId]);
    const r = await t.gql(`mutation($u: ID!) { updateUser(id: $u, input: { userAlias: "renamed by the team admin" }) { id } }`, { u: mate.userId }, delegated);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await t.db.ds.query(`SELECT user_alias FROM "LiteLLM_UserTable" WHERE user_id = $1`, [mate.userId])).toEqual(before);
  });
});

describe('a route-restricted key gets no wider key through regenerateKey', () => {
  test("a key allowed only /key/regenerate cannot rotate its owner's unrestricted key", async () => {
    const owner = await makePrincipal(t, { role: 'internal_user' });
    const restricted = await insertKey(t, { userId: owner.userId, allowedRoutes: ['/key/regenerate'] });
    // sanity: the restricted key may not list keys
    expect(codes(await t.gql(`{ keys(first: 5) { nodes { token } } }`, {}, restricted.rawKey))).toEqual(['FORBIDDEN']);
    const r = await regenerate(owner.token, restricted.rawKey);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    // the unrestricted key was not rotated
    const still = await t.gql(`{ viewer { role } }`, {}, owner.rawKey);
    expect(still.errors).toBeUndefined();
  });
});

describe('allowed_routes hold on nested fields too', () => {
  test('a spend-tracking key cannot list keys through viewer.user.keys (it may not call keys)', async () => {
    const owner = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
    const spendOnly = await insertKey(t, { userId: owner.userId, allowedRoutes: ['spend_tracking_routes'] });
    expect(codes(await t.gql(`{ keys(first: 5) { nodes { token } } }`, {}, spendOnly.rawKey))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(`{ teams { nodes { id } } }`, {}, spendOnly.rawKey))).toEqual(['FORBIDDEN']);
    const r = await t.gql(`{ viewer { user { keys(first: 5) { nodes { token } } teams { id members { nodes { userId role } } keys { nodes { token } } } } } }`, {}, spendOnly.rawKey);
    // today the same key list (/key/list) and team members (/team/info) come back through viewer
    const leaked = JSON.stringify(r.data ?? {});
    expect(leaked).not.toContain(owner.token);
    expect(leaked).not.toContain(team);
  });
});

describe('hidden organizations and tiers stay hidden on nested paths', () => {
  test("a team admin does not see a teammate's memberships of organizations the admin cannot see", async () => {
    const r = await t.gql(`query($u: ID!) { user(id: $u) { id organizations { id } memberships { organizationId role } } }`, { u: member.userId }, teamAdmin.rawKey);
    expect(r.errors).toBeUndefined();
    expect(r.data.user.organizations).toEqual([]);
    // today memberships lists the hidden organization's id and the member's org_admin seat in it
    expect(r.data.user.memberships.map((m: any) => m.organizationId)).not.toContain(hiddenOrg);
  });

  test("OrganizationMember.budgetId is as private as OrganizationMember.budget", async () => {
    const org = await makeOrganization(t, 'tiers');
    const plain = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [org] });
    const rich = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [org] });
    const tier = `tier-${randomUUID().slice(0, 8)}`;
    await t.db.ds.query(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ($1, 5000, 'default_user_id', 'default_user_id')`, [tier]);
    await t.db.ds.query(`UPDATE "LiteLLM_OrganizationMembership" SET budget_id = $1, spend = 42 WHERE user_id = $2 AND organization_id = $3`, [tier, rich.userId, org]);
    const r = await t.gql(`query($o: ID!) { organization(id: $o) { members { nodes { userId spend budget { id } budgetId } } } }`, { o: org }, plain.rawKey);
    expect(r.errors).toBeUndefined();
    const row = r.data.organization.members.nodes.find((n: any) => n.userId === rich.userId);
    expect(row.spend).toBeNull();
    expect(row.budget).toBeNull();
    // today the tier id is returned raw
    expect(row.budgetId).toBeNull();
  });
});

describe("setTeamMemberBudget changes only that member's budget", () => {
  test("a team admin cannot rewrite a tier shared with an organization they do not administer", async () => {
    const foreignOrg = await makeOrganization(t, 'foreign');
    const [{ budget_id: orgTier }] = await t.db.ds.query(`SELECT budget_id FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1`, [foreignOrg]);
    await t.db.ds.query(`UPDATE "LiteLLM_BudgetTable" SET max_budget = 1000 WHERE budget_id = $1`, [orgTier]);
    const sharer = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
    await t.db.ds.query(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, budget_id) VALUES ($1, $2, 0, $3)`, [sharer.userId, team, orgTier]);
    const r = await t.gql(
      `mutation($t: ID!, $u: ID!) { setTeamMemberBudget(teamId: $t, userId: $u, input: { maxBudget: 1 }) { userId } }`,
      { t: team, u: sharer.userId },
      teamAdmin.rawKey,
    );
    const [{ max_budget }] = await t.db.ds.query(`SELECT max_budget FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [orgTier]);
    // today the organization's own budget drops from 1000 to 1
    expect(max_budget).toBe(1000);
    if (!r.errors) {
      const [m] = await t.db.ds.query(`SELECT b.max_budget FROM "LiteLLM_TeamMembership" tm JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE tm.user_id = $1 AND tm.team_id = $2`, [sharer.userId, team]);
      expect(m.max_budget).toBe(1);
    }
  });
});

describe('odd members_with_roles is a 4xx, never a 5xx', () => {
  let odd: string;
  let oddAdmin: MadePrincipal, oddMember: MadePrincipal;
  beforeAll(async () => {
    odd = await makeTeam(t, 'odd', orgA);
    oddAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [odd] });
    oddMember = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [odd] });
    // a null entry (hand-edited or written by an older LiteLLM) ahead of the real members
    await t.db.ds.query(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = '[null]'::jsonb || members_with_roles WHERE team_id = $1`, [odd]);
  });

  const no5xx = (r: { status: number; errors?: { extensions?: { code?: string } }[] }) => {
    expect(r.status).toBeLessThan(500);
    expect(codes(r as any)).not.toContain('INTERNAL_SERVER_ERROR');
  };

  test('generateKey for a teammate', async () => {
    no5xx(await generate({ userId: oddMember.userId, teamId: odd }, oddAdmin.rawKey));
  });

  test('generateKey for oneself', async () => {
    no5xx(await generate({ teamId: odd }, oddMember.rawKey));
  });

  test('setTeamMemberBudget', async () => {
    no5xx(await t.gql(`mutation($t: ID!, $u: ID!) { setTeamMemberBudget(teamId: $t, userId: $u, input: { maxBudget: 3 }) { userId } }`, { t: odd, u: oddMember.userId }, oddAdmin.rawKey));
  });
});

describe('keys whose owner row is gone, and restricted admin keys', () => {
  test("a proxy admin rotates a key whose user no longer exists; a restricted admin key still cannot rotate an unrestricted one", async () => {
    const orphan = await insertKey(t, { userId: `gone-${randomUUID().slice(0, 8)}`, teamId: team });
    const r = await regenerate(orphan.token, MASTER_KEY);
    expect(r.errors).toBeUndefined();
    const admin = await makePrincipal(t, { role: 'proxy_admin' });
    const restricted = await insertKey(t, { userId: admin.userId, allowedRoutes: ['/key/regenerate'] });
    const open = await insertKey(t, { userId: admin.userId });
    expect(codes(await regenerate(open.token, restricted.rawKey))).toEqual(['FORBIDDEN']);
    expect((await t.db.ds.query(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE token = $1`, [open.token])).length).toBe(1);
  });
});

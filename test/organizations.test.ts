import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, manyUsers, userLookupPlans } from './helpers/world';

// The organization mutations write what LiteLLM's /organization/new, /update, /delete, /member_add,
// /member_update and /member_delete write, each in one transaction with an audit row.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const CREATE = `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id alias budgetId models metadata createdBy updatedBy budget { id maxBudget budgetDuration } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $i) { id alias models metadata updatedBy budgetId } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteOrganizations(ids: $ids) }`;
const ADD = `mutation($o: ID!, $m: [OrganizationMemberInput!]!) { addOrganizationMembers(organizationId: $o, members: $m) { id members(first: 100) { nodes { userId role } } } }`;
const UPDATE_MEMBER = `mutation($o: ID!, $u: ID!, $i: UpdateOrganizationMemberInput!) { updateOrganizationMember(organizationId: $o, userId: $u, input: $i) { userId organizationId role budgetId } }`;
const REMOVE = `mutation($o: ID!, $u: [ID!]!) { removeOrganizationMembers(organizationId: $o, userIds: $u) { id members(first: 100) { nodes { userId } } } }`;

/** Every row an organization mutation may touch, to show that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_OrganizationTable', 'LiteLLM_OrganizationMembership', 'LiteLLM_UserTable', 'LiteLLM_BudgetTable', 'LiteLLM_TeamTable', 'LiteLLM_VerificationToken', 'LiteLLM_DeletedVerificationToken', 'LiteLLM_AuditLog'];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}
const org = async (id: string) => (await q(`SELECT * FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1`, [id]))[0];
const tier = async (id: string) => (await q(`SELECT * FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [id]))[0];
const membership = async (o: string, u: string) => (await q(`SELECT * FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 AND user_id = $2`, [o, u]))[0];
const audits = async (id: string) => q(`SELECT action, table_name, changed_by FROM "LiteLLM_AuditLog" WHERE object_id = $1 ORDER BY updated_at`, [id]);

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
});
afterAll(() => t.close());

describe('createOrganization', () => {
  test('limits make a tier of its own (budget_reset_at from the duration); the row is as LiteLLM writes it', async () => {
    const r = await t.gql(CREATE, { i: { organizationAlias: 'acme', models: ['gpt-4o'], maxBudget: 100, softBudget: 80, tpmLimit: 1000, rpmLimit: 10, maxParallelRequests: 3, modelMaxBudget: { 'gpt-4o': 50 }, budgetDuration: '30d', metadata: { dept: 'r&d' } } });
    expect(r.errors).toBeUndefined();
    const o = r.data.createOrganization;
    expect(o.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const row = await org(o.id);
    expect(row).toMatchObject({ organization_alias: 'acme', models: ['gpt-4o'], metadata: { dept: 'r&d' }, spend: 0, model_spend: {}, created_by: 'default_user_id', updated_by: 'default_user_id', object_permission_id: null });
    const b = await tier(row.budget_id);
    expect(b).toMatchObject({ max_budget: 100, soft_budget: 80, tpm_limit: 1000, rpm_limit: 10, max_parallel_requests: 3, model_max_budget: { 'gpt-4o': 50 }, budget_duration: '30d', created_by: 'default_user_id', updated_by: 'default_user_id' });
    // 30d resets on the 1st of next month (UTC by default)
    const [{ first }] = await q(`SELECT to_char(budget_reset_at, 'DD HH24:MI') AS first FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [row.budget_id]);
    expect(first).toBe('01 00:00');
    expect(await audits(o.id)).toEqual([{ action: 'created', table_name: 'LiteLLM_OrganizationTable', changed_by: 'default_user_id' }]);
  });

  test('without limits the organization still gets a tier (every organization has one); models default to []', async () => {
    const r = await t.gql(CREATE, { i: { organizationAlias: 'bare', organizationId: 'org-bare' } });
    expect(r.errors).toBeUndefined();
    const row = await org('org-bare');
    expect(row.models).toEqual([]);
    expect(row.metadata).toEqual({});
    expect(await tier(row.budget_id)).toMatchObject({ max_budget: null, budget_duration: null, budget_reset_at: null });
  });

  test('budgetId links an existing tier and makes none; an unknown tier is NOT_FOUND, limits with it BAD_USER_INPUT, a taken id CONFLICT, all writing nothing', async () => {
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('gold', 500, 'x', 'x')`);
    const tiers = (await q(`SELECT count(*)::int AS n FROM "LiteLLM_BudgetTable"`))[0].n;
    const r = await t.gql(CREATE, { i: { organizationAlias: 'gold-org', budgetId: 'gold' } });
    expect(r.data.createOrganization.budgetId).toBe('gold');
    expect((await q(`SELECT count(*)::int AS n FROM "LiteLLM_BudgetTable"`))[0].n).toBe(tiers);
    const before = await fingerprint();
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', budgetId: 'no-such-tier' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', budgetId: 'gold', maxBudget: 1 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', organizationId: 'org-bare', maxBudget: 1 } }))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: ' ' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', maxBudget: -1 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', softBudget: 5, maxBudget: 1 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', budgetDuration: 'soon' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'x', metadata: [1] } }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
  });
  test("a proxy admin's key limited to some models grants only those (LiteLLM's check), writing nothing otherwise", async () => {
    const admin = await makePrincipal(t, { role: 'proxy_admin' });
    await q(`UPDATE "LiteLLM_VerificationToken" SET models = ARRAY['gpt-4o', 'claude'] WHERE token = $1`, [admin.token]);
    const before = await fingerprint();
    const all = await t.gql(CREATE, { i: { organizationAlias: 'wide' } }, admin.rawKey);
    expect(codes(all)).toEqual(['BAD_USER_INPUT']);
    expect(all.errors![0].message).toContain('User not allowed to give access to all models');
    expect(codes(await t.gql(CREATE, { i: { organizationAlias: 'other', models: ['gpt-4o', 'o1'] } }, admin.rawKey))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
    const ok = await t.gql(CREATE, { i: { organizationAlias: 'narrow', models: ['claude'] } }, admin.rawKey);
    expect(ok.errors).toBeUndefined();
    expect((await org(ok.data.createOrganization.id)).created_by).toBe(admin.userId);
    // and cannot widen it afterwards
    const wider = await t.gql(UPDATE, { id: ok.data.createOrganization.id, i: { models: [] } }, admin.rawKey);
    expect(codes(wider)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { id: ok.data.createOrganization.id, i: { models: ['claude', 'o1'] } }, admin.rawKey))).toEqual(['BAD_USER_INPUT']);
    expect((await org(ok.data.createOrganization.id)).models).toEqual(['claude']);
    expect((await t.gql(UPDATE, { id: ok.data.createOrganization.id, i: { models: ['gpt-4o'] } }, admin.rawKey)).errors).toBeUndefined();
  });
});

describe('updateOrganization', () => {
  test("alias and models replace, metadata merges, budget fields change the organization's own tier; updated_by is the caller", async () => {
    const id = (await t.gql(CREATE, { i: { organizationAlias: 'old', models: ['a'], metadata: { keep: 1, change: 1 }, maxBudget: 10 } })).data.createOrganization.id;
    const budgetId = (await org(id)).budget_id;
    const admin = await makePrincipal(t, { role: 'proxy_admin' });
    const r = await t.gql(UPDATE, { id, i: { organizationAlias: 'new', models: ['b', 'c'], metadata: { change: 2, added: true }, maxBudget: 20, budgetDuration: '1d' } }, admin.rawKey);
    expect(r.errors).toBeUndefined();
    const row = await org(id);
    expect(row).toMatchObject({ organization_alias: 'new', models: ['b', 'c'], metadata: { keep: 1, change: 2, added: true }, budget_id: budgetId, updated_by: admin.userId, created_by: 'default_user_id' });
    expect(await tier(budgetId)).toMatchObject({ max_budget: 20, budget_duration: '1d', updated_by: admin.userId });
    expect((await tier(budgetId)).budget_reset_at).not.toBeNull();
    expect((await audits(id)).map((a: any) => a.action)).toEqual(['created', 'updated']);
  });

  test('budgetId links another tier; unknown organization NOT_FOUND, empty input and soft above max BAD_USER_INPUT, writing nothing', async () => {
    const id = (await t.gql(CREATE, { i: { organizationAlias: 'relink' } })).data.createOrganization.id;
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('silver', 50, 'x', 'x')`);
    expect((await t.gql(UPDATE, { id, i: { budgetId: 'silver' } })).data.updateOrganization.budgetId).toBe('silver');
    const before = await fingerprint();
    expect(codes(await t.gql(UPDATE, { id: 'org-none', i: { organizationAlias: 'x' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(UPDATE, { id, i: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { id, i: { softBudget: 60 } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { id, i: { budgetId: 'no-such-tier' } }))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toBe(before);
  });
});

describe('updateOrganization on a shared tier', () => {
  test("an organization on a tier others use gets a copy with its change; the others' limits stay", async () => {
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, rpm_limit, budget_duration, budget_reset_at, created_by, updated_by) VALUES ('shared-gold', 100, 9, '30d', '2030-01-01', 'x', 'x')`);
    const a = (await t.gql(CREATE, { i: { organizationAlias: 'shares-a', budgetId: 'shared-gold' } })).data.createOrganization.id;
    const b = (await t.gql(CREATE, { i: { organizationAlias: 'shares-b', budgetId: 'shared-gold' } })).data.createOrganization.id;
    const r = await t.gql(UPDATE, { id: a, i: { maxBudget: 500 } });
    expect(r.errors).toBeUndefined();
    const [gold] = await q(`SELECT max_budget, rpm_limit FROM "LiteLLM_BudgetTable" WHERE budget_id = 'shared-gold'`);
    expect(gold).toEqual({ max_budget: 100, rpm_limit: 9 });
    expect((await org(b)).budget_id).toBe('shared-gold');
    const copied = (await org(a)).budget_id;
    expect(copied).not.toBe('shared-gold');
    expect(await tier(copied)).toMatchObject({ max_budget: 500, rpm_limit: 9, budget_duration: '30d', budget_reset_at: new Date('2030-01-01T00:00:00Z') });
    // its own tier now: the next change is in place
    await t.gql(UPDATE, { id: a, i: { rpmLimit: 20 } });
    expect((await org(a)).budget_id).toBe(copied);
    expect((await tier(copied)).rpm_limit).toBe(20);
  });
});

describe('deleteOrganizations', () => {
  test("as LiteLLM: the organization's teams, memberships and keys with its organization_id go (keys and teams tombstoned), then the organization; its tier and users stay", async () => {
    const id = await makeOrganization(t, 'doomed');
    const other = await makeOrganization(t, 'survivor');
    const budgetId = (await org(id)).budget_id;
    const team = await makeTeam(t, 'doomed-team', id);
    const keep = await makeTeam(t, 'kept-team', other);
    const member = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [id, other] });
    await q(`UPDATE "LiteLLM_UserTable" SET organization_id = $1 WHERE user_id = $2`, [id, member.userId]);
    const orgKey = await insertKey(t, { userId: member.userId });
    await q(`UPDATE "LiteLLM_VerificationToken" SET organization_id = $1 WHERE token = $2`, [id, orgKey.token]);
    const teamKey = await insertKey(t, { userId: member.userId, teamId: team });
    const r = await t.gql(DELETE, { ids: [id] });
    expect(r.errors).toBeUndefined();
    expect(r.data.deleteOrganizations).toEqual([id]);
    expect(await org(id)).toBeUndefined();
    expect(await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE team_id = ANY($1)`, [[team, keep]])).toEqual([{ team_id: keep }]);
    // the deleted team is kept in the team tombstones, as a team delete keeps it (LiteLLM keeps no copy here)
    expect(await q(`SELECT team_alias, organization_id, deleted_by FROM "LiteLLM_DeletedTeamTable" WHERE team_id = $1`, [team])).toEqual([{ team_alias: 'doomed-team', organization_id: id, deleted_by: 'default_user_id' }]);
    expect(await q(`SELECT organization_id FROM "LiteLLM_OrganizationMembership" WHERE user_id = $1`, [member.userId])).toEqual([{ organization_id: other }]);
    expect(await q(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE token = $1`, [orgKey.token])).toEqual([]);
    expect(await q(`SELECT organization_id FROM "LiteLLM_DeletedVerificationToken" WHERE token = $1`, [orgKey.token])).toEqual([{ organization_id: id }]);
    // LiteLLM deletes keys by organization_id only: a key of the deleted team without it stays
    expect(await q(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE token = $1`, [teamKey.token])).toHaveLength(1);
    expect(await tier(budgetId)).toBeDefined();
    // the user stays; the FK clears the legacy UserTable.organization_id
    expect((await q(`SELECT organization_id FROM "LiteLLM_UserTable" WHERE user_id = $1`, [member.userId]))[0].organization_id).toBeNull();
    expect((await audits(id)).map((a: any) => a.action)).toEqual(['deleted']);
  });

  test('all or nothing: one unknown id is NOT_FOUND and no organization is deleted; an empty list is BAD_USER_INPUT', async () => {
    const id = await makeOrganization(t, 'spared');
    await makeTeam(t, 'spared-team', id);
    const before = await fingerprint();
    const r = await t.gql(DELETE, { ids: [id, 'org-missing'] });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0].message).toBe('Organization=org-missing not found');
    expect(codes(await t.gql(DELETE, { ids: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
  });
});

describe('organization members', () => {
  test("new users are created as LiteLLM's new internal users; existing ones are found by id, then by email; memberships carry the role", async () => {
    const id = await makeOrganization(t, 'people');
    await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role) VALUES ('known-org', 'known-org@example.com', 'internal_user')`);
    const r = await t.gql(ADD, {
      o: id,
      m: [
        { userEmail: 'fresh@example.com', role: 'INTERNAL_USER' },
        { userId: 'brand-new', role: 'INTERNAL_USER_VIEWER' },
        { userId: 'ghost-id', userEmail: 'known-org@example.com', role: 'ORG_ADMIN' },
      ],
    });
    expect(r.errors).toBeUndefined();
    const [fresh] = await q(`SELECT user_id, user_role, models, spend, teams, organization_id, user_email FROM "LiteLLM_UserTable" WHERE user_email = 'fresh@example.com'`);
    expect(fresh).toMatchObject({ user_role: 'internal_user', models: [], spend: 0, teams: [], organization_id: null });
    expect(fresh.user_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await q(`SELECT user_id, user_email, user_role FROM "LiteLLM_UserTable" WHERE user_id = 'brand-new'`)).toEqual([{ user_id: 'brand-new', user_email: null, user_role: 'internal_user' }]);
    expect(await q(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = 'ghost-id'`)).toEqual([]);
    const rows = await q(`SELECT user_id, user_role, spend, budget_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 ORDER BY user_role`, [id]);
    expect(rows).toEqual([
      { user_id: fresh.user_id, user_role: 'internal_user', spend: 0, budget_id: null },
      { user_id: 'brand-new', user_role: 'internal_user_viewer', spend: 0, budget_id: null },
      { user_id: 'known-org', user_role: 'org_admin', spend: 0, budget_id: null },
    ]);
    expect(r.data.addOrganizationMembers.members.nodes).toHaveLength(3);
  });

  test('maxBudgetInOrganization makes a tier for the member; a member already in the organization makes the whole call CONFLICT, writing nothing', async () => {
    const id = await makeOrganization(t, 'budgeted-people');
    const r = await t.gql(ADD, { o: id, m: [{ userId: 'spender', role: 'INTERNAL_USER', maxBudgetInOrganization: 7.5, budgetDuration: '1d' }] });
    expect(r.errors).toBeUndefined();
    const m = await membership(id, 'spender');
    expect(await tier(m.budget_id)).toMatchObject({ max_budget: 7.5, budget_duration: '1d', created_by: 'default_user_id' });
    const before = await fingerprint();
    const dup = await t.gql(ADD, { o: id, m: [{ userId: 'newcomer', role: 'INTERNAL_USER' }, { userId: 'spender', role: 'ORG_ADMIN' }] });
    expect(codes(dup)).toEqual(['CONFLICT']);
    expect(codes(await t.gql(ADD, { o: id, m: [{ role: 'INTERNAL_USER' }] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ADD, { o: id, m: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ADD, { o: id, m: [{ userId: 'a', role: 'INTERNAL_USER', maxBudgetInOrganization: -2 }] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ADD, { o: 'org-none', m: [{ userId: 'a', role: 'INTERNAL_USER' }] }))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toBe(before);
  });

  test('two users with the email: BAD_USER_INPUT with LiteLLM message', async () => {
    const id = await makeOrganization(t, 'twins');
    await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email) VALUES ('twin-a', 'twin@example.com'), ('twin-b', 'twin@example.com')`);
    const r = await t.gql(ADD, { o: id, m: [{ userEmail: 'twin@example.com', role: 'INTERNAL_USER' }] });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toContain("Multiple users with this email found in db. Please use 'user_id' instead.");
  });

  test("updateOrganizationMember: the role, and the member's own tier changed in place or made", async () => {
    const id = await makeOrganization(t, 'updates');
    await t.gql(ADD, { o: id, m: [{ userId: 'upd-1', role: 'INTERNAL_USER' }] });
    const r1 = await t.gql(UPDATE_MEMBER, { o: id, u: 'upd-1', i: { role: 'ORG_ADMIN', maxBudgetInOrganization: 3 } });
    expect(r1.errors).toBeUndefined();
    const m1 = await membership(id, 'upd-1');
    expect(m1.user_role).toBe('org_admin');
    expect(await tier(m1.budget_id)).toMatchObject({ max_budget: 3 });
    const r2 = await t.gql(UPDATE_MEMBER, { o: id, u: 'upd-1', i: { maxBudgetInOrganization: 9, budgetDuration: '7d' } });
    expect(r2.data.updateOrganizationMember).toEqual({ userId: 'upd-1', organizationId: id, role: 'org_admin', budgetId: m1.budget_id });
    expect(await tier(m1.budget_id)).toMatchObject({ max_budget: 9, budget_duration: '7d' });
    const before = await fingerprint();
    expect(codes(await t.gql(UPDATE_MEMBER, { o: id, u: 'not-a-member', i: { role: 'ORG_ADMIN' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(UPDATE_MEMBER, { o: id, u: 'upd-1', i: {} }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE_MEMBER, { o: id, u: 'upd-1', i: { budgetDuration: '1d' } }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
  });

  test("a member tier shared with another member is not changed in place: the member gets a tier of their own", async () => {
    const id = await makeOrganization(t, 'shared-tier');
    await t.gql(ADD, { o: id, m: [{ userId: 'sh-1', role: 'INTERNAL_USER' }, { userId: 'sh-2', role: 'INTERNAL_USER' }] });
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('pooled', 1, 'x', 'x')`);
    await q(`UPDATE "LiteLLM_OrganizationMembership" SET budget_id = 'pooled' WHERE organization_id = $1`, [id]);
    await t.gql(UPDATE_MEMBER, { o: id, u: 'sh-1', i: { maxBudgetInOrganization: 50 } });
    expect((await tier('pooled')).max_budget).toBe(1);
    const own = (await membership(id, 'sh-1')).budget_id;
    expect(own).not.toBe('pooled');
    expect((await tier(own)).max_budget).toBe(50);
    expect((await membership(id, 'sh-2')).budget_id).toBe('pooled');
  });

  test('removeOrganizationMembers: only the membership rows go, all or nothing', async () => {
    const id = await makeOrganization(t, 'leavers');
    await t.gql(ADD, { o: id, m: [{ userId: 'lv-1', role: 'INTERNAL_USER', maxBudgetInOrganization: 1 }, { userId: 'lv-2', role: 'INTERNAL_USER' }] });
    const budgetId = (await membership(id, 'lv-1')).budget_id;
    const before = await fingerprint();
    expect(codes(await t.gql(REMOVE, { o: id, u: ['lv-1', 'stranger'] }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REMOVE, { o: id, u: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
    const r = await t.gql(REMOVE, { o: id, u: ['lv-1'] });
    expect(r.data.removeOrganizationMembers.members.nodes).toEqual([{ userId: 'lv-2' }]);
    expect(await q(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = 'lv-1'`)).toHaveLength(1);
    expect(await tier(budgetId)).toBeDefined();
  });

  test('10 concurrent adds of one user to one organization: one membership, the others CONFLICT', async () => {
    const id = await makeOrganization(t, 'race');
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(ADD, { o: id, m: [{ userId: 'racer', userEmail: 'racer@example.com', role: 'INTERNAL_USER' }] })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(9);
    expect(await q(`SELECT 1 FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1`, [id])).toHaveLength(1);
    expect(await q(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = 'racer'`)).toHaveLength(1);
  });

  test('a member add racing a delete of the organization ends NOT_FOUND or before it, never a 5xx', async () => {
    const id = await makeOrganization(t, 'race-delete');
    const [add, del] = await Promise.all([t.gql(ADD, { o: id, m: [{ userId: 'late', role: 'INTERNAL_USER' }] }), t.gql(DELETE, { ids: [id] })]);
    expect(del.errors).toBeUndefined();
    expect(add.status).toBeLessThan(500);
    if (add.errors) expect(codes(add)).toEqual(['NOT_FOUND']);
    expect(await q(`SELECT 1 FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1`, [id])).toEqual([]);
  });
});

test('a member added by email finds the user whose email differs only in case, as every other member add does', async () => {
  const id = await makeOrganization(t, 'case');
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams) VALUES ('case-user', 'Case.Person@Example.com', 'internal_user', '{}')`);
  const r = await t.gql(ADD, { o: id, m: [{ userEmail: 'case.person@example.COM', role: 'INTERNAL_USER' }] });
  expect(r.errors).toBeUndefined();
  expect(r.data.addOrganizationMembers.members.nodes).toEqual([{ userId: 'case-user', role: 'internal_user' }]);
  expect(await q(`SELECT count(*)::int AS n FROM "LiteLLM_UserTable" WHERE lower(user_email) = 'case.person@example.com'`)).toEqual([{ n: 1 }]);
});

test('an organization member add costs the same statements whatever its width: 3 or 60 members, new and existing, with tiers', async () => {
  const add = async (width: number, tag: string) => {
    const id = await makeOrganization(t, `wide-${tag}`);
    const members = [];
    for (let i = 0; i < width; i++) {
      if (i % 3 === 0) {
        await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role) VALUES ($1, $2, 'internal_user')`, [`wide-${tag}-old-${i}`, `Wide-${tag}-${i}@example.com`]);
        members.push({ userEmail: `wide-${tag}-${i}@EXAMPLE.com`, role: 'INTERNAL_USER' });
      } else if (i % 3 === 1) members.push({ userEmail: `wide-${tag}-new-${i}@example.com`, role: 'INTERNAL_USER_VIEWER' });
      else members.push({ userId: `wide-${tag}-id-${i}`, role: 'ORG_ADMIN', maxBudgetInOrganization: 3, budgetDuration: '7d' });
    }
    const r = await t.gql(ADD, { o: id, m: members });
    expect(r.errors).toBeUndefined();
    const rows = await q(`SELECT m.user_id, m.user_role, b.max_budget FROM "LiteLLM_OrganizationMembership" m LEFT JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE m.organization_id = $1`, [id]);
    expect(rows).toHaveLength(width);
    expect(rows.filter((x: any) => x.max_budget === 3)).toHaveLength(members.filter((m) => m.maxBudgetInOrganization).length);
    // existing users found by email whatever its case: no second user for them
    expect(await q(`SELECT 1 FROM "LiteLLM_UserTable" WHERE lower(user_email) LIKE $1 GROUP BY lower(user_email) HAVING count(*) > 1`, [`wide-${tag}-%`])).toEqual([]);
    return r.statements.length;
  };
  expect(await add(60, 'b')).toBe(await add(3, 'a'));
});

test("finding the named users reads UserTable's indexes, not every user (a LiteLLM deployment may hold many)", async () => {
  await manyUsers(t);
  const id = await makeOrganization(t, 'indexed');
  const r = await t.gql(ADD, { o: id, m: [{ userEmail: 'Bulk-7@example.com', role: 'INTERNAL_USER' }, { userId: 'bulk-8', role: 'INTERNAL_USER' }] });
  expect(r.errors).toBeUndefined();
  const plans = await userLookupPlans(t, r.statements, [['bulk-8'], ['Bulk-7@example.com'], id]);
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on "LiteLLM_UserTable"/);
});

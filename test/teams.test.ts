import { nextReset } from '../src/services/durations';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam } from './helpers/world';

// createTeam, updateTeam, deleteTeams, blockTeam, unblockTeam, addTeamModels and removeTeamModels write
// what LiteLLM's /team/new, /team/update, /team/delete, /team/block, /team/unblock, /team/model/add and
// /team/model/delete write, each in one transaction with its audit row.

let t: TestGateway;
let org: string;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const CREATE = `mutation($i: CreateTeamInput!) { createTeam(input: $i) { id alias models blocked maxBudget budgetResetAt } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateTeamInput!) { updateTeam(id: $id, input: $i) { id alias models maxBudget budgetDuration budgetResetAt organizationId metadata } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteTeams(ids: $ids) }`;
const BLOCK = `mutation($id: ID!) { blockTeam(id: $id) { id blocked } }`;
const UNBLOCK = `mutation($id: ID!) { unblockTeam(id: $id) { id blocked } }`;
const ADD_MODELS = `mutation($id: ID!, $m: [String!]!) { addTeamModels(id: $id, models: $m) { id models } }`;
const REMOVE_MODELS = `mutation($id: ID!, $m: [String!]!) { removeTeamModels(id: $id, models: $m) { id models } }`;

/** Every row a team mutation may touch, to show that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const tables = [
    'LiteLLM_TeamTable',
    'LiteLLM_UserTable',
    'LiteLLM_TeamMembership',
    'LiteLLM_BudgetTable',
    'LiteLLM_ModelTable',
    'LiteLLM_VerificationToken',
    'LiteLLM_DeletedVerificationToken',
    'LiteLLM_DeletedTeamTable',
    'LiteLLM_AuditLog',
  ];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

const teamRow = async (id: string) => (await q(`SELECT * FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [id]))[0];

/** An organization whose tier caps budgets at 10 USD and 100 tpm and that allows only model-a and model-b. */
async function limitedOrg(): Promise<string> {
  const id = await makeOrganization(t, 'limited');
  await q(`UPDATE "LiteLLM_OrganizationTable" SET models = ARRAY['model-a', 'model-b'] WHERE organization_id = $1`, [id]);
  await q(`UPDATE "LiteLLM_BudgetTable" SET max_budget = 10, tpm_limit = 100 WHERE budget_id = (SELECT budget_id FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1)`, [id]);
  return id;
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  org = await makeOrganization(t, 'teams-org');
});
afterAll(() => t.close());

test('createTeam by the master key writes the row LiteLLM writes, column by column, with its alias row, member tier and UserTable.teams', async () => {
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams) VALUES ('first', 'first@example.com', 'internal_user', ARRAY['elsewhere'])`);
  const r = await t.gql(CREATE, {
    i: {
      teamAlias: 'Core Infra',
      organizationId: org,
      models: ['gpt-4o', 'claude'],
      maxBudget: 50,
      softBudget: 40,
      budgetDuration: '30d',
      tpmLimit: 1000,
      rpmLimit: 10,
      maxParallelRequests: 3,
      metadata: { app: 'x' },
      modelAliases: { fast: 'gpt-4o-mini' },
      teamMemberBudget: 5,
      members: [{ userId: 'first', userEmail: 'first@example.com', role: 'ADMIN' }, { userId: 'brand-new' }],
    },
  });
  expect(r.errors).toBeUndefined();
  const id = r.data.createTeam.id;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const row = await teamRow(id);
  const tierId = row.metadata.team_member_budget_id;
  expect(tierId).toMatch(/^team-Core-Infra-budget-[0-9a-f]{32}$/);
  expect(row).toMatchObject({
    team_alias: 'Core Infra',
    organization_id: org,
    admins: [],
    members: [],
    members_with_roles: [
      { user_id: 'first', user_email: 'first@example.com', role: 'admin' },
      { user_id: 'brand-new', user_email: null, role: 'user' },
      { user_id: 'default_user_id', user_email: null, role: 'admin' },
    ],
    metadata: { app: 'x', team_member_budget_id: tierId },
    max_budget: 50,
    soft_budget: 40,
    spend: 0,
    models: ['gpt-4o', 'claude'],
    max_parallel_requests: 3,
    tpm_limit: 1000,
    rpm_limit: 10,
    budget_duration: '30d',
    blocked: false,
    model_spend: {},
    model_max_budget: {},
  });
  expect(row.budget_reset_at).toEqual(nextReset('30d', new Date(), { timezone: t.config.timezone, resetTime: t.config.budgetResetTime }));
  expect(row.created_at).toEqual(row.updated_at);
  const [aliases] = await q(`SELECT aliases, created_by, updated_by FROM "LiteLLM_ModelTable" WHERE id = $1`, [row.model_id]);
  expect(aliases).toEqual({ aliases: { fast: 'gpt-4o-mini' }, created_by: 'default_user_id', updated_by: 'default_user_id' });
  const [tier] = await q(`SELECT max_budget, budget_duration, budget_reset_at, created_by FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [tierId]);
  expect(tier).toMatchObject({ max_budget: 5, budget_duration: '30d', created_by: 'default_user_id' });
  expect(tier.budget_reset_at).toEqual(row.budget_reset_at);
  const users = await q(`SELECT user_id, teams FROM "LiteLLM_UserTable" WHERE user_id IN ('first', 'brand-new', 'default_user_id') ORDER BY user_id`);
  expect(users).toEqual([
    { user_id: 'brand-new', teams: [id] },
    { user_id: 'default_user_id', teams: [id] },
    { user_id: 'first', teams: ['elsewhere', id] },
  ]);
  const [log] = await q(`SELECT action, table_name, changed_by, before_value, updated_values FROM "LiteLLM_AuditLog" WHERE object_id = $1`, [id]);
  expect(log).toMatchObject({ action: 'created', table_name: 'LiteLLM_TeamTable', changed_by: 'default_user_id', before_value: null });
  expect(log.updated_values).toMatchObject({ team_id: id, team_alias: 'Core Infra', max_budget: 50 });
});

test('createTeam with a given team id: used as is; the same id again is CONFLICT with nothing written', async () => {
  const r = await t.gql(CREATE, { i: { teamId: 'my-team-id' } });
  expect(r.errors).toBeUndefined();
  const row = await teamRow('my-team-id');
  expect(row).toMatchObject({ team_alias: null, organization_id: null, models: [], metadata: {}, max_budget: null, budget_duration: null, budget_reset_at: null, model_id: null });
  const before = await fingerprint();
  const again = await t.gql(CREATE, { i: { teamId: 'my-team-id', teamAlias: 'dup' } });
  expect(codes(again)).toEqual(['CONFLICT']);
  expect(again.errors![0].message).toBe('Team id = my-team-id already exists. Please use a different team id.');
  expect(await fingerprint()).toBe(before);
  // a team id that keys already carry (no foreign key) would hand those keys to the new team's admins
  await insertKey(t, { userId: 'someone', teamId: 'orphaned-team' });
  const orphan = await t.gql(CREATE, { i: { teamId: 'orphaned-team' } });
  expect(codes(orphan)).toEqual(['CONFLICT']);
  expect(codes(await t.gql(CREATE, { i: { teamId: 'litellm-dashboard' } }))).toEqual(['BAD_USER_INPUT']);
  expect(await teamRow('orphaned-team')).toBeUndefined();
});

test.each([
  ['a negative budget', { maxBudget: -1 }, /maxBudget/],
  ['a soft budget above the max', { maxBudget: 1, softBudget: 2 }, /softBudget/],
  ['a bad duration', { budgetDuration: 'soon' }, /budgetDuration/],
  ['metadata naming the member tier', { metadata: { team_member_budget_id: 'someone-elses' } }, /team_member_budget_id/],
  ['metadata that is not an object', { metadata: [1] }, /metadata/],
  ['aliases to non-strings', { modelAliases: { a: 1 } }, /modelAliases/],
  ['a team id with spaces', { teamId: 'a b' }, /teamId/],
  ['a member listed twice', { members: [{ userId: 'first' }, { userId: 'first' }] }, /more than once/],
  ['models outside the organization', { organizationId: 'LIMITED', models: ['model-c'] }, /does not allow model\(s\) model-c/],
  ['all models in a limited organization', { organizationId: 'LIMITED' }, /Team has access to all proxy models/],
  ['a budget above the organization', { organizationId: 'LIMITED', models: ['model-a'], maxBudget: 11 }, /greater than the organization's max_budget 10/],
  ['tpm above the organization', { organizationId: 'LIMITED', models: ['model-a'], tpmLimit: 101 }, /tpm_limit/],
])('createTeam with %s: BAD_USER_INPUT, nothing written', async (_name, input: Record<string, unknown>, message) => {
  const limited = await limitedOrg();
  const i = { ...input, ...(input.organizationId ? { organizationId: limited } : {}) };
  const before = await fingerprint();
  const r = await t.gql(CREATE, { i });
  expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  expect(r.errors![0].message).toMatch(message);
  expect(await fingerprint()).toBe(before);
});

test('createTeam inside a limited organization within its limits is accepted; an unknown organization is NOT_FOUND', async () => {
  const limited = await limitedOrg();
  const ok = await t.gql(CREATE, { i: { organizationId: limited, models: ['model-b'], maxBudget: 10, tpmLimit: 100 } });
  expect(ok.errors).toBeUndefined();
  const before = await fingerprint();
  expect(codes(await t.gql(CREATE, { i: { organizationId: 'no-such-org' } }))).toEqual(['NOT_FOUND']);
  expect(await fingerprint()).toBe(before);
});

test('an org admin creates a team in their organization and joins it as admin; elsewhere FORBIDDEN or NOT_FOUND', async () => {
  const orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
  const r = await t.gql(CREATE, { i: { teamAlias: 'by-org-admin', organizationId: org } }, orgAdmin.rawKey);
  expect(r.errors).toBeUndefined();
  const row = await teamRow(r.data.createTeam.id);
  expect(row.members_with_roles).toEqual([{ user_id: orgAdmin.userId, user_email: null, role: 'admin' }]);
  expect((await q(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [orgAdmin.userId]))[0].teams).toEqual([row.team_id]);
  const other = await makeOrganization(t, 'not-theirs');
  const before = await fingerprint();
  expect(codes(await t.gql(CREATE, { i: { teamAlias: 'x' } }, orgAdmin.rawKey))).toEqual(['FORBIDDEN']);
  expect(codes(await t.gql(CREATE, { i: { teamAlias: 'x', organizationId: other } }, orgAdmin.rawKey))).toEqual(['FORBIDDEN']);
  const ghost = await t.gql(CREATE, { i: { organizationId: org, members: [{ userId: 'never-seen' }] } }, orgAdmin.rawKey);
  expect(codes(ghost)).toEqual(['FORBIDDEN']);
  expect(await fingerprint()).toBe(before);
});

test('updateTeam: a new budgetDuration recomputes budget_reset_at; modelAliases update the same ModelTable row; metadata keeps the member tier; teamMemberBudget updates it', async () => {
  const created = await t.gql(CREATE, { i: { teamAlias: 'upd', modelAliases: { a: 'm1' }, teamMemberBudget: 2, metadata: { keep: false } } });
  const id = created.data.createTeam.id;
  const before = await teamRow(id);
  const r = await t.gql(UPDATE, { id, i: { budgetDuration: '1d', maxBudget: 9, modelAliases: { b: 'm2' }, metadata: { fresh: 1 }, teamMemberBudget: 4, teamAlias: 'renamed' } });
  expect(r.errors).toBeUndefined();
  const row = await teamRow(id);
  expect(row).toMatchObject({ team_alias: 'renamed', budget_duration: '1d', max_budget: 9, model_id: before.model_id, metadata: { fresh: 1, team_member_budget_id: before.metadata.team_member_budget_id } });
  expect(row.budget_reset_at).toEqual(nextReset('1d', new Date(), { timezone: t.config.timezone, resetTime: t.config.budgetResetTime }));
  expect(row.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
  expect((await q(`SELECT aliases FROM "LiteLLM_ModelTable" WHERE id = $1`, [before.model_id]))[0].aliases).toEqual({ b: 'm2' });
  expect((await q(`SELECT max_budget FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [before.metadata.team_member_budget_id]))[0].max_budget).toBe(4);
  const [log] = await q(`SELECT before_value, updated_values FROM "LiteLLM_AuditLog" WHERE object_id = $1 AND action = 'updated'`, [id]);
  expect(log.before_value).toMatchObject({ team_alias: 'upd' });
  expect(log.updated_values).toMatchObject({ budget_duration: '1d', max_budget: 9, team_alias: 'renamed' });
});

test('updateTeam moves a team between organizations only when it fits and its members belong there; an empty id takes it out', async () => {
  const limited = await limitedOrg();
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_role) VALUES ('mover', 'internal_user')`);
  const id = (await t.gql(CREATE, { i: { teamAlias: 'mover-team', models: ['model-a'], members: [{ userId: 'mover' }] } })).data.createTeam.id;
  const before = await fingerprint();
  const outsider = await t.gql(UPDATE, { id, i: { organizationId: limited } });
  expect(codes(outsider)).toEqual(['BAD_USER_INPUT']);
  expect(outsider.errors![0].message).toMatch(/Team has user_id \["mover"\] that is not a member of the organization/);
  expect(codes(await t.gql(UPDATE, { id, i: { organizationId: limited, models: ['model-z'] } }))).toEqual(['BAD_USER_INPUT']);
  expect(await fingerprint()).toBe(before);
  await q(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ('mover', $1, 'internal_user')`, [limited]);
  expect((await t.gql(UPDATE, { id, i: { organizationId: limited } })).data.updateTeam.organizationId).toBe(limited);
  expect((await t.gql(UPDATE, { id, i: { organizationId: '' } })).data.updateTeam.organizationId).toBeNull();
});

test('updateTeam: a team admin changes alias and metadata only; budgets, models, blocked and moves are refused, nothing written', async () => {
  const id = await makeTeam(t, 'admin-edits', org);
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [id] });
  expect((await t.gql(UPDATE, { id, i: { teamAlias: 'mine', metadata: { a: 1 } } }, admin.rawKey)).errors).toBeUndefined();
  const before = await fingerprint();
  for (const i of [{ maxBudget: 1e6 }, { models: ['gpt-4o'] }, { blocked: false }, { tpmLimit: 5 }, { teamMemberBudget: 9 }, { modelAliases: { x: 'y' } }, { organizationId: 'elsewhere' }]) {
    const r = await t.gql(UPDATE, { id, i }, admin.rawKey);
    expect([JSON.stringify(i), codes(r)]).toEqual([JSON.stringify(i), ['FORBIDDEN']]);
  }
  expect(codes(await t.gql(UPDATE, { id, i: {} }))).toEqual(['BAD_USER_INPUT']);
  expect(codes(await t.gql(UPDATE, { id: 'no-such-team', i: { teamAlias: 'x' } }))).toEqual(['NOT_FOUND']);
  expect(await fingerprint()).toBe(before);
});

test("deleteTeams: keys tombstoned and deleted, members lose the team, membership rows go, a DeletedTeamTable copy is kept, the row goes; other teams' rows stay", async () => {
  const id = (await t.gql(CREATE, { i: { teamAlias: 'doomed', organizationId: org, maxBudget: 7, budgetDuration: '7d', modelAliases: { q: 'r' }, members: [{ userId: 'dm-1' }, { userId: 'dm-2' }] } })).data.createTeam.id;
  const keep = await makeTeam(t, 'keep', org);
  await q(`UPDATE "LiteLLM_UserTable" SET teams = array_append(teams, $1) WHERE user_id = 'dm-1'`, [keep]);
  await q(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ('dm-1', $1, 1), ('dm-1', $2, 2)`, [id, keep]);
  await q(`UPDATE "LiteLLM_TeamTable" SET spend = 3.5, model_spend = '{"q": 3.5}' WHERE team_id = $1`, [id]);
  const member = await insertKey(t, { userId: 'dm-1', teamId: id });
  const service = await insertKey(t, { userId: null, teamId: id });
  const other = await insertKey(t, { userId: 'dm-1', teamId: keep });
  const original = await teamRow(id);
  const r = await t.gql(DELETE, { ids: [id] });
  expect(r.errors).toBeUndefined();
  expect(r.data.deleteTeams).toEqual([id]);
  expect(await teamRow(id)).toBeUndefined();
  expect((await q(`SELECT token FROM "LiteLLM_DeletedVerificationToken" WHERE team_id = $1 ORDER BY token`, [id])).map((k: any) => k.token)).toEqual([member.token, service.token].sort());
  expect(await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE token = ANY($1)`, [[member.token, service.token, other.token]])).toEqual([{ token: other.token }]);
  expect(await q(`SELECT user_id, teams FROM "LiteLLM_UserTable" WHERE user_id IN ('dm-1', 'dm-2', 'default_user_id') ORDER BY user_id`)).toEqual([
    { user_id: 'default_user_id', teams: expect.not.arrayContaining([id]) },
    { user_id: 'dm-1', teams: [keep] },
    { user_id: 'dm-2', teams: [] },
  ]);
  expect(await q(`SELECT team_id FROM "LiteLLM_TeamMembership" WHERE user_id = 'dm-1'`)).toEqual([{ team_id: keep }]);
  const [copy] = await q(`SELECT * FROM "LiteLLM_DeletedTeamTable" WHERE team_id = $1`, [id]);
  expect(copy.id).toMatch(/^[0-9a-f-]{36}$/);
  for (const col of ['team_alias', 'organization_id', 'admins', 'members', 'members_with_roles', 'metadata', 'max_budget', 'spend', 'models', 'budget_duration', 'budget_reset_at', 'blocked', 'model_spend', 'model_max_budget', 'model_id', 'created_at', 'updated_at', 'soft_budget', 'tpm_limit', 'rpm_limit', 'team_member_permissions', 'policies', 'access_group_ids', 'router_settings', 'allow_team_guardrail_config'])
    expect([col, copy[col]]).toEqual([col, original[col]]);
  expect(copy).toMatchObject({ deleted_by: 'default_user_id', litellm_changed_by: null });
  expect(copy.deleted_by_api_key).toMatch(/^[0-9a-f]{64}$/);
  expect(copy.deleted_at).toBeInstanceOf(Date);
  // the alias row stays, as LiteLLM leaves it
  expect(await q(`SELECT 1 FROM "LiteLLM_ModelTable" WHERE id = $1`, [original.model_id])).toHaveLength(1);
  const [log] = await q(`SELECT before_value, updated_values FROM "LiteLLM_AuditLog" WHERE object_id = $1 AND action = 'deleted'`, [id]);
  expect(log).toMatchObject({ before_value: { team_alias: 'doomed' }, updated_values: {} });
});

test('deleteTeams is all or nothing: one unknown or forbidden id refuses the call and writes nothing', async () => {
  const a = await makeTeam(t, 'del-a', org);
  const b = await makeTeam(t, 'del-b');
  await insertKey(t, { userId: null, teamId: a });
  const teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [a] });
  const member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [b] });
  const before = await fingerprint();
  expect(codes(await t.gql(DELETE, { ids: [a, 'no-such-team'] }))).toEqual(['NOT_FOUND']);
  expect(codes(await t.gql(DELETE, { ids: [a, b] }, teamAdmin.rawKey))).toEqual(['NOT_FOUND']);
  expect(codes(await t.gql(DELETE, { ids: [b] }, member.rawKey))).toEqual(['FORBIDDEN']);
  expect(codes(await t.gql(DELETE, { ids: [] }))).toEqual(['BAD_USER_INPUT']);
  expect(await fingerprint()).toBe(before);
  const both = await t.gql(DELETE, { ids: [b, a, a] });
  expect(both.data.deleteTeams).toEqual([b, a]);
  expect(await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE team_id IN ($1, $2)`, [a, b])).toEqual([]);
  expect(await q(`SELECT team_id FROM "LiteLLM_DeletedTeamTable" WHERE team_id IN ($1, $2) ORDER BY team_id`, [a, b])).toHaveLength(2);
});

test('blockTeam and unblockTeam set blocked, with audit rows; a team admin may do neither', async () => {
  const id = await makeTeam(t, 'blockable', org);
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [id] });
  expect((await t.gql(BLOCK, { id })).data.blockTeam).toEqual({ id, blocked: true });
  expect((await teamRow(id)).blocked).toBe(true);
  const before = await fingerprint();
  expect(codes(await t.gql(UNBLOCK, { id }, admin.rawKey))).toEqual(['FORBIDDEN']);
  expect(await fingerprint()).toBe(before);
  expect((await t.gql(UNBLOCK, { id })).data.unblockTeam).toEqual({ id, blocked: false });
  expect((await q(`SELECT action FROM "LiteLLM_AuditLog" WHERE object_id = $1 ORDER BY updated_at`, [id])).map((r: any) => r.action)).toEqual(['blocked', 'unblocked']);
});

test('addTeamModels appends once in order (all models become all-proxy-models plus the new); removeTeamModels keeps the order of the rest', async () => {
  const id = await makeTeam(t, 'models', org);
  expect((await t.gql(ADD_MODELS, { id, m: ['x', 'y'] })).data.addTeamModels.models).toEqual(['all-proxy-models', 'x', 'y']);
  await q(`UPDATE "LiteLLM_TeamTable" SET models = ARRAY['a', 'b'] WHERE team_id = $1`, [id]);
  expect((await t.gql(ADD_MODELS, { id, m: ['b', 'c', 'c'] })).data.addTeamModels.models).toEqual(['a', 'b', 'c']);
  expect((await t.gql(REMOVE_MODELS, { id, m: ['b'] })).data.removeTeamModels.models).toEqual(['a', 'c']);
  expect((await teamRow(id)).models).toEqual(['a', 'c']);
  const before = await fingerprint();
  expect(codes(await t.gql(REMOVE_MODELS, { id, m: ['zzz'] }))).toEqual(['NOT_FOUND']);
  expect(codes(await t.gql(REMOVE_MODELS, { id, m: ['a', 'c'] }))).toEqual(['BAD_USER_INPUT']);
  expect(codes(await t.gql(ADD_MODELS, { id, m: [] }))).toEqual(['BAD_USER_INPUT']);
  expect(codes(await t.gql(ADD_MODELS, { id, m: [' '] }))).toEqual(['BAD_USER_INPUT']);
  expect(await fingerprint()).toBe(before);
});

test('addTeamModels in a limited organization: only models the organization allows', async () => {
  const limited = await limitedOrg();
  const id = await makeTeam(t, 'limited-models', limited);
  await q(`UPDATE "LiteLLM_TeamTable" SET models = ARRAY['model-a'] WHERE team_id = $1`, [id]);
  const before = await fingerprint();
  expect(codes(await t.gql(ADD_MODELS, { id, m: ['model-c'] }))).toEqual(['BAD_USER_INPUT']);
  expect(await fingerprint()).toBe(before);
  expect((await t.gql(ADD_MODELS, { id, m: ['model-b'] })).data.addTeamModels.models).toEqual(['model-a', 'model-b']);
});

test('a team admin replacing metadata keeps the keys that carry rights, and may not change them', async () => {
  const id = await makeTeam(t, 'meta-rights', org);
  await q(`UPDATE "LiteLLM_TeamTable" SET metadata = '{"tags": ["premium"], "model_rpm_limit": {"gpt-4o": 5}, "note": "old"}' WHERE team_id = $1`, [id]);
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [id] });
  expect((await t.gql(UPDATE, { id, i: { metadata: { note: 'new' } } }, admin.rawKey)).errors).toBeUndefined();
  expect((await teamRow(id)).metadata).toEqual({ note: 'new', tags: ['premium'], model_rpm_limit: { 'gpt-4o': 5 } });
  // the same values given again change nothing that carries rights
  expect((await t.gql(UPDATE, { id, i: { metadata: { note: 'again', tags: ['premium'] } } }, admin.rawKey)).errors).toBeUndefined();
  const before = await fingerprint();
  for (const metadata of [{ model_rpm_limit: { 'gpt-4o': 5000 } }, { tags: null }, { allow_litellm_changed_by_header: true }]) {
    const r = await t.gql(UPDATE, { id, i: { metadata } }, admin.rawKey);
    expect([JSON.stringify(metadata), codes(r)]).toEqual([JSON.stringify(metadata), ['FORBIDDEN']]);
  }
  expect(await fingerprint()).toBe(before);
  expect((await t.gql(UPDATE, { id, i: { metadata: { tags: ['basic'] } } })).errors).toBeUndefined();
  expect((await teamRow(id)).metadata).toEqual({ tags: ['basic'], model_rpm_limit: { 'gpt-4o': 5 } });
});

test('deleteTeams and concurrent addTeamMembers share the per-team lock: no user keeps the deleted team in UserTable.teams', async () => {
  const id = await makeTeam(t, 'racing-delete', org);
  const adds = Array.from({ length: 20 }, (_, i) =>
    t.gql(`mutation($t: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $t, members: $m) { id } }`, { t: id, m: [{ userId: `racer-del-${i}` }] }),
  );
  const del = t.gql(DELETE, { ids: [id] });
  const results = await Promise.all([...adds, del]);
  expect((await del).errors).toBeUndefined();
  for (const r of results) if (r.errors) expect(codes(r)).toEqual(['NOT_FOUND']);
  expect(await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE $1 = ANY(teams)`, [id])).toEqual([]);
  const [copy] = await q(`SELECT jsonb_array_length(members_with_roles) AS n FROM "LiteLLM_DeletedTeamTable" WHERE team_id = $1`, [id]);
  const joined = results.slice(0, 20).filter((r) => !r.errors).length;
  expect(copy.n).toBe(joined);
});

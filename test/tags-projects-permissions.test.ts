import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeTeam } from './helpers/world';

// Issue 16: tags (with budget and usage), projects, object permissions, team model aliases, credential names
// and access groups, read as LiteLLM writes them; one statement per level; FEATURE_UNAVAILABLE without the table.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
let teamA: string;
let teamB: string;
let keyA: string;

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('tier-tag', 50, 'admin', 'admin'), ('tier-proj', 20, 'admin', 'admin')`);
  await q(`INSERT INTO "LiteLLM_TagTable" (tag_name, description, models, model_info, spend, budget_id, created_by) VALUES
            ('prod', 'production traffic', '{m-1}', '{"m-1": "gpt-4o"}', 12.5, 'tier-tag', 'admin'),
            ('dev', NULL, '{}', NULL, 0, NULL, 'admin'),
            ('batch', 'nightly', '{}', NULL, 3, 'tier-tag', NULL)`);
  // LiteLLM's DailyTagSpend: one row per tag, day, key, model, provider, tool and endpoint
  await q(`INSERT INTO "LiteLLM_DailyTagSpend" (id, tag, date, api_key, model, custom_llm_provider, spend, prompt_tokens, completion_tokens, api_requests, successful_requests, failed_requests, updated_at) VALUES
            ('d1', 'prod', $1, 'k1', 'gpt-4o', 'openai', 1.5, 100, 50, 3, 3, 0, now()),
            ('d2', 'prod', $2, 'k2', 'gpt-4o', 'openai', 2.0, 10, 5, 2, 1, 1, now()),
            ('d3', 'prod', $3, 'k1', 'gpt-4o', 'openai', 99, 1, 1, 1, 1, 0, now()),
            ('d4', 'dev', $1, 'k1', 'gpt-4o', 'openai', 0.25, 1, 1, 1, 1, 0, now())`, [day(-1), day(-2), day(-40)]);

  teamA = await makeTeam(t, 'team a');
  teamB = await makeTeam(t, 'team b');
  await q(`INSERT INTO "LiteLLM_ObjectPermissionTable" (object_permission_id, mcp_servers, vector_stores, agents, mcp_toolsets, mcp_tool_permissions) VALUES
            ('perm-1', '{mcp-a,mcp-b}', '{vs-1}', '{agent-1}', '{ts-1}', '{"mcp-a": ["search"]}'),
            ('perm-2', '{mcp-c}', '{}', '{}', '{}', NULL)`);
  await q(`INSERT INTO "LiteLLM_ProjectTable" (project_id, project_alias, team_id, budget_id, models, spend, object_permission_id, created_by, updated_by) VALUES
            ('proj-a', 'Alpha', $1, 'tier-proj', '{gpt-4o}', 4.5, 'perm-2', 'admin', 'admin'),
            ('proj-a2', 'Alpha two', $1, NULL, '{}', 0, NULL, 'admin', 'admin'),
            ('proj-b', 'Beta', $2, NULL, '{}', 1, NULL, 'admin', 'admin')`, [teamA, teamB]);
  keyA = (await insertKey(t, { userId: null, teamId: teamA })).token;
  await q(`UPDATE "LiteLLM_VerificationToken" SET project_id = 'proj-a', object_permission_id = 'perm-1' WHERE token = $1`, [keyA]);
  await insertKey(t, { userId: null, teamId: teamB });
  const [alias] = await q(`INSERT INTO "LiteLLM_ModelTable" (aliases, created_by, updated_by) VALUES ('{"fast": "gpt-4o-mini"}', 'admin', 'admin') RETURNING id`);
  await q(`UPDATE "LiteLLM_TeamTable" SET model_id = $2, object_permission_id = 'perm-1' WHERE team_id = $1`, [teamA, alias.id]);
  await q(`INSERT INTO "LiteLLM_CredentialsTable" (credential_id, credential_name, credential_values, credential_info, created_by, updated_by) VALUES
            ('cred-1', 'azure-prod', '{"api_key": "sk-very-secret-value"}', '{"custom_llm_provider": "azure", "description": "prod"}', 'admin', 'admin'),
            ('cred-2', 'openai-dev', '{"api_key": "sk-another-secret"}', NULL, 'admin', 'admin')`);
  await q(`INSERT INTO "LiteLLM_AccessGroupTable" (access_group_id, access_group_name, description, access_model_names, access_mcp_server_ids, assigned_team_ids) VALUES
            ('ag-1', 'research', 'research models', '{gpt-4o}', '{mcp-a}', $1), ('ag-2', 'support', NULL, '{}', '{}', '{}')`, [[teamA]]);
});
afterAll(() => t.close());

test('tags: values, budget tier and usage from DailyTagSpend, one statement per level; filters on names and budget', async () => {
  const r = await t.gql(`query($from: Date!, $to: Date!) { tags(first: 10) { totalCount nodes { tagName description models modelInfo spend createdBy budget { id maxBudget } usage(from: $from, to: $to) { spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests } } } }`, { from: day(-7), to: day(0) });
  expect(r.errors).toBeUndefined();
  expect(r.data.tags.totalCount).toBe(3);
  expect(r.data.tags.nodes).toEqual([
    { tagName: 'batch', description: 'nightly', models: [], modelInfo: null, spend: 3, createdBy: null, budget: { id: 'tier-tag', maxBudget: 50 }, usage: { spend: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, requests: 0, successfulRequests: 0, failedRequests: 0 } },
    { tagName: 'dev', description: null, models: [], modelInfo: null, spend: 0, createdBy: 'admin', budget: null, usage: { spend: 0.25, promptTokens: 1, completionTokens: 1, totalTokens: 2, requests: 1, successfulRequests: 1, failedRequests: 0 } },
    { tagName: 'prod', description: 'production traffic', models: ['m-1'], modelInfo: { 'm-1': 'gpt-4o' }, spend: 12.5, createdBy: 'admin', budget: { id: 'tier-tag', maxBudget: 50 }, usage: { spend: 3.5, promptTokens: 110, completionTokens: 55, totalTokens: 165, requests: 5, successfulRequests: 4, failedRequests: 1 } },
  ]);
  // page, count, budgets, usage: one each
  expect(r.statements.filter((s) => s.includes('"LiteLLM_BudgetTable"'))).toHaveLength(1);
  expect(r.statements.filter((s) => s.includes('"LiteLLM_DailyTagSpend"'))).toHaveLength(1);
  expect(r.statements).toHaveLength(4);
  const names = async (f: object) => (await t.gql(`query($f: TagFilter) { tags(filter: $f) { nodes { tagName } } }`, { f })).data.tags.nodes.map((n: any) => n.tagName);
  expect(await names({ names: ['prod', 'dev', 'nope'] })).toEqual(['dev', 'prod']);
  expect(await names({ budgetId: 'tier-tag' })).toEqual(['batch', 'prod']);
  const page = await t.gql(`{ tags(first: 2) { nodes { tagName } pageInfo { hasNextPage endCursor } } }`);
  const next = await t.gql(`query($a: String) { tags(first: 2, after: $a) { nodes { tagName } pageInfo { hasNextPage } } }`, { a: page.data.tags.pageInfo.endCursor });
  expect([...page.data.tags.nodes, ...next.data.tags.nodes].map((n: any) => n.tagName)).toEqual(['batch', 'dev', 'prod']);
  expect(next.data.tags.pageInfo.hasNextPage).toBe(false);
});

test('projects: team, budget, permission set; VirtualKey.project; one statement per level', async () => {
  const r = await t.gql(`{ projects { totalCount nodes { projectId projectAlias teamId models spend blocked createdBy team { id alias } budget { maxBudget } objectPermission { mcpServers } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.projects.nodes).toEqual([
    { projectId: 'proj-a', projectAlias: 'Alpha', teamId: teamA, models: ['gpt-4o'], spend: 4.5, blocked: false, createdBy: 'admin', team: { id: teamA, alias: 'team a' }, budget: { maxBudget: 20 }, objectPermission: { mcpServers: ['mcp-c'] } },
    { projectId: 'proj-a2', projectAlias: 'Alpha two', teamId: teamA, models: [], spend: 0, blocked: false, createdBy: 'admin', team: { id: teamA, alias: 'team a' }, budget: null, objectPermission: null },
    { projectId: 'proj-b', projectAlias: 'Beta', teamId: teamB, models: [], spend: 1, blocked: false, createdBy: 'admin', team: { id: teamB, alias: 'team b' }, budget: null, objectPermission: null },
  ]);
  for (const table of ['LiteLLM_TeamTable', 'LiteLLM_BudgetTable', 'LiteLLM_ObjectPermissionTable']) expect(r.statements.filter((s) => s.includes(`FROM "${table}"`))).toHaveLength(1);
  const ids = async (f: object) => (await t.gql(`query($f: ProjectFilter) { projects(filter: $f) { nodes { projectId } } }`, { f })).data.projects.nodes.map((n: any) => n.projectId);
  expect(await ids({ teamId: teamA })).toEqual(['proj-a', 'proj-a2']);
  expect(await ids({ ids: ['proj-b'] })).toEqual(['proj-b']);
  expect(await ids({ alias: 'Alpha two' })).toEqual(['proj-a2']);

  const keys = await t.gql(`{ keys(first: 100) { nodes { token project { projectId budget { maxBudget } } } } }`);
  expect(keys.errors).toBeUndefined();
  const withProject = keys.data.keys.nodes.filter((k: any) => k.project);
  expect(withProject).toEqual([{ token: keyA, project: { projectId: 'proj-a', budget: { maxBudget: 20 } } }]);
  expect(keys.statements.filter((s) => s.includes('FROM "LiteLLM_ProjectTable"'))).toHaveLength(1);
});

test('objectPermission on keys, teams, users and organizations, and Team.modelAliases: one statement per level', async () => {
  await q(`UPDATE "LiteLLM_TeamTable" SET object_permission_id = 'perm-2' WHERE team_id = $1`, [teamB]);
  const r = await t.gql(`{ teams(first: 100) { nodes { id modelAliases objectPermission { objectPermissionId mcpServers vectorStores agents mcpToolsets mcpToolPermissions } keys(first: 10) { nodes { objectPermission { mcpServers } } } } } }`);
  expect(r.errors).toBeUndefined();
  const byId = new Map(r.data.teams.nodes.map((n: any) => [n.id, n]));
  expect(byId.get(teamA)).toMatchObject({
    modelAliases: { fast: 'gpt-4o-mini' },
    objectPermission: { objectPermissionId: 'perm-1', mcpServers: ['mcp-a', 'mcp-b'], vectorStores: ['vs-1'], agents: ['agent-1'], mcpToolsets: ['ts-1'], mcpToolPermissions: { 'mcp-a': ['search'] } },
    keys: { nodes: [{ objectPermission: { mcpServers: ['mcp-a', 'mcp-b'] } }] },
  });
  expect(byId.get(teamB)).toMatchObject({ modelAliases: null, objectPermission: { objectPermissionId: 'perm-2', mcpServers: ['mcp-c'] }, keys: { nodes: [{ objectPermission: null }] } });
  // at most one statement per level (the keys' sets may all be cached from the teams' level), aliases in one
  expect(r.statements.filter((s) => s.includes('FROM "LiteLLM_ObjectPermissionTable"')).length).toBeLessThanOrEqual(2);
  expect(r.statements.filter((s) => s.includes('FROM "LiteLLM_ModelTable"'))).toHaveLength(1);

  const [org] = await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, created_by, updated_by) VALUES ('tier-org', 'a', 'a') RETURNING budget_id`);
  await q(`INSERT INTO "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, object_permission_id, created_by, updated_by) VALUES ('org-p', 'P', $1, 'perm-2', 'a', 'a')`, [org.budget_id]);
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_role, object_permission_id) VALUES ('user-p', 'internal_user', 'perm-1')`);
  const o = await t.gql(`{ organization(id: "org-p") { objectPermission { mcpServers } } user(id: "user-p") { objectPermission { agents } } }`);
  expect(o.errors).toBeUndefined();
  expect(o.data).toEqual({ organization: { objectPermission: { mcpServers: ['mcp-c'] } }, user: { objectPermission: { agents: ['agent-1'] } } });
});

test('credentials: names and info only; the values are never selected nor sent', async () => {
  const r = await t.gql(`{ credentials { totalCount nodes { credentialId credentialName credentialInfo createdBy } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.credentials).toEqual({
    totalCount: 2,
    nodes: [
      { credentialId: 'cred-1', credentialName: 'azure-prod', credentialInfo: { custom_llm_provider: 'azure', description: 'prod' }, createdBy: 'admin' },
      { credentialId: 'cred-2', credentialName: 'openai-dev', credentialInfo: null, createdBy: 'admin' },
    ],
  });
  expect(r.statements.join('\n')).not.toMatch(/credential_values/);
  expect(JSON.stringify(r.body)).not.toMatch(/secret/);
  const byName = await t.gql(`{ credentials(filter: { name: "openai-dev" }) { nodes { credentialId } } }`);
  expect(byName.data.credentials.nodes).toEqual([{ credentialId: 'cred-2' }]);
  // no field names the values
  expect(codes(await t.gql(`{ credentials { nodes { credentialValues } } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
});

test('accessGroups: values and filters on the primary key and the unique name', async () => {
  const r = await t.gql(`{ accessGroups { totalCount nodes { accessGroupId accessGroupName description accessModelNames accessMcpServerIds assignedTeamIds assignedKeyIds } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.accessGroups).toEqual({
    totalCount: 2,
    nodes: [
      { accessGroupId: 'ag-1', accessGroupName: 'research', description: 'research models', accessModelNames: ['gpt-4o'], accessMcpServerIds: ['mcp-a'], assignedTeamIds: [teamA], assignedKeyIds: [] },
      { accessGroupId: 'ag-2', accessGroupName: 'support', description: null, accessModelNames: [], accessMcpServerIds: [], assignedTeamIds: [], assignedKeyIds: [] },
    ],
  });
  expect((await t.gql(`{ accessGroups(filter: { name: "support" }) { nodes { accessGroupId } } }`)).data.accessGroups.nodes).toEqual([{ accessGroupId: 'ag-2' }]);
  expect((await t.gql(`{ accessGroups(filter: { ids: ["ag-1"] }) { nodes { accessGroupId } } }`)).data.accessGroups.nodes).toEqual([{ accessGroupId: 'ag-1' }]);
});

test.each([
  ['LiteLLM_TagTable', `{ tags { totalCount } }`],
  ['LiteLLM_ProjectTable', `{ projects { nodes { projectId } } }`],
  ['LiteLLM_CredentialsTable', `{ credentials { nodes { credentialName } } }`],
  ['LiteLLM_AccessGroupTable', `{ accessGroups { nodes { accessGroupName } } }`],
  ['LiteLLM_ObjectPermissionTable', `{ teams { nodes { objectPermission { mcpServers } } } }`],
  ['LiteLLM_ModelTable', `{ teams { nodes { modelAliases } } }`],
])('without %s the read answers FEATURE_UNAVAILABLE naming it', async (table, query) => {
  await q(`ALTER TABLE "${table}" RENAME TO moved_away`);
  try {
    const r = await t.gql(query);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FEATURE_UNAVAILABLE', table });
  } finally {
    await q(`ALTER TABLE moved_away RENAME TO "${table}"`);
  }
});

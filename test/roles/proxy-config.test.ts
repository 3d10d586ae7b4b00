import { startTestGateway, TestGateway } from '../helpers/gateway';
import { makePrincipal, MadePrincipal, refused } from '../helpers/roles';
import { insertKey, makeOrganization, makeTeam } from '../helpers/world';

// Who sees which of the proxy's configuration objects (issue 16). Agents, MCP servers and toolsets and vector stores
// follow LiteLLM's object permissions (of the caller's user, key, teams, organizations' teams for org admins, and
// organizations); MCP servers open to every key (allow_all_keys) once approved; vector stores also by owner
// (user_id, team_id); guardrails owned by a team to its admins and its organization's admins; managed files to the
// team's members and organization admins; policies, prompts and health checks to proxy admins and admin viewers.

let t: TestGateway;
let teamOne: string; // in the organization
let teamTwo: string; // outside it
const who: Record<string, MadePrincipal> = {};
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const day = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  const org = await makeOrganization(t, 'config-org');
  teamOne = await makeTeam(t, 'config-one', org);
  teamTwo = await makeTeam(t, 'config-two');
  who.admin = await makePrincipal(t, { role: 'proxy_admin' });
  who.viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  who.orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
  who.teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamTwo] });
  who.user = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [teamOne] });
  who.stranger = await makePrincipal(t, { role: 'internal_user' });

  await q(
    `INSERT INTO "LiteLLM_ObjectPermissionTable" (object_permission_id, agents, mcp_servers, mcp_toolsets, vector_stores)
     VALUES ('op-one', '{agent-one}', '{}', '{ts-one}', '{}'), ('op-two', '{}', '{mcp-two}', '{}', '{}'), ('op-user', '{agent-user}', '{}', '{}', '{vs-granted}')`,
  );
  await q(`UPDATE "LiteLLM_TeamTable" SET object_permission_id = 'op-one' WHERE team_id = $1`, [teamOne]);
  await q(`UPDATE "LiteLLM_TeamTable" SET object_permission_id = 'op-two' WHERE team_id = $1`, [teamTwo]);
  await q(`UPDATE "LiteLLM_UserTable" SET object_permission_id = 'op-user' WHERE user_id = $1`, [who.user.userId]);

  await q(
    `INSERT INTO "LiteLLM_AgentsTable" (agent_id, agent_name, agent_card_params, created_by, updated_by)
     VALUES ('agent-one', 'one', '{}', 'a', 'a'), ('agent-user', 'user', '{}', 'a', 'a'), ('agent-none', 'none', '{}', 'a', 'a')`,
  );
  await q(`INSERT INTO "LiteLLM_DailyAgentSpend" (id, agent_id, date, api_key, spend, updated_at) VALUES ('d1', 'agent-one', $1, 'k', 2, now())`, [day]);
  await q(
    `INSERT INTO "LiteLLM_MCPServerTable" (server_id, server_name, allow_all_keys, approval_status)
     VALUES ('mcp-open', 'open', true, 'active'), ('mcp-two', 'two', false, 'active'), ('mcp-closed', 'closed', false, 'active'), ('mcp-pending', 'pending', true, 'pending_review')`,
  );
  await q(`INSERT INTO "LiteLLM_MCPToolsetTable" (toolset_id, toolset_name) VALUES ('ts-one', 'one'), ('ts-none', 'none')`);
  await q(
    `INSERT INTO "LiteLLM_ManagedVectorStoresTable" (vector_store_id, custom_llm_provider, team_id, user_id, updated_at)
     VALUES ('vs-one', 'openai', $1, NULL, now()), ('vs-two', 'openai', $2, NULL, now()), ('vs-mine', 'openai', NULL, $3, now()), ('vs-granted', 'openai', NULL, NULL, now()), ('vs-none', 'openai', NULL, 'someone-else', now())`,
    [teamOne, teamTwo, who.user.userId],
  );
  await q(
    `INSERT INTO "LiteLLM_GuardrailsTable" (guardrail_id, guardrail_name, litellm_params, team_id, updated_at)
     VALUES ('gr-one', 'one', '{}', $1, now()), ('gr-two', 'two', '{}', $2, now()), ('gr-global', 'global', '{}', NULL, now())`,
    [teamOne, teamTwo],
  );
  await q(
    `INSERT INTO "LiteLLM_ManagedFileTable" (id, unified_file_id, model_mappings, team_id, updated_at) VALUES ('file-one', 'u1', '{}', $1, now()), ('file-two', 'u2', '{}', $2, now())`,
    [teamOne, teamTwo],
  );
  await q(`INSERT INTO "LiteLLM_PolicyTable" (policy_id, policy_name) VALUES ('pol', 'p')`);
  await q(`INSERT INTO "LiteLLM_PromptTable" (id, prompt_id, litellm_params, updated_at) VALUES ('pr', 'p', '{}', now())`);
  await q(`INSERT INTO "LiteLLM_HealthCheckTable" (health_check_id, model_name, status, updated_at) VALUES ('hc', 'm', 'healthy', now())`);
});
afterAll(() => t.close());

const LISTS = `{
  agents { nodes { agentId usage(from: "${day}", to: "${day}") { spend } } }
  mcpServers { nodes { serverId } }
  mcpToolsets { nodes { toolsetId } }
  vectorStores { nodes { vectorStoreId } }
  guardrails { nodes { guardrailId } }
  teams { nodes { id managedFiles { nodes { id } } } }
}`;

async function sees(role: string) {
  const r = await t.gql(LISTS, {}, who[role].rawKey);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const ids = (root: string, field: string) => r.data[root].nodes.map((n: any) => n[field]).sort();
  return {
    agents: ids('agents', 'agentId'),
    agentUsage: r.data.agents.nodes.map((n: any) => n.usage),
    mcpServers: ids('mcpServers', 'serverId'),
    mcpToolsets: ids('mcpToolsets', 'toolsetId'),
    vectorStores: ids('vectorStores', 'vectorStoreId'),
    guardrails: ids('guardrails', 'guardrailId'),
    files: r.data.teams.nodes.flatMap((n: any) => n.managedFiles.nodes.map((f: any) => f.id)).sort(),
  };
}

const EVERYTHING = {
  agents: ['agent-none', 'agent-one', 'agent-user'],
  agentUsage: [{ spend: 0 }, { spend: 2 }, { spend: 0 }],
  mcpServers: ['mcp-closed', 'mcp-open', 'mcp-pending', 'mcp-two'],
  mcpToolsets: ['ts-none', 'ts-one'],
  vectorStores: ['vs-granted', 'vs-mine', 'vs-none', 'vs-one', 'vs-two'],
  guardrails: ['gr-global', 'gr-one', 'gr-two'],
  files: ['file-one', 'file-two'],
};

const ADMIN_ONLY = [`{ policies { totalCount } }`, `{ prompts { totalCount } }`, `{ healthChecks { totalCount } }`];

test('proxy admin: every object, agent usage included, and policies, prompts and health checks', async () => {
  expect(await sees('admin')).toEqual(EVERYTHING);
  for (const query of ADMIN_ONLY) expect((await t.gql(query, {}, who.admin.rawKey)).data).toEqual({ [query.slice(2, query.indexOf(' ', 2))]: { totalCount: 1 } });
});

test('admin viewer: reads the same as a proxy admin', async () => {
  expect(await sees('viewer')).toEqual(EVERYTHING);
  for (const query of ADMIN_ONLY) expect((await t.gql(query, {}, who.viewer.rawKey)).errors).toBeUndefined();
});

test("org admin: what the organization's teams are given and own; no policies, prompts or health checks", async () => {
  expect(await sees('orgAdmin')).toEqual({
    agents: ['agent-one'],
    agentUsage: [null],
    mcpServers: ['mcp-open'],
    mcpToolsets: ['ts-one'],
    vectorStores: ['vs-one'],
    guardrails: ['gr-one'],
    files: ['file-one'],
  });
  for (const query of ADMIN_ONLY) refused(await t.gql(query, {}, who.orgAdmin.rawKey), 'FORBIDDEN');
});

test("team admin: what their team is given and owns, the team's guardrails and files", async () => {
  expect(await sees('teamAdmin')).toEqual({
    agents: [],
    agentUsage: [],
    mcpServers: ['mcp-open', 'mcp-two'],
    mcpToolsets: [],
    vectorStores: ['vs-two'],
    guardrails: ['gr-two'],
    files: ['file-two'],
  });
  for (const query of ADMIN_ONLY) refused(await t.gql(query, {}, who.teamAdmin.rawKey), 'FORBIDDEN');
});

test("internal user: what their user and team are given, their own and their team's vector stores, the team's files, no team guardrails", async () => {
  expect(await sees('user')).toEqual({
    agents: ['agent-one', 'agent-user'],
    agentUsage: [null, null],
    mcpServers: ['mcp-open'],
    mcpToolsets: ['ts-one'],
    vectorStores: ['vs-granted', 'vs-mine', 'vs-one'],
    guardrails: [],
    files: ['file-one'],
  });
  for (const query of ADMIN_ONLY) refused(await t.gql(query, {}, who.user.rawKey), 'FORBIDDEN');
});

test('a user given nothing: only the approved MCP servers open to every key', async () => {
  expect(await sees('stranger')).toEqual({ agents: [], agentUsage: [], mcpServers: ['mcp-open'], mcpToolsets: [], vectorStores: [], guardrails: [], files: [] });
});

test('filters narrow within the scope, never widen it', async () => {
  const r = await t.gql(`{ vectorStores(filter: { userId: "someone-else" }) { totalCount } guardrails(filter: { guardrailName: "global" }) { totalCount } agents(filter: { agentName: "none" }) { totalCount } }`, {}, who.user.rawKey);
  expect(r.data).toEqual({ vectorStores: { totalCount: 0 }, guardrails: { totalCount: 0 }, agents: { totalCount: 0 } });
});

test("a key's allowed_routes grant these roots by LiteLLM's routes, nested types included", async () => {
  const key = async (routes: string[]) => (await insertKey(t, { userId: who.admin.userId, teamId: null, allowedRoutes: routes })).rawKey;
  const mcp = await key(['/v1/mcp/server']);
  expect((await t.gql(`{ mcpServers { totalCount } }`, {}, mcp)).data).toEqual({ mcpServers: { totalCount: 4 } });
  refused(await t.gql(`{ guardrails { totalCount } }`, {}, mcp), 'FORBIDDEN');
  const guardrails = await key(['/guardrails/list']);
  expect((await t.gql(`{ guardrails { nodes { guardrailId metrics(from: "${day}", to: "${day}") { date } } } }`, {}, guardrails)).errors).toBeUndefined();
  // a guardrail's team is read through the team roots
  refused(await t.gql(`{ guardrails { nodes { team { id } } } }`, {}, guardrails), 'FORBIDDEN');
  const teams = await key(['/team/list']);
  expect((await t.gql(`{ teams { nodes { managedFiles { nodes { id } } } } }`, {}, teams)).errors).toBeUndefined();
  const health = await key(['/health/latest']);
  expect((await t.gql(`{ healthChecks { totalCount } }`, {}, health)).data).toEqual({ healthChecks: { totalCount: 1 } });
  refused(await t.gql(`{ policies { totalCount } }`, {}, health), 'FORBIDDEN');
});

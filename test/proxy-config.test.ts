import { getNamedType, GraphQLObjectType, isEnumType, isObjectType, isScalarType } from 'graphql';
import { recordUnavailableTables } from '../src/db/availability';
import { gatewaySchema } from '../src/graphql/schema';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { makeTeam } from './helpers/world';

// The proxy's configuration objects (issue 16): agents, MCP servers and toolsets, guardrails and policies, prompts,
// vector stores, a team's managed files and health checks, each written here as LiteLLM writes it.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
let teamA: string;
let teamB: string;
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  teamA = await makeTeam(t, 'files-a');
  teamB = await makeTeam(t, 'files-b');
  await q(
    `INSERT INTO "LiteLLM_AgentsTable" (agent_id, agent_name, litellm_params, agent_card_params, created_by, updated_by, static_headers, extra_headers, spend, tpm_limit)
     VALUES ('agent-1', 'researcher', '{"model": "gpt-4o", "api_key": "sk-agent-secret", "api_base": "https://user:pw@agents.example.com/v1?token=abc", "rpm": 10}', '{"name": "Researcher", "skills": []}', 'admin', 'admin', '{"Authorization": "Bearer agent-header-secret"}', '{x-trace}', 3.5, 1000),
            ('agent-2', 'writer', NULL, '{"name": "Writer"}', 'admin', 'admin', '{}', '{}', 0, NULL)`,
  );
  await q(
    `INSERT INTO "LiteLLM_DailyAgentSpend" (id, agent_id, date, api_key, model, prompt_tokens, completion_tokens, spend, api_requests, successful_requests, failed_requests, updated_at)
     VALUES ('das-1', 'agent-1', $1, 'k1', 'gpt-4o', 100, 50, 1.25, 3, 2, 1, now()), ('das-2', 'agent-1', $2, 'k2', 'gpt-4o', 10, 5, 0.25, 1, 1, 0, now()),
            ('das-3', 'agent-1', '2001-01-01', 'k1', 'gpt-4o', 999, 999, 99, 9, 9, 0, now())`,
    [day(-1), day(0)],
  );
  await q(
    `INSERT INTO "LiteLLM_MCPServerTable" (server_id, server_name, alias, description, url, transport, auth_type, command, args, env, static_headers, credentials, allow_all_keys, approval_status, allowed_tools)
     VALUES ('mcp-1', 'github', 'gh', 'GitHub tools', 'https://mcp.example.com/zapier/secret-path-token', 'http', 'bearer_token', NULL, '{}', '{}', '{"Authorization": "Bearer mcp-header-secret"}', '{"auth_value": "mcp-cred-secret"}', true, 'active', '{search}'),
            ('mcp-2', 'local', NULL, NULL, NULL, 'stdio', NULL, 'npx', '{--token,argv-secret}', '{"API_KEY": "env-secret"}', '{}', '{}', false, 'pending_review', '{}')`,
  );
  await q(`INSERT INTO "LiteLLM_MCPToolsetTable" (toolset_id, toolset_name, description, tools) VALUES ('ts-1', 'dev', 'Developer tools', '[{"server_id": "mcp-1", "tool_name": "search"}]')`);
  await q(
    `INSERT INTO "LiteLLM_GuardrailsTable" (guardrail_id, guardrail_name, litellm_params, guardrail_info, team_id, status, updated_at)
     VALUES ('gr-1', 'pii-mask', '{"guardrail": "presidio", "mode": "pre_call", "default_on": true, "api_key": "gr-secret", "api_base": "https://u:p@presidio.example.com/analyze?key=k"}', '{"description": "masks PII"}', NULL, 'active', now()),
            ('gr-2', 'team-filter', '{"guardrail": "aporia", "mode": ["pre_call", "post_call"], "api_key": "secret-2"}', NULL, $1, 'pending_review', now())`,
    [teamA],
  );
  await q(
    `INSERT INTO "LiteLLM_DailyGuardrailMetrics" (guardrail_id, date, requests_evaluated, passed_count, blocked_count, flagged_count, avg_score, avg_latency_ms, updated_at)
     VALUES ('gr-1', $1, 10, 7, 2, 1, 0.5, 12.5, now()), ('gr-1', $2, 4, 4, 0, 0, NULL, 8, now()), ('gr-1', '2001-01-01', 1, 1, 0, 0, NULL, NULL, now()), ('gr-2', $2, 2, 1, 1, 0, NULL, NULL, now())`,
    [day(-2), day(-1)],
  );
  await q(
    `INSERT INTO "LiteLLM_PolicyTable" (policy_id, policy_name, description, guardrails_add, version_number, version_status, is_latest, pipeline)
     VALUES ('pol-1', 'strict', 'v1', '{pii-mask}', 1, 'production', false, NULL), ('pol-2', 'strict', 'v2', '{pii-mask,team-filter}', 2, 'draft', true, NULL), ('pol-3', 'loose', NULL, '{}', 1, 'production', true, NULL)`,
  );
  await q(
    `INSERT INTO "LiteLLM_PolicyAttachmentTable" (attachment_id, policy_name, scope, teams, keys, models, tags)
     VALUES ('att-1', 'strict', NULL, $1, '{}', '{}', '{}'), ('att-2', 'strict', '*', '{}', '{}', '{}', '{}'), ('att-3', 'loose', NULL, '{}', '{}', '{gpt-4o}', '{}')`,
    [[teamA]],
  );
  await q(`INSERT INTO "LiteLLM_DailyPolicyMetrics" (policy_id, date, requests_evaluated, passed_count, blocked_count, flagged_count, updated_at) VALUES ('pol-1', $1, 5, 3, 2, 0, now())`, [day(-1)]);
  await q(
    `INSERT INTO "LiteLLM_PromptTable" (id, prompt_id, litellm_params, prompt_info, version, environment, updated_at)
     VALUES ('pr-1', 'greeting', '{"prompt_id": "greeting", "prompt_integration": "langfuse", "langfuse_secret_key": "lf-secret", "api_key": "pr-secret"}', '{"prompt_type": "db"}', 1, 'production', now()),
            ('pr-2', 'greeting', '{"prompt_id": "greeting", "prompt_integration": "langfuse"}', NULL, 2, 'development', now()),
            ('pr-3', 'farewell', '{"prompt_id": "farewell", "prompt_integration": "dotprompt", "dotprompt_content": "Bye {{name}}"}', NULL, 1, 'production', now())`,
  );
  await q(
    `INSERT INTO "LiteLLM_ManagedVectorStoresTable" (vector_store_id, custom_llm_provider, vector_store_name, litellm_credential_name, litellm_params, team_id, user_id, updated_at)
     VALUES ('vs-1', 'bedrock', 'kb', 'aws-prod', '{"aws_region_name": "us-east-1", "aws_secret_access_key": "vs-secret", "api_key": "vs-secret-2"}', $1, NULL, now()),
            ('vs-2', 'openai', 'docs', NULL, NULL, NULL, 'someone', now())`,
    [teamA],
  );
  for (let i = 0; i < 5; i++)
    await q(
      `INSERT INTO "LiteLLM_ManagedFileTable" (id, unified_file_id, file_object, model_mappings, team_id, storage_backend, storage_url, created_at, updated_at)
       VALUES ($1, $2, '{"filename": "f.jsonl", "bytes": 10}', '{}', $3, 's3', 'https://bucket.s3.amazonaws.com/f.jsonl?X-Amz-Signature=presigned-secret', now() - ($4 || ' minutes')::interval, now())`,
      [`file-${i}`, `uf-${i}`, i < 3 ? teamA : teamB, String(i)],
    );
  for (let i = 0; i < 4; i++)
    await q(
      `INSERT INTO "LiteLLM_HealthCheckTable" (health_check_id, model_name, model_id, status, healthy_count, unhealthy_count, error_message, response_time_ms, details, checked_at, updated_at)
       VALUES ($1, $2, $3, $4, 1, $5, NULL, 120, '{"api_key": "hc-secret"}', now() - ($6 || ' minutes')::interval, now())`,
      [`hc-${i}`, i % 2 ? 'gpt-4o' : 'claude', `dep-${i % 2}`, i === 3 ? 'unhealthy' : 'healthy', i === 3 ? 1 : 0, String(i * 10)],
    );
});
afterAll(() => t.close());

const noSecret = (r: unknown) => {
  const text = JSON.stringify(r);
  for (const s of ['secret', 'pw@', 'X-Amz-Signature', 'token=abc']) expect(text).not.toContain(s);
};

test('agents: values, the filtered litellm_params, usage over a window from LiteLLM_DailyAgentSpend, a filter on the name', async () => {
  const r = await t.gql(`query($f: AgentFilter) { agents(filter: $f) { totalCount nodes { agentId agentName agentCardParams litellmParams extraHeaders spend tpmLimit usage(from: "${day(-7)}", to: "${day(0)}") { spend promptTokens completionTokens totalTokens requests successfulRequests failedRequests } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.agents.totalCount).toBe(2);
  expect(r.data.agents.nodes[0]).toEqual({
    agentId: 'agent-1',
    agentName: 'researcher',
    agentCardParams: { name: 'Researcher', skills: [] },
    litellmParams: { model: 'gpt-4o', api_base: 'https://agents.example.com/v1', rpm: 10 },
    extraHeaders: ['x-trace'],
    spend: 3.5,
    tpmLimit: 1000,
    usage: { spend: 1.5, promptTokens: 110, completionTokens: 55, totalTokens: 165, requests: 4, successfulRequests: 3, failedRequests: 1 },
  });
  expect(r.data.agents.nodes[1]).toMatchObject({ agentId: 'agent-2', litellmParams: null, usage: { spend: 0, requests: 0 } });
  noSecret(r.data);
  // one statement for the usage of the whole level
  expect(r.statements.filter((s) => s.includes('LiteLLM_DailyAgentSpend'))).toHaveLength(1);
  expect((await t.gql(`{ agents(filter: { agentName: "writer" }) { nodes { agentId } } }`)).data.agents.nodes).toEqual([{ agentId: 'agent-2' }]);
  // usage windows are bounded as everywhere
  expect(codes(await t.gql(`{ agents { nodes { usage(from: "2000-01-01", to: "${day(0)}") { spend } } } }`))).toEqual(['BAD_USER_INPUT']);
});

test('the deny-listed columns have no field: static_headers, url, credentials, env, args', async () => {
  for (const [type, field] of [['Agent', 'staticHeaders'], ['McpServer', 'url'], ['McpServer', 'credentials'], ['McpServer', 'env'], ['McpServer', 'args'], ['McpServer', 'staticHeaders'], ['HealthCheck', 'details']])
    expect(Object.keys((gatewaySchema().getType(type) as GraphQLObjectType).getFields())).not.toContain(field);
});

test('mcpServers and mcpToolsets: values without secrets, the approval filter', async () => {
  const r = await t.gql(`{ mcpServers { totalCount nodes { serverId serverName alias transport authType command allowAllKeys approvalStatus allowedTools } } mcpToolsets { nodes { toolsetId toolsetName tools } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.mcpServers.nodes).toEqual([
    { serverId: 'mcp-1', serverName: 'github', alias: 'gh', transport: 'http', authType: 'bearer_token', command: null, allowAllKeys: true, approvalStatus: 'active', allowedTools: ['search'] },
    { serverId: 'mcp-2', serverName: 'local', alias: null, transport: 'stdio', authType: null, command: 'npx', allowAllKeys: false, approvalStatus: 'pending_review', allowedTools: [] },
  ]);
  expect(r.data.mcpToolsets.nodes).toEqual([{ toolsetId: 'ts-1', toolsetName: 'dev', tools: [{ server_id: 'mcp-1', tool_name: 'search' }] }]);
  noSecret(r.data);
  expect((await t.gql(`{ mcpServers(filter: { approvalStatus: "pending_review" }) { nodes { serverId } } }`)).data.mcpServers.nodes).toEqual([{ serverId: 'mcp-2' }]);
  expect((await t.gql(`{ mcpToolsets(filter: { toolsetName: "nope" }) { totalCount } }`)).data.mcpToolsets.totalCount).toBe(0);
});

test('guardrails: filtered litellm_params, the owning team, daily metrics of a bounded window in one statement per level', async () => {
  const r = await t.gql(`{ guardrails { nodes { guardrailId guardrailName status litellmParams guardrailInfo team { id } metrics(from: "${day(-7)}", to: "${day(0)}") { guardrailId date requestsEvaluated passedCount blockedCount flaggedCount avgScore avgLatencyMs } } } }`);
  expect(r.errors).toBeUndefined();
  const [g1, g2] = r.data.guardrails.nodes;
  expect(g1).toEqual({
    guardrailId: 'gr-1',
    guardrailName: 'pii-mask',
    status: 'active',
    litellmParams: { guardrail: 'presidio', mode: 'pre_call', default_on: true, api_base: 'https://presidio.example.com/analyze' },
    guardrailInfo: { description: 'masks PII' },
    team: null,
    metrics: [
      { guardrailId: 'gr-1', date: day(-2), requestsEvaluated: 10, passedCount: 7, blockedCount: 2, flaggedCount: 1, avgScore: 0.5, avgLatencyMs: 12.5 },
      { guardrailId: 'gr-1', date: day(-1), requestsEvaluated: 4, passedCount: 4, blockedCount: 0, flaggedCount: 0, avgScore: null, avgLatencyMs: 8 },
    ],
  });
  expect(g2).toMatchObject({ guardrailId: 'gr-2', litellmParams: { guardrail: 'aporia', mode: ['pre_call', 'post_call'] }, team: { id: teamA }, metrics: [{ date: day(-1), blockedCount: 1 }] });
  noSecret(r.data);
  expect(r.statements.filter((s) => s.includes('LiteLLM_DailyGuardrailMetrics'))).toHaveLength(1);
  expect((await t.gql(`{ guardrails(filter: { status: "pending_review" }) { nodes { guardrailId } } }`)).data.guardrails.nodes).toEqual([{ guardrailId: 'gr-2' }]);
  expect((await t.gql(`{ guardrails(filter: { guardrailName: "pii-mask" }) { nodes { guardrailId } } }`)).data.guardrails.nodes).toEqual([{ guardrailId: 'gr-1' }]);
  expect(codes(await t.gql(`{ guardrails { nodes { metrics(from: "2000-01-01", to: "${day(0)}") { date } } } }`))).toEqual(['BAD_USER_INPUT']);
});

test('policies: versions, attachments by policy name and daily metrics, one statement per level; status needs the name', async () => {
  const r = await t.gql(`{ policies { totalCount nodes { policyId policyName versionNumber versionStatus isLatest guardrailsAdd attachments { attachmentId scope teams models } metrics(from: "${day(-7)}", to: "${day(0)}") { policyId date blockedCount } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.policies.nodes).toEqual([
    { policyId: 'pol-1', policyName: 'strict', versionNumber: 1, versionStatus: 'production', isLatest: false, guardrailsAdd: ['pii-mask'], attachments: [{ attachmentId: 'att-1', scope: null, teams: [teamA], models: [] }, { attachmentId: 'att-2', scope: '*', teams: [], models: [] }], metrics: [{ policyId: 'pol-1', date: day(-1), blockedCount: 2 }] },
    { policyId: 'pol-2', policyName: 'strict', versionNumber: 2, versionStatus: 'draft', isLatest: true, guardrailsAdd: ['pii-mask', 'team-filter'], attachments: [{ attachmentId: 'att-1', scope: null, teams: [teamA], models: [] }, { attachmentId: 'att-2', scope: '*', teams: [], models: [] }], metrics: [] },
    { policyId: 'pol-3', policyName: 'loose', versionNumber: 1, versionStatus: 'production', isLatest: true, guardrailsAdd: [], attachments: [{ attachmentId: 'att-3', scope: null, teams: [], models: ['gpt-4o'] }], metrics: [] },
  ]);
  expect(r.statements.filter((s) => s.includes('LiteLLM_PolicyAttachmentTable'))).toHaveLength(1);
  expect(r.statements.filter((s) => s.includes('LiteLLM_DailyPolicyMetrics'))).toHaveLength(1);
  expect((await t.gql(`{ policies(filter: { policyName: "strict", latestOnly: true }) { nodes { policyId } } }`)).data.policies.nodes).toEqual([{ policyId: 'pol-2' }]);
  expect((await t.gql(`{ policies(filter: { policyName: "strict", versionStatus: "production" }) { nodes { policyId } } }`)).data.policies.nodes).toEqual([{ policyId: 'pol-1' }]);
  expect(codes(await t.gql(`{ policies(filter: { versionStatus: "production" }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
});

test('prompts: each version, its filtered litellm_params, every version of the prompt in one statement per level', async () => {
  const r = await t.gql(`{ prompts { nodes { id promptId version environment litellmParams promptInfo versions { id version environment } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.prompts.nodes).toEqual([
    { id: 'pr-1', promptId: 'greeting', version: 1, environment: 'production', litellmParams: { prompt_id: 'greeting', prompt_integration: 'langfuse' }, promptInfo: { prompt_type: 'db' }, versions: [{ id: 'pr-2', version: 2, environment: 'development' }, { id: 'pr-1', version: 1, environment: 'production' }] },
    { id: 'pr-2', promptId: 'greeting', version: 2, environment: 'development', litellmParams: { prompt_id: 'greeting', prompt_integration: 'langfuse' }, promptInfo: null, versions: [{ id: 'pr-2', version: 2, environment: 'development' }, { id: 'pr-1', version: 1, environment: 'production' }] },
    { id: 'pr-3', promptId: 'farewell', version: 1, environment: 'production', litellmParams: { prompt_id: 'farewell', prompt_integration: 'dotprompt', dotprompt_content: 'Bye {{name}}' }, promptInfo: null, versions: [{ id: 'pr-3', version: 1, environment: 'production' }] },
  ]);
  noSecret(r.data);
  expect(r.statements.filter((s) => s.includes('LiteLLM_PromptTable'))).toHaveLength(2);
  expect((await t.gql(`{ prompts(filter: { promptId: "greeting", environment: "production" }) { nodes { id } } }`)).data.prompts.nodes).toEqual([{ id: 'pr-1' }]);
  expect(codes(await t.gql(`{ prompts(filter: { environment: "production" }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
});

test('vectorStores: values, filtered litellm_params, owner filters', async () => {
  const r = await t.gql(`{ vectorStores { nodes { vectorStoreId customLlmProvider vectorStoreName litellmCredentialName litellmParams teamId userId team { id } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.vectorStores.nodes).toEqual([
    { vectorStoreId: 'vs-1', customLlmProvider: 'bedrock', vectorStoreName: 'kb', litellmCredentialName: 'aws-prod', litellmParams: { aws_region_name: 'us-east-1' }, teamId: teamA, userId: null, team: { id: teamA } },
    { vectorStoreId: 'vs-2', customLlmProvider: 'openai', vectorStoreName: 'docs', litellmCredentialName: null, litellmParams: null, teamId: null, userId: 'someone', team: null },
  ]);
  noSecret(r.data);
  expect((await t.gql(`{ vectorStores(filter: { userId: "someone" }) { nodes { vectorStoreId } } }`)).data.vectorStores.nodes).toEqual([{ vectorStoreId: 'vs-2' }]);
  expect((await t.gql(`query($t: ID) { vectorStores(filter: { teamId: $t }) { nodes { vectorStoreId } } }`, { t: teamA })).data.vectorStores.nodes).toEqual([{ vectorStoreId: 'vs-1' }]);
});

test("Team.managedFiles: a page per team, newest first, one statement for the level, storage URLs without their query", async () => {
  const r = await t.gql(`query($ids: [ID!]) { teams(filter: { ids: $ids }) { nodes { id managedFiles(first: 2) { totalCount nodes { id unifiedFileId storageBackend storageUrl fileObject } pageInfo { hasNextPage } } } } }`, { ids: [teamA, teamB] });
  expect(r.errors).toBeUndefined();
  const byTeam = Object.fromEntries(r.data.teams.nodes.map((n: any) => [n.id, n.managedFiles]));
  expect(byTeam[teamA]).toEqual({
    totalCount: 3,
    nodes: [
      { id: 'file-0', unifiedFileId: 'uf-0', storageBackend: 's3', storageUrl: 'https://bucket.s3.amazonaws.com/f.jsonl', fileObject: { filename: 'f.jsonl', bytes: 10 } },
      { id: 'file-1', unifiedFileId: 'uf-1', storageBackend: 's3', storageUrl: 'https://bucket.s3.amazonaws.com/f.jsonl', fileObject: { filename: 'f.jsonl', bytes: 10 } },
    ],
    pageInfo: { hasNextPage: true },
  });
  expect(byTeam[teamB].nodes.map((n: any) => n.id)).toEqual(['file-3', 'file-4']);
  noSecret(r.data);
  expect(r.statements.filter((s) => s.includes('LiteLLM_ManagedFileTable') && !s.includes('count('))).toHaveLength(1);
});

test('healthChecks: newest first, filters on indexed columns, pages that neither repeat nor skip', async () => {
  const r = await t.gql(`{ healthChecks { totalCount nodes { healthCheckId modelName modelId status healthyCount unhealthyCount responseTimeMs } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.healthChecks.nodes.map((n: any) => n.healthCheckId)).toEqual(['hc-0', 'hc-1', 'hc-2', 'hc-3']);
  expect(r.data.healthChecks.nodes[3]).toEqual({ healthCheckId: 'hc-3', modelName: 'gpt-4o', modelId: 'dep-1', status: 'unhealthy', healthyCount: 1, unhealthyCount: 1, responseTimeMs: 120 });
  const ids = async (f: object) => (await t.gql(`query($f: HealthCheckFilter) { healthChecks(filter: $f) { nodes { healthCheckId } } }`, { f })).data.healthChecks.nodes.map((n: any) => n.healthCheckId);
  expect(await ids({ modelName: 'gpt-4o' })).toEqual(['hc-1', 'hc-3']);
  expect(await ids({ modelName: 'gpt-4o', modelId: 'dep-1', status: 'unhealthy' })).toEqual(['hc-3']);
  expect(await ids({ checkedFrom: new Date(Date.now() - 15 * 60000).toISOString() })).toEqual(['hc-0', 'hc-1']);
  expect(codes(await t.gql(`{ healthChecks(filter: { modelId: "dep-1" }) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const p: any = await t.gql(`query($a: String) { healthChecks(first: 1, after: $a) { nodes { healthCheckId } pageInfo { hasNextPage endCursor } } }`, { a: after });
    seen.push(...p.data.healthChecks.nodes.map((n: any) => n.healthCheckId));
    if (i === 0) await q(`INSERT INTO "LiteLLM_HealthCheckTable" (health_check_id, model_name, status, updated_at) VALUES ('hc-new', 'claude', 'healthy', now())`);
    if (!p.data.healthChecks.pageInfo.hasNextPage) break;
    after = p.data.healthChecks.pageInfo.endCursor;
  }
  expect(seen).toEqual(['hc-0', 'hc-1', 'hc-2', 'hc-3']);
});

/** How each new type is reached from a query root. */
const PATHS: Record<string, (inner: string) => string> = {
  Agent: (s) => `agents { nodes { ${s} } }`,
  McpServer: (s) => `mcpServers { nodes { ${s} } }`,
  McpToolset: (s) => `mcpToolsets { nodes { ${s} } }`,
  Guardrail: (s) => `guardrails { nodes { ${s} } }`,
  DailyGuardrailMetrics: (s) => `guardrails { nodes { metrics(from: "${day(-7)}", to: "${day(0)}") { ${s} } } }`,
  Policy: (s) => `policies { nodes { ${s} } }`,
  PolicyAttachment: (s) => `policies { nodes { attachments { ${s} } } }`,
  DailyPolicyMetrics: (s) => `policies { nodes { metrics(from: "${day(-7)}", to: "${day(0)}") { ${s} } } }`,
  Prompt: (s) => `prompts { nodes { ${s} } }`,
  VectorStore: (s) => `vectorStores { nodes { ${s} } }`,
  ManagedFile: (s) => `teams { nodes { managedFiles { nodes { ${s} } } } }`,
  HealthCheck: (s) => `healthChecks { nodes { ${s} } }`,
};

test('every field of the new types, selected alone, finds the columns it reads', async () => {
  const schema = gatewaySchema();
  const failures: string[] = [];
  for (const [typeName, path] of Object.entries(PATHS)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      let head = field.name;
      if (field.args.some((a) => a.name === 'from')) head += `(from: "${day(-7)}", to: "${day(0)}")`;
      const named = getNamedType(field.type);
      const sel = isScalarType(named) || isEnumType(named) ? head : isObjectType(named) && named.getFields().nodes ? `${head} { nodes { __typename } }` : `${head} { __typename }`;
      const r = await t.gql(`{ ${path(sel)} }`);
      if (r.errors) failures.push(`${typeName}.${field.name}: ${r.errors[0].message}`);
    }
  }
  expect(failures).toEqual([]);
});

test('a missing optional table answers FEATURE_UNAVAILABLE naming it; the rest of the API answers', async () => {
  const cases: [string, string][] = [
    ['LiteLLM_AgentsTable', `{ agents { totalCount } }`],
    ['LiteLLM_DailyAgentSpend', `{ agents { nodes { usage(from: "${day(-1)}", to: "${day(0)}") { spend } } } }`],
    ['LiteLLM_MCPServerTable', `{ mcpServers { nodes { serverId } } }`],
    ['LiteLLM_MCPToolsetTable', `{ mcpToolsets { nodes { toolsetId } } }`],
    ['LiteLLM_GuardrailsTable', `{ guardrails { nodes { guardrailId } } }`],
    ['LiteLLM_DailyGuardrailMetrics', `{ guardrails { nodes { metrics(from: "${day(-1)}", to: "${day(0)}") { date } } } }`],
    ['LiteLLM_PolicyTable', `{ policies { nodes { policyId } } }`],
    ['LiteLLM_PolicyAttachmentTable', `{ policies { nodes { attachments { attachmentId } } } }`],
    ['LiteLLM_DailyPolicyMetrics', `{ policies { nodes { metrics(from: "${day(-1)}", to: "${day(0)}") { date } } } }`],
    ['LiteLLM_PromptTable', `{ prompts { nodes { id } } }`],
    ['LiteLLM_ManagedVectorStoresTable', `{ vectorStores { nodes { vectorStoreId } } }`],
    ['LiteLLM_ManagedFileTable', `{ teams(first: 1) { nodes { managedFiles { nodes { id } } } } }`],
    ['LiteLLM_HealthCheckTable', `{ healthChecks { nodes { healthCheckId } } }`],
  ];
  for (const [table, query] of cases) {
    await q(`ALTER TABLE "${table}" RENAME TO moved_away`);
    let r;
    try {
      r = await t.gql(query);
    } finally {
      await q(`ALTER TABLE moved_away RENAME TO "${table}"`);
    }
    // one error per field that read the table (agents' usage: one per agent)
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors ?? []) expect([table, e.extensions]).toEqual([table, expect.objectContaining({ code: 'FEATURE_UNAVAILABLE', table })]);
  }
  expect((await t.gql(`{ teams { totalCount } }`)).errors).toBeUndefined();
});

test('a table the start-up check found missing is FEATURE_UNAVAILABLE before any SQL is sent to it', async () => {
  recordUnavailableTables(t.db.ds, ['LiteLLM_DailyAgentSpend', 'LiteLLM_HealthCheckTable']);
  try {
    const usage = await t.gql(`{ agents(first: 1) { nodes { agentId usage(from: "${day(-1)}", to: "${day(0)}") { spend } } } }`);
    expect(usage.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FEATURE_UNAVAILABLE', table: 'LiteLLM_DailyAgentSpend' })]);
    expect(usage.statements.some((s) => s.includes('LiteLLM_DailyAgentSpend'))).toBe(false);
    const checks = await t.gql(`{ healthChecks { totalCount } }`);
    expect(codes(checks)).toEqual(['FEATURE_UNAVAILABLE']);
    expect(checks.statements.some((s) => s.includes('LiteLLM_HealthCheckTable'))).toBe(false);
  } finally {
    recordUnavailableTables(t.db.ds, []);
  }
});

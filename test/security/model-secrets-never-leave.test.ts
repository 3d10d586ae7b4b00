import { publicLitellmParams, publicUrl } from '../../src/graphql/secrets';
import { startTestGateway, TestGateway } from '../helpers/gateway';

// Every secret below carries this marker (or is one of the two odd-shaped strings after it), so one search of
// the whole response proves that none of them left the server, whatever shape it was stored in.
const MARK = 'SEKRIT';
const ALSO_SECRET = ['svc-user', 'AKIAIOSFODNN7EXAMPLE'];

const PEM = `-----BEGIN PRIVATE KEY-----\\nMIIE${MARK}pem\\n-----END PRIVATE KEY-----\\n`;

const fullOfSecrets = {
  model: 'azure/gpt-4o',
  custom_llm_provider: 'azure',
  api_base: `https://svc-user:${MARK}-basic-pass@my-azure.openai.azure.com/openai?api-key=${MARK}-query-key&sig=${MARK}-sig#${MARK}-fragment`,
  base_url: `https://gateway.example.com:8443/v1?token=${MARK}-token&key=${MARK}-key`,
  api_version: '2024-06-01',
  api_key: `sk-${MARK}-api-key`,
  'api-key': `${MARK}-dashed-api-key`,
  azure_ad_token: `${MARK}-ad-token`,
  client_secret: `${MARK}-client-secret`,
  azure_password: `${MARK}-azure-password`,
  aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
  aws_secret_access_key: `${MARK}-aws-secret`,
  aws_session_token: `${MARK}-aws-session`,
  vertex_credentials: JSON.stringify({ type: 'service_account', private_key_id: `${MARK}-kid`, private_key: PEM }),
  extra_headers: { Authorization: `Bearer ${MARK}-extra-authorization`, 'x-api-key': `${MARK}-x-api-key` },
  headers: { cookie: `session=${MARK}-cookie`, 'Proxy-Authorization': `Basic ${MARK}-proxy-auth` },
  default_headers: [{ name: 'Authorization', value: `${MARK}-array-header` }, `Cookie: ${MARK}-array-cookie`],
  litellm_metadata: { nested: { deeper: [{ token: `${MARK}-deep-token` }] } },
  model_info: { note: `${MARK}-model-info-inside-params` },
  // allowed names holding a shape they never have: dropped, not shown
  timeout: { connect: 5, read: `${MARK}-timeout-object` },
  rpm: [`${MARK}-rpm-array`],
  max_retries: `${MARK}-not-a-number`,
  tags: ['prod', { secret: `${MARK}-tag-object` }],
  // allowed names with their usual values: shown
  tpm: 20000,
  stream_timeout: 'os.environ/AZURE_STREAM_TIMEOUT',
  num_retries: 3,
  region_name: 'eastus',
  aws_region_name: 'us-east-1',
  vertex_location: 'us-central1',
  organization: 'org-abc123',
  litellm_credential_name: 'azure-prod',
  input_cost_per_token: 0.0000025,
  output_cost_per_token: 0.00001,
  cache_read_input_token_cost: 0.00000125,
  use_in_pass_through: false,
  merge_reasoning_content_in_choices: true,
  weight: 2,
  order: 1,
  mock_response: `${MARK}-mock-response`,
  unknown_future_param: `${MARK}-unknown`,
};

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  const model = (id: string, name: string, params: unknown) =>
    q(`INSERT INTO "LiteLLM_ProxyModelTable" (model_id, model_name, litellm_params, model_info, created_by, updated_by) VALUES ($1, $2, $3::jsonb, $4::jsonb, 'admin', 'admin')`, [
      id,
      name,
      JSON.stringify(params),
      JSON.stringify({ id, mode: 'chat', base_model: 'gpt-4o' }),
    ]);
  await model('m-secrets', 'gpt-4o', fullOfSecrets);
  await model('m-env', 'claude', { model: 'anthropic/claude-sonnet-4', api_key: 'os.environ/ANTHROPIC_API_KEY', api_base: 'os.environ/ANTHROPIC_API_BASE', rpm: 60 });
  await model('m-odd-url', 'odd', { model: 'openai/gpt-4o-mini', api_base: `ftp://svc-user:${MARK}@files.example.com/`, base_url: `not a url ${MARK}` });
  // a jsonb string holding the params, as a careless writer might store them
  await model('m-string', 'stringly', JSON.stringify({ model: 'openai/o3', api_key: `sk-${MARK}-in-a-string` }));
  await model('m-array', 'arrayed', [{ api_key: `sk-${MARK}-in-an-array` }]);

  const at = new Date('2026-03-01T12:00:00Z');
  const leakyBase = `https://svc-user:${MARK}-pass@my-azure.openai.azure.com/openai/deployments/gpt-4o?api-key=${MARK}-spend-query`;
  await q(`INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, "startTime", "endTime", api_base, model) VALUES ('req-1', 'acompletion', $1, $1, $2, 'gpt-4o')`, [at, leakyBase]);
  await q(`INSERT INTO "LiteLLM_ErrorLogs" (request_id, "startTime", "endTime", api_base) VALUES ('err-1', $1, $1, $2)`, [at, leakyBase]);
  const modelRow = { model_id: 'm-secrets', model_name: 'gpt-4o', litellm_params: fullOfSecrets };
  await q(
    `INSERT INTO "LiteLLM_AuditLog" (id, updated_at, changed_by, action, table_name, object_id, before_value, updated_values) VALUES
       ('a-1', $1, 'admin', 'updated', 'LiteLLM_ProxyModelTable', 'm-secrets', $2::jsonb, $3::jsonb),
       ('a-2', $1, 'admin', 'updated', 'LiteLLM_UserTable', 'u-1', $4::jsonb, $5::jsonb)`,
    [
      at,
      JSON.stringify(modelRow),
      JSON.stringify(JSON.stringify(modelRow)),
      JSON.stringify({ user_id: 'u-1', user_email: 'u1@example.com', password: `${MARK}-password-hash` }),
      JSON.stringify({ credential_values: { api_key: `${MARK}-credential` }, user_alias: 'renamed' }),
    ],
  );
});
afterAll(() => t.close());

function expectNoSecret(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain(MARK);
  for (const s of ALSO_SECRET) expect(text).not.toContain(s);
}

test('models: litellmParams is the allow-list only, whatever shape the secrets were stored in', async () => {
  const r = await t.gql(`{ models(first: 100) { nodes { id modelName litellmParams modelInfo createdBy updatedBy blocked } } }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  const params = Object.fromEntries(r.data.models.nodes.map((m: { id: string; litellmParams: unknown }) => [m.id, m.litellmParams]));
  expect(params['m-secrets']).toEqual({
    model: 'azure/gpt-4o',
    custom_llm_provider: 'azure',
    api_base: 'https://my-azure.openai.azure.com/openai',
    base_url: 'https://gateway.example.com:8443/v1',
    api_version: '2024-06-01',
    tpm: 20000,
    stream_timeout: 'os.environ/AZURE_STREAM_TIMEOUT',
    num_retries: 3,
    region_name: 'eastus',
    aws_region_name: 'us-east-1',
    vertex_location: 'us-central1',
    organization: 'org-abc123',
    litellm_credential_name: 'azure-prod',
    input_cost_per_token: 0.0000025,
    output_cost_per_token: 0.00001,
    cache_read_input_token_cost: 0.00000125,
    use_in_pass_through: false,
    merge_reasoning_content_in_choices: true,
    weight: 2,
    order: 1,
  });
  // references to environment variables name a variable, not its value; api_key is never shown, even as one
  expect(params['m-env']).toEqual({ model: 'anthropic/claude-sonnet-4', api_base: 'os.environ/ANTHROPIC_API_BASE', rpm: 60 });
  expect(params['m-odd-url']).toEqual({ model: 'openai/gpt-4o-mini' });
  expect(params['m-string']).toEqual({ model: 'openai/o3' });
  expect(params['m-array']).toBeNull();
});

test('spend and error logs show api_base without user info or query string', async () => {
  const r = await t.gql(`{
    spendLogs(filter: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }) { nodes { requestId apiBase model } }
    errorLogs { nodes { requestId apiBase } }
  }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  expect(r.data.spendLogs.nodes).toEqual([{ requestId: 'req-1', apiBase: 'https://my-azure.openai.azure.com/openai/deployments/gpt-4o', model: 'gpt-4o' }]);
  expect(r.data.errorLogs.nodes).toEqual([{ requestId: 'err-1', apiBase: 'https://my-azure.openai.azure.com/openai/deployments/gpt-4o' }]);
});

test('audit rows that copy a model, a user or a credential carry none of their secrets', async () => {
  const r = await t.gql(`{ auditLogs { nodes { id tableName beforeValue updatedValues } } }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  const byId = Object.fromEntries(r.data.auditLogs.nodes.map((n: { id: string }) => [n.id, n]));
  expect(byId['a-1'].beforeValue.litellm_params.model).toBe('azure/gpt-4o');
  expect(JSON.parse(byId['a-1'].updatedValues).litellm_params.api_base).toBe('https://my-azure.openai.azure.com/openai');
  expect(byId['a-2'].beforeValue).toEqual({ user_id: 'u-1', user_email: 'u1@example.com' });
  expect(byId['a-2'].updatedValues).toEqual({ user_alias: 'renamed' });
});

test('the allow-list in isolation: nested values under any name never pass', () => {
  expect(publicLitellmParams({ api_key: 'x', extra_headers: { Authorization: 'y' }, credentials: [{ k: 'z' }], rpm: 1 })).toEqual({ rpm: 1 });
  expect(publicLitellmParams(null)).toBeNull();
  expect(publicUrl('https://u:p@h.example.com:9/p/a?x=1#f')).toBe('https://h.example.com:9/p/a');
  expect(publicUrl('https://h.example.com/?api-key=1')).toBe('https://h.example.com');
  expect(publicUrl('javascript:alert(1)')).toBeNull();
});

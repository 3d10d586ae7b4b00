import 'reflect-metadata';
import { GraphQLJSON } from 'graphql-scalars';
import { buildSchemaSync, Extensions, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SECRET_COLUMNS } from '../../entities/secrets';
import { fieldsShowingSecrets } from '../../src/graphql/secret-fields';
import { isSecretName, MASK, maskSecrets, masksSecrets, restoreMasked, SECRET_TEXT_PATTERN } from '../../src/graphql/secrets';
import { startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam } from '../helpers/world';

// Every secret below carries this marker, so one search of a whole response proves that none of them left.
const MARK = 'SEKRIT';

/** A logging callback as LiteLLM's UI stores it in a key's or team's metadata (metadata.logging). */
const langfuse = (who: string) => ({
  callback_name: 'langfuse',
  callback_type: 'success',
  callback_vars: { langfuse_public_key: `pk-${MARK}-${who}`, langfuse_secret_key: `sk-${MARK}-${who}`, langfuse_secret: `${MARK}-${who}`, langfuse_host: 'https://cloud.langfuse.com' },
});

const KEY_METADATA = {
  logging: [langfuse('key')],
  tags: ['prod', 'team-a'],
  guardrails: ['pii-mask'],
  model_rpm_limit: { 'gpt-4o': 10 },
  max_tokens: 1000,
  notes: 'owned by the search team',
  deep: { deeper: [{ Authorization: `Bearer ${MARK}-deep`, kind: 'header' }, { github_token: `ghp_${MARK}` }] },
  // JSON kept in a string, as careless writers (and LiteLLM's json.dumps) leave it
  as_text: JSON.stringify({ api_key: `sk-${MARK}-in-a-string`, region: 'eu' }),
  empty_secret: null,
};
const KEY_METADATA_SHOWN = {
  logging: [{ callback_name: 'langfuse', callback_type: 'success', callback_vars: { langfuse_public_key: MASK, langfuse_secret_key: MASK, langfuse_secret: MASK, langfuse_host: 'https://cloud.langfuse.com' } }],
  tags: ['prod', 'team-a'],
  guardrails: ['pii-mask'],
  model_rpm_limit: { 'gpt-4o': 10 },
  max_tokens: 1000,
  notes: 'owned by the search team',
  deep: { deeper: [{ Authorization: MASK, kind: 'header' }, { github_token: MASK }] },
  as_text: JSON.stringify({ api_key: MASK, region: 'eu' }),
  empty_secret: null,
};

let t: TestGateway;
let org: string;
let team: string;
let plainTeam: string;
let key: { rawKey: string; token: string };
let orgAdmin: string;
let teamAdmin: string;
let owner: string;
let viewer: string;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
const AT = '2026-03-01T12:00:00Z';

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  org = await makeOrganization(t, 'secrets-org');
  team = await makeTeam(t, 'secrets-team', org);
  plainTeam = await makeTeam(t, 'plain-team', org);
  await q(`UPDATE "LiteLLM_OrganizationTable" SET metadata = $2::jsonb WHERE organization_id = $1`, [org, JSON.stringify({ logging: [langfuse('org')], cost_center: 'R&D' })]);
  await q(`UPDATE "LiteLLM_TeamTable" SET metadata = $2::jsonb, router_settings = $3::jsonb WHERE team_id = $1`, [
    team,
    JSON.stringify({ logging: [langfuse('team')], slack_webhook_url: `https://hooks.slack.com/services/${MARK}`, team_member_budget_id: null }),
    JSON.stringify({ num_retries: 2, redis_password: `${MARK}-redis`, routing_strategy: 'simple-shuffle' }),
  ]);
  await q(`UPDATE "LiteLLM_TeamTable" SET metadata = '{"purpose": "nothing to hide", "team_member_budget_id": null}' WHERE team_id = $1`, [plainTeam]);
  orgAdmin = (await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] })).rawKey;
  teamAdmin = (await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] })).rawKey;
  viewer = (await makePrincipal(t, { role: 'proxy_admin_viewer' })).rawKey;
  const made = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
  owner = made.rawKey;
  await q(`UPDATE "LiteLLM_UserTable" SET metadata = $2::jsonb WHERE user_id = $1`, [made.userId, JSON.stringify({ password: `${MARK}-user`, 'x-api-key': `${MARK}-header`, on_call: true })]);
  key = await insertKey(t, { userId: made.userId, teamId: team });
  await q(`UPDATE "LiteLLM_VerificationToken" SET metadata = $2::jsonb, config = $3::jsonb, router_settings = $4::jsonb, organization_id = $5 WHERE token = $1`, [
    key.token,
    JSON.stringify(KEY_METADATA),
    JSON.stringify({ api_key: `sk-${MARK}-config`, model: 'gpt-4o' }),
    JSON.stringify({ redis_password: `${MARK}-key-redis` }),
    org,
  ]);

  // a request as LiteLLM logs it (store_prompts_in_spend_logs on): the body the client sent, with its headers
  const body = {
    model: 'gpt-4o',
    api_key: `sk-${MARK}-body`,
    aws_secret_access_key: `${MARK}-aws`,
    aws_access_key_id: `AKIA${MARK}`,
    vertex_credentials: { type: 'service_account', private_key: `-----BEGIN PRIVATE KEY-----${MARK}` },
    messages: [{ role: 'user', content: 'hello' }],
    max_tokens: 50,
  };
  await q(
    `INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, "startTime", "endTime", api_key, model, metadata, messages, response, proxy_server_request, team_id)
     VALUES ('req-secrets', 'acompletion', $1, $1, $2, 'gpt-4o', $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb, $7)`,
    [
      AT,
      key.token,
      JSON.stringify({ user_api_key: key.token, user_api_key_alias: 'search', user_api_key_team_id: team, usage_object: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }, headers: { authorization: `Bearer ${MARK}-meta` } }),
      // LiteLLM writes messages as JSON text (json.dumps) into the jsonb column
      JSON.stringify(JSON.stringify([{ role: 'user', content: 'hello', client_secret: `${MARK}-msg` }])),
      JSON.stringify({ id: 'chatcmpl-1', usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 0 } } }),
      JSON.stringify({ url: 'http://proxy/chat/completions', method: 'POST', headers: { Authorization: `Bearer ${MARK}-hdr`, 'x-api-key': `${MARK}-xkey`, 'content-type': 'application/json' }, body }),
      team,
    ],
  );
  await q(`INSERT INTO "LiteLLM_ErrorLogs" (request_id, "startTime", "endTime", request_kwargs) VALUES ('err-secrets', $1, $1, $2::jsonb)`, [
    AT,
    JSON.stringify({ api_key: `sk-${MARK}-err`, extra_headers: { 'ocp-apim-subscription-key': `${MARK}-apim` }, temperature: 0.2 }),
  ]);
  // a key row as LiteLLM's audit log copies it: LiteLLM masks names holding "key", not langfuse_secret or passwords
  const row = { token: key.token, key_alias: 'search', metadata: { logging: [{ callback_vars: { langfuse_secret_key: 'sk-****abcd', langfuse_secret: `${MARK}-audit` } }] } };
  await q(
    `INSERT INTO "LiteLLM_AuditLog" (id, updated_at, changed_by, action, table_name, object_id, before_value, updated_values)
     VALUES ('audit-secrets', $1, 'admin', 'updated', 'LiteLLM_VerificationToken', $2, $3::jsonb, $4::jsonb)`,
    [AT, key.token, JSON.stringify(row), JSON.stringify(JSON.stringify({ metadata: { langfuse_secret: `${MARK}-audit-text`, password: `${MARK}-audit-pw` } }))],
  );
});
afterAll(() => t.close());

function expectNoSecret(body: unknown) {
  expect(JSON.stringify(body)).not.toContain(MARK);
}
/** whether PostgreSQL built the answer (the JSON read), not the resolvers */
const asJson = (statements: string[]) => statements.length > 0 && statements.filter((s) => !s.startsWith('WITH hit AS')).every((s) => s.startsWith('SELECT u.piece AS data'));

const NESTED = `{
  organizations { nodes { id metadata
    teams { nodes { id metadata routerSettings keys { nodes { token metadata config routerSettings permissions } } } }
    keys { nodes { token metadata } } } }
  teams { nodes { id metadata routerSettings } }
  users { nodes { id metadata keys { nodes { token metadata } } } }
  keys { nodes { token metadata config routerSettings } }
}`;

describe.each([
  ['proxy admin', () => undefined],
  ['admin viewer', () => viewer],
  ['org admin', () => orgAdmin],
  ['team admin', () => teamAdmin],
  ['the key owner', () => owner],
])('%s: key, team, user and organization JSON', (_who, caller) => {
  test('root lists and nested fields show the mask, never the value, and everything else as stored', async () => {
    const r = await t.gql(NESTED, {}, caller());
    expect(r.errors).toBeUndefined();
    expectNoSecret(r.body);
    const keys = [...r.data.keys.nodes, ...r.data.users.nodes.flatMap((u: any) => u.keys.nodes), ...r.data.organizations.nodes.flatMap((o: any) => [...o.keys.nodes, ...o.teams.nodes.flatMap((tm: any) => tm.keys.nodes)])];
    const ours = keys.filter((k: any) => k.token === key.token);
    expect(ours.length).toBeGreaterThan(0);
    for (const k of ours) expect(k.metadata).toEqual(KEY_METADATA_SHOWN);
    const top = r.data.keys.nodes.find((k: any) => k.token === key.token);
    expect(top.config).toEqual({ api_key: MASK, model: 'gpt-4o' });
    expect(top.routerSettings).toEqual({ redis_password: MASK });
    const teams = [...r.data.teams.nodes, ...r.data.organizations.nodes.flatMap((o: any) => o.teams.nodes)].filter((tm: any) => tm.id === team);
    expect(teams.length).toBeGreaterThan(0);
    for (const tm of teams) {
      expect(tm.metadata.logging[0].callback_vars).toEqual({ langfuse_public_key: MASK, langfuse_secret_key: MASK, langfuse_secret: MASK, langfuse_host: 'https://cloud.langfuse.com' });
      expect(tm.metadata.slack_webhook_url).toBe(MASK);
      expect(tm.routerSettings).toEqual({ num_retries: 2, redis_password: MASK, routing_strategy: 'simple-shuffle' });
    }
  });
});

test('organization and user metadata (proxy admin and org admin; the user themselves)', async () => {
  for (const k of [undefined, orgAdmin]) {
    const r = await t.gql(`{ organizations { nodes { id metadata } } }`, {}, k);
    expectNoSecret(r.body);
    expect(r.data.organizations.nodes.find((o: any) => o.id === org).metadata).toEqual({
      logging: [{ callback_name: 'langfuse', callback_type: 'success', callback_vars: { langfuse_public_key: MASK, langfuse_secret_key: MASK, langfuse_secret: MASK, langfuse_host: 'https://cloud.langfuse.com' } }],
      cost_center: 'R&D',
    });
  }
  const me = await t.gql(`{ viewer { user { metadata } } }`, {}, owner);
  expectNoSecret(me.body);
  expect(me.data.viewer.user.metadata).toEqual({ password: MASK, 'x-api-key': MASK, on_call: true });
});

test('JSON reads: a page holding a secret name falls back to the resolvers (which mask); one without is still built by PostgreSQL', async () => {
  const secret = await t.gql(`{ teams(filter: { alias: "secrets-team" }) { nodes { id metadata routerSettings } } }`);
  expectNoSecret(secret.body);
  expect(secret.data.teams.nodes[0].routerSettings.redis_password).toBe(MASK);
  // the JSON statement ran and failed, then the resolvers answered
  expect(secret.statements[0]).toMatch(/^SELECT u\.piece AS data/);
  expect(asJson(secret.statements)).toBe(false);

  const plain = await t.gql(`{ teams(filter: { alias: "plain-team" }) { nodes { id metadata } } }`);
  expect(plain.errors).toBeUndefined();
  expect(plain.data.teams.nodes[0].metadata).toEqual({ purpose: 'nothing to hide', team_member_budget_id: null });
  expect(asJson(plain.statements)).toBe(true);

  // a nested list: the failed JSON statement, then one statement per level, masked as the resolvers mask
  const TWO_LEVELS = `{ teams(filter: { organizationId: "${org}" }) { nodes { id metadata keys { nodes { token metadata } } } } }`;
  const nested = await t.gql(TWO_LEVELS);
  expectNoSecret(nested.body);
  const reads = (s: string[]) => s.filter((x) => !x.startsWith('WITH hit AS'));
  expect(reads(nested.statements)).toHaveLength(3);
  expect(asJson(nested.statements)).toBe(false);
  const admin = await t.gql(TWO_LEVELS, {}, orgAdmin);
  expect(admin.body).toEqual(nested.body);
  expect(reads(admin.statements).length).toBeLessThanOrEqual(3);
});

test('spend logs: metadata, messages, response and the logged request body', async () => {
  const r = await t.gql(`{ spendLogs(filter: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }) { nodes { requestId metadata messages response proxyServerRequest } } }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  const [log] = r.data.spendLogs.nodes;
  expect(log.metadata).toEqual({
    user_api_key: key.token,
    user_api_key_alias: 'search',
    user_api_key_team_id: team,
    usage_object: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    headers: { authorization: MASK },
  });
  expect(JSON.parse(log.messages)).toEqual([{ role: 'user', content: 'hello', client_secret: MASK }]);
  expect(log.response).toEqual({ id: 'chatcmpl-1', usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 0 } } });
  expect(log.proxyServerRequest).toEqual({
    url: 'http://proxy/chat/completions',
    method: 'POST',
    headers: { Authorization: MASK, 'x-api-key': MASK, 'content-type': 'application/json' },
    body: { model: 'gpt-4o', api_key: MASK, aws_secret_access_key: MASK, aws_access_key_id: MASK, vertex_credentials: MASK, messages: [{ role: 'user', content: 'hello' }], max_tokens: 50 },
  });
  // the team admin reads the team's logs through the same fields
  const mine = await t.gql(`{ spendLogs(filter: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }) { nodes { requestId proxyServerRequest } } }`, {}, teamAdmin);
  expectNoSecret(mine.body);
});

test('error logs: request_kwargs', async () => {
  const r = await t.gql(`{ errorLogs { nodes { requestId requestKwargs } } }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  expect(r.data.errorLogs.nodes.find((n: any) => n.requestId === 'err-secrets').requestKwargs).toEqual({ api_key: MASK, extra_headers: { 'ocp-apim-subscription-key': MASK }, temperature: 0.2 });
});

test("audit rows: LiteLLM's partial masks become the mask, what LiteLLM left is masked, the row's key hash stays", async () => {
  const r = await t.gql(`{ auditLogs { nodes { id beforeValue updatedValues } } }`);
  expect(r.errors).toBeUndefined();
  expectNoSecret(r.body);
  const entry = r.data.auditLogs.nodes.find((n: any) => n.id === 'audit-secrets');
  expect(entry.beforeValue).toEqual({ token: key.token, key_alias: 'search', metadata: { logging: [{ callback_vars: { langfuse_secret_key: MASK, langfuse_secret: MASK } }] } });
  expect(JSON.parse(entry.updatedValues)).toEqual({ metadata: { langfuse_secret: MASK } });
});

test('a read-modify-write of metadata keeps the stored secrets; a deleted key leaves them in no answer', async () => {
  const read = await t.gql(`{ key(token: "${key.token}") { metadata } }`);
  const shown = read.data.key.metadata;
  expect(shown).toEqual(KEY_METADATA_SHOWN);
  const written = await t.gql(`mutation($m: JSON) { updateKey(token: "${key.token}", input: { metadata: $m }) { metadata } }`, { m: { ...shown, notes: 'edited', deep: { deeper: [{ Authorization: MASK, kind: 'header' }, { github_token: MASK }, { new_token: MASK }] } } });
  expect(written.errors).toBeUndefined();
  expectNoSecret(written.body);
  expect(written.data.updateKey.metadata.notes).toBe('edited');
  const [{ metadata }] = await q(`SELECT metadata FROM "LiteLLM_VerificationToken" WHERE token = $1`, [key.token]);
  expect(metadata.logging).toEqual(KEY_METADATA.logging);
  // a MASK under a name with nothing stored is dropped, not stored
  expect(metadata.deep).toEqual({ deeper: [KEY_METADATA.deep.deeper[0], KEY_METADATA.deep.deeper[1], {}] });
  expect(metadata.notes).toBe('edited');
  // JSON kept in a string comes back as stored too
  expect(metadata.as_text).toBe(KEY_METADATA.as_text);

  const team2 = await t.gql(`mutation($m: JSON) { updateTeam(id: "${team}", input: { metadata: $m }) { metadata } }`, {
    m: { logging: [{ callback_name: 'langfuse', callback_type: 'success', callback_vars: { langfuse_public_key: MASK, langfuse_secret_key: MASK, langfuse_secret: MASK, langfuse_host: 'https://eu.langfuse.com' } }] },
  });
  if (team2.errors) throw new Error(JSON.stringify(team2.errors));
  const [{ metadata: teamMeta }] = await q(`SELECT metadata FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]);
  expect(teamMeta.logging[0].callback_vars).toEqual({ ...langfuse('team').callback_vars, langfuse_host: 'https://eu.langfuse.com' });

  const [{ user_id: userId }] = await q(`SELECT user_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [key.token]);
  const user = await t.gql(`mutation($m: JSON) { updateUser(id: "${userId}", input: { metadata: $m }) { metadata } }`, { m: { password: MASK, 'x-api-key': 'new-header-value', on_call: false } });
  expect(user.errors).toBeUndefined();
  expect(user.data.updateUser.metadata).toEqual({ password: MASK, 'x-api-key': MASK, on_call: false });
  const [{ metadata: userMeta }] = await q(`SELECT metadata FROM "LiteLLM_UserTable" WHERE user_id = $1`, [userId]);
  expect(userMeta).toEqual({ password: `${MARK}-user`, 'x-api-key': 'new-header-value', on_call: false });

  const organization = await t.gql(`mutation($m: JSON) { updateOrganization(id: "${org}", input: { metadata: $m }) { metadata } }`, {
    m: { logging: [{ callback_name: 'langfuse', callback_type: 'success', callback_vars: { langfuse_public_key: MASK, langfuse_secret_key: MASK, langfuse_secret: MASK, langfuse_host: 'https://eu.langfuse.com' } }] },
  });
  expect(organization.errors).toBeUndefined();
  const [{ metadata: orgMeta }] = await q(`SELECT metadata FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1`, [org]);
  expect(orgMeta).toEqual({ logging: [{ ...langfuse('org'), callback_vars: { ...langfuse('org').callback_vars, langfuse_host: 'https://eu.langfuse.com' } }], cost_center: 'R&D' });

  const deleted = await t.gql(`mutation { deleteKeys(tokens: ["${key.token}"]) }`);
  expect(deleted.errors).toBeUndefined();
  const after = await t.gql(`{ deletedKeys { nodes { token keyAlias } } auditLogs { nodes { objectId action beforeValue updatedValues } } }`);
  expect(after.errors).toBeUndefined();
  expectNoSecret(after.body);
  expect(after.data.deletedKeys.nodes.map((n: any) => n.token)).toContain(key.token);
  expect(after.data.auditLogs.nodes.filter((n: any) => n.objectId === key.token && n.action === 'deleted')).toHaveLength(1);
});

test('the rule by name, and its exceptions', () => {
  for (const name of ['api_key', 'openai_api_key', 'x-api-key', 'API-KEY', 'apiKey', 'api_keys', 'private_key', 'aws_secret_access_key', 'aws_access_key_id', 'langfuse_public_key', 'client_secret', 'secret', 'password', 'db_passwd', 'Authorization', 'proxy-authorization', 'cookie', 'Set-Cookie', 'vertex_credentials', 'credentials', 'token', 'access_token', 'refresh_token', 'id_token', 'aws_session_token', 'azure_ad_token', 'github_token', 'access_tokens', 'slack_webhook_url', 'ocp-apim-subscription-key'])
    expect([name, isSecretName(name)]).toEqual([name, true]);
  for (const name of ['total_tokens', 'prompt_tokens', 'completion_tokens', 'max_tokens', 'cached_tokens', 'prompt_tokens_details', 'cache_read_input_tokens', 'input_cost_per_token', 'output_cost_per_token', 'token_url', 'token_type', 'tokenizer', 'user_api_key', 'user_api_key_alias', 'user_api_key_team_id', 'user_api_key_hash', 'key_alias', 'key_name', 'model', 'langfuse_host', 'callback_vars', 'tags', 'team_member_budget_id'])
    expect([name, isSecretName(name)]).toEqual([name, false]);
  expect(maskSecrets({ a: { api_key: 'x' }, b: [1, { token: 2 }], c: null, d: { secret: null } })).toEqual({ a: { api_key: MASK }, b: [1, { token: MASK }], c: null, d: { secret: null } });
  const untouched = { a: [1, { b: '{"c": 1}' }] };
  expect(maskSecrets(untouched)).toBe(untouched);
  expect(restoreMasked({ api_key: MASK, nested: [{ token: MASK }], other: MASK }, { api_key: 'real', nested: [{ token: 't' }] })).toEqual({ api_key: 'real', nested: [{ token: 't' }], other: MASK });
  expect(restoreMasked({ s: '{"api_key": "****", "region": "us"}' }, { s: '{"api_key": "real", "region": "eu"}' })).toEqual({ s: '{"api_key":"real","region":"us"}' });
  expect(restoreMasked({ s: '{"api_key":"****"}' }, { s: '{ "api_key" : "real" }' })).toEqual({ s: '{ "api_key" : "real" }' });
});

test("the JSON reads' guard matches the text of every value the rule would change (PostgreSQL's own reading)", async () => {
  const samples: unknown[] = [
    { api_key: 1 },
    { deep: [[{ 'X-Api-Key': 'v' }]] },
    { note: JSON.stringify({ secret: 's' }) },
    // a word spelled in \\u escapes inside JSON kept in a string
    { note: '{"api_k\\u0065y": "v"}' },
    { ['pa"ssword']: 1, ['a\\password']: 2 },
    { 'ToKeN': 'x' },
  ];
  for (const value of samples) {
    expect(maskSecrets(value)).not.toBe(value);
    const [{ hit }] = await q(`SELECT $1::jsonb::text ~* $2 AS hit`, [JSON.stringify(value), SECRET_TEXT_PATTERN]);
    expect([value, hit]).toEqual([value, true]);
  }
  const [{ hit }] = await q(`SELECT $1::jsonb::text ~* $2 AS hit`, [JSON.stringify({ purpose: 'nothing to hide', tags: ['a'] }), SECRET_TEXT_PATTERN]);
  expect(hit).toBe(false);

  // names pieced together from the rule's words and odd characters: every one the rule masks, nested in an
  // array or kept as JSON text in a string, is caught by the guard as PostgreSQL prints it
  const pieces = ['api', 'key', 'Key', 'KEY', 'token', 'tokens', 'per', 'secret', 'x', '-', '_', 'pass', 'w', 'auth', 'oriz', 'cookie', 'user', 'count', 'id', 'access', 'pwd', 'private', 'webhook', 'credential', 'é', '"', '\\', '\n', 'ſ', 'K'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
  const masked: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const name = Array.from({ length: 1 + (i % 5) }, () => pieces[next()]).join('');
    if (!isSecretName(name)) continue;
    masked.push(JSON.stringify([{ [name]: 'v' }]), JSON.stringify({ note: JSON.stringify({ [name]: 'v' }) }));
  }
  expect(masked.length).toBeGreaterThan(500);
  const [{ all }] = await q(`SELECT bool_and(v::text ~* $2) AS all FROM unnest($1::jsonb[]) v`, [masked, SECRET_TEXT_PATTERN]);
  expect(all).toBe(true);
});

describe('a JSON field added on a free-form column without the mask is caught by the deny-list test', () => {
  // A stand-in for a later change: the key tombstone's metadata exposed, once plainly and once masked.
  @ObjectType('LeakyDeletedKey')
  @Entity({ name: 'LiteLLM_DeletedVerificationToken' })
  class LeakyDeletedKey {
    @Field(() => ID)
    @PrimaryColumn({ name: 'id', type: 'text' })
    id: string;

    @Field(() => GraphQLJSON)
    @Column({ name: 'metadata', type: 'jsonb' })
    metadata: unknown;

    @Field(() => GraphQLJSON)
    @Extensions(masksSecrets)
    @Column({ name: 'config', type: 'jsonb' })
    config: unknown;
  }

  @Resolver(() => LeakyDeletedKey)
  class LeakyDeletedKeyResolver {
    @Query(() => [LeakyDeletedKey])
    leakyDeletedKeys(): LeakyDeletedKey[] {
      return [];
    }
  }

  test('the plain field is a violation, the masked one is not', () => {
    const schema = buildSchemaSync({ resolvers: [LeakyDeletedKeyResolver], validate: false });
    expect(fieldsShowingSecrets(schema)).toEqual([
      { field: 'LeakyDeletedKey.metadata', column: 'LiteLLM_DeletedVerificationToken.metadata', why: SECRET_COLUMNS['LiteLLM_DeletedVerificationToken.metadata'].why },
    ]);
  });
});

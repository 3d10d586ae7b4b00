import { DEFAULT_LIMITS } from '../src/config';
import { hashKey } from '../src/services/key-format';
import { codes, MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ config: { limits: { ...DEFAULT_LIMITS, maxDepth: 6, maxComplexity: 5000, maxAliases: 5, maxDocumentBytes: 2000, statementTimeoutMs: 15000 } } });
});
afterAll(() => t.close());

describe('limits are checked before any SQL', () => {
  test('too deep', async () => {
    const r = await t.gql(`{ organizations { nodes { teams { nodes { members { nodes { user { teams { organization { id } } } } } } } } } }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors![0].message).toMatch(/depth 10 exceeds the limit of 6/);
    expect(r.statements).toEqual([]);
    expect(r.status).toBe(400);
  });

  test('too wide: lists multiply by first', async () => {
    const r = await t.gql(`{ organizations(first: 100) { nodes { teams(first: 100) { nodes { id } } } } }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.statements).toEqual([]);
    const ok = await t.gql(`{ organizations(first: 10) { nodes { teams(first: 10) { nodes { id } } } } }`);
    expect(ok.errors).toBeUndefined();
  });

  test('too many aliases', async () => {
    const r = await t.gql(`{ a: viewer { role } b: viewer { role } c: viewer { role } d: viewer { role } e: viewer { role } f: viewer { role } }`);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.statements).toEqual([]);
  });

  test('too large a document', async () => {
    const r = await t.gql(`{ viewer { role } }${' '.repeat(3000)}`);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('introspection (GraphiQL) is not limited by the depth of its ofType chains', async () => {
    const r = await t.gql(`{ __type(name: "Team") { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } }`);
    expect(r.errors).toBeUndefined();
  });
});

describe('error model', () => {
  test('no key, a malformed key and an unknown key are UNAUTHENTICATED with a clear message', async () => {
    const none = await t.gql(`{ viewer { role } }`, {}, null);
    expect(none.status).toBe(401);
    expect(codes(none)).toEqual(['UNAUTHENTICATED']);
    expect(none.errors![0].message).toMatch(/Bearer/);
    const malformed = await t.gql(`{ viewer { role } }`, {}, 'not-a-key');
    expect(codes(malformed)).toEqual(['UNAUTHENTICATED']);
    const unknown = await t.gql(`{ viewer { role } }`, {}, 'sk-does-not-exist-00000000000');
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0].message).toMatch(/no virtual key/);
  });

  test('a blocked and an expired key are refused', async () => {
    const [a, b] = t.seed!.principals.filter((p) => p.role === 'internal_user');
    await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET blocked = true WHERE token = $1`, [hashKey(a.rawKey)]);
    await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET expires = now() - interval '1 hour' WHERE token = $1`, [hashKey(b.rawKey)]);
    const blocked = await t.gql(`{ viewer { role } }`, {}, a.rawKey);
    const expired = await t.gql(`{ viewer { role } }`, {}, b.rawKey);
    expect(codes(blocked)).toEqual(['UNAUTHENTICATED']);
    expect(blocked.errors![0].message).toMatch(/blocked/);
    expect(codes(expired)).toEqual(['UNAUTHENTICATED']);
    expect(expired.errors![0].message).toMatch(/expired/);
  });

  test('validation and parse errors keep their codes; internal errors are masked and logged with a request id', async () => {
    expect(codes(await t.gql(`{ nope }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(await t.gql(`{ viewer { `))).toEqual(['GRAPHQL_PARSE_FAILED']);
    // a column LiteLLM's schema has, renamed under the gateway: an unexpected SQL error
    await t.db.ds.query(`ALTER TABLE "LiteLLM_ProxyModelTable" RENAME COLUMN model_info TO model_info_x`);
    try {
      const r = await t.gql(`{ models { nodes { id modelInfo } } }`);
      expect(codes(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(r.errors![0].message).toMatch(/^Internal server error \(request id test-\d+\)$/);
      expect(r.errors![0].message).not.toMatch(/model_info/);
      const logged = t.logs.filter((l) => l.includes('"internal error"'));
      expect(logged.at(-1)).toMatch(/model_info/);
      expect(logged.at(-1)).toContain(r.headers.get('x-request-id'));
    } finally {
      await t.db.ds.query(`ALTER TABLE "LiteLLM_ProxyModelTable" RENAME COLUMN model_info_x TO model_info`);
    }
  });

  test('no raw key or master key appears in any log line or error', async () => {
    const keys = [MASTER_KEY, ...t.seed!.principals.map((p) => p.rawKey)];
    for (const k of keys) await t.gql(`{ viewer { role } nope }`, {}, k);
    await t.gql(`{ key(token: "${keys[1]}") { token } }`);
    const text = t.logs.join('\n');
    const entries = t.logs.map((l) => JSON.parse(l));
    expect(entries.filter((e) => e.msg === 'graphql').at(-1)).toMatchObject({ level: 'info', requestId: expect.stringMatching(/^test-\d+$/), role: 'proxy_admin', statements: expect.any(Number), errors: [] });
    for (const k of keys) expect(text).not.toContain(k);
  });

  test('CSRF prevention: a simple GET with a query is refused', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { role } }')}`, { headers: { authorization: `Bearer ${MASTER_KEY}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF|preflight/i);
  });
});

describe('HTTP surface', () => {
  test('liveness, readiness and metrics', async () => {
    expect((await fetch(`${t.url}/health/liveness`)).status).toBe(200);
    const ready = await fetch(`${t.url}/health/readiness`);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'reachable' });
    await t.gql(`{ viewer { role } }`);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/litellm_graphql_requests_total\{operation="\(anonymous\)",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/litellm_graphql_sql_statements_total\{operation="\(anonymous\)"\} \d+/);
    expect(metrics).toMatch(/litellm_graphql_request_duration_seconds_bucket\{le="0\.005",operation="\(anonymous\)"\} \d+/);
    // Node's process metrics, as prom-client's collectDefaultMetrics gives them
    for (const name of ['process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'])
      expect(metrics).toMatch(new RegExp(`^${name} `, 'm'));
  });
});

describe('switches', () => {
  test('introspection and GraphiQL can be switched off', async () => {
    const off = await startTestGateway({ seed: false, config: { introspection: false, graphiql: false } });
    try {
      const r = await off.gql(`{ __schema { queryType { name } } }`);
      expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(r.errors![0].message).toMatch(/introspection/i);
      const page = await fetch(`${off.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('graphiql.min.js');
      expect((await fetch(`${off.url}/graphiql-assets/graphiql.min.js`)).status).toBe(404);
      expect((await off.gql(`{ viewer { role } }`)).data.viewer.role).toBe('proxy_admin');
    } finally {
      await off.close();
    }
  });
});

import { compiledOperations } from '../src/graphql/executor';
import { cutOffDatabase, reopenDatabase } from './helpers/db';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makePrincipal } from './helpers/world';

let t: TestGateway;
let user: string;
beforeAll(async () => {
  // the fast path's JSON reads are compared with the resolvers in json-reads.test.ts
  t = await startTestGateway({ config: { jsonReads: false } });
  user = (await makePrincipal(t, { role: 'internal_user' })).rawKey;
});
afterAll(() => t.close());

/** The same operation on the fast path (a plain JSON POST) and through Apollo (an APQ-style extensions field sends it there). */
async function both(query: string, variables: Record<string, unknown> = {}, key = MASTER_KEY) {
  const send = async (extra: Record<string, unknown>) => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables, ...extra }),
    });
    return { status: res.status, statements: res.headers.get('x-sql-statements'), type: res.headers.get('content-type'), body: normalize(await res.json()) };
  };
  return { fast: await send({}), apollo: await send({ extensions: {} }) };
}

// request ids differ from request to request
const normalize = (body: any) => JSON.parse(JSON.stringify(body).replace(/request id [\w-]+/g, 'request id X').replace(/"requestId":"[\w-]+"/g, '"requestId":"X"'));

test.each([
  ['a nested read', `{ organizations(first: 3) { nodes { id alias teams(first: 3) { nodes { id members { nodes { userId spend user { email } } } } } } } }`, {}, 'master'],
  ['pages and cursors', `query($a: String) { keys(first: 2, after: $a) { nodes { token } pageInfo { endCursor hasNextPage } totalCount } }`, { a: null }, 'master'],
  ['a refusal inside the result', `{ budgets { nodes { id } } }`, {}, 'user'],
  ['a bad cursor', `{ keys(after: "not-a-cursor") { nodes { token } } }`, {}, 'master'],
  ['a refusal before execution (limits)', `{ keys(first: 101) { nodes { token } } }`, {}, 'master'],
  ['an invalid document', `{ keys { nope } }`, {}, 'master'],
  ['a mutation refused', `mutation { blockKey(token: "no-such-key") { blocked } }`, {}, 'master'],
  ['a mutation out of reach', `mutation { generateKey(input: { userId: "someone-else" }) { key } }`, {}, 'user'],
])('%s: the fast path answers exactly as Apollo does', async (_name, query, variables, who) => {
  const { fast, apollo } = await both(query, variables, who === 'user' ? user : MASTER_KEY);
  expect(fast).toEqual(apollo);
});

test('without a key both refuse the same way', async () => {
  const { fast, apollo } = await both(`{ viewer { role } }`, {}, '');
  expect(fast.status).toBe(401);
  expect(fast).toEqual(apollo);
});

async function post(body: Record<string, unknown>, key: string | null, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
  if (key) h.authorization = `Bearer ${key}`;
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: h, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * ~900 bytes, valid, depth 3, no aliases: fragment F(i) spreads F(i+1) twice, n levels deep. graphql-js
 * validation, the limits' measure() and graphql-js execution visit each fragment once; graphql-jit's
 * compileQuery expands every spread, so its work doubles with each level (n=20: ~2.7 s, n=22: ~10 s of
 * synchronous CPU on the event loop; the 20 000-byte document limit allows n in the hundreds).
 */
function doublingFragments(n: number, salt: string): string {
  let q = `query { viewer { ...F0 } } # ${salt}\n`;
  for (let i = 0; i < n; i++) q += `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }\n`;
  return q + `fragment F${n} on Viewer { role user { id email } }\n`;
}

describe('the fast path authenticates and checks before it compiles', () => {
  test('a request without a key is refused (401) and nothing is compiled', async () => {
    const before = compiledOperations();
    for (const extra of [{}, { extensions: {} }]) {
      const r = await post({ query: doublingFragments(20, `no-key-${JSON.stringify(extra)}`), ...extra }, null);
      expect(r.status).toBe(401);
    }
    expect(compiledOperations()).toBe(before);
  });

  test('an operation the limits refuse is refused (QUERY_TOO_COMPLEX) and nothing is compiled', async () => {
    const before = compiledOperations();
    for (const extra of [{}, { extensions: {} }]) {
      const r = await post({ query: doublingFragments(20, `master-${JSON.stringify(extra)}`), ...extra }, MASTER_KEY);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    }
    expect(compiledOperations()).toBe(before);
    // an operation that passes is compiled once, whichever way it comes
    await post({ query: `{ viewer { role } } # compiled once` }, MASTER_KEY);
    await post({ query: `{ viewer { role } } # compiled once` }, MASTER_KEY);
    expect(compiledOperations()).toBe(before + 1);
  });
});

describe('the log line', () => {
  test('names the operation as Apollo does when the request gives no operationName', async () => {
    await post({ query: `query WhoAmI { viewer { role } }` }, MASTER_KEY, { 'x-request-id': 'review-fast-opname' });
    await post({ query: `query WhoAmI { viewer { role } }`, extensions: {} }, MASTER_KEY, { 'x-request-id': 'review-apollo-opname' });
    const line = (id: string) => JSON.parse(t.logs.find((l) => l.includes(`"requestId":"${id}"`) && l.includes('"msg":"graphql"'))!);
    expect(line('review-apollo-opname').operation).toBe('WhoAmI');
    expect(line('review-fast-opname').operation).toBe('WhoAmI');
  });
});

describe('one authentication per request', () => {
  let down: TestGateway;
  let key: string;
  beforeAll(async () => {
    down = await startTestGateway({ seed: false });
    const u = await makePrincipal(down, { role: 'internal_user' });
    key = (await insertKey(down, { userId: u.userId })).rawKey;
  });
  afterAll(async () => {
    await reopenDatabase(down.db.name);
    await down.close();
  });

  test('with the database down, one request tries (and logs) the key lookup once, not twice', async () => {
    await cutOffDatabase(down.db.name);
    const res = await fetch(`${down.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': 'review-db-down' },
      body: JSON.stringify({ query: `{ viewer { role } }` }),
    });
    expect(res.status).toBe(503);
    // the fast path hands its refusal over to Apollo, which answers it without trying again
    const lines = down.logs.filter((l) => l.includes('"requestId":"review-db-down"') && l.includes('database unavailable during authentication'));
    expect(lines).toHaveLength(1);
  });
});

describe("the fast path reads the request on Node's own listener", () => {
  const raw = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}`, ...headers },
      body,
      ...(typeof body === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);

  test('a body that is not JSON is a 400 BAD_REQUEST, not a 500', async () => {
    const res = await raw('{"query": "{ viewer { role } }"');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test.each(['"a string"', '42', 'null'])('a JSON body that is not an object (%s) is a 400 BAD_REQUEST', async (body) => {
    const res = await raw(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('an answer carries its length, so keep-alive clients need no chunked framing', async () => {
    const res = await raw(JSON.stringify({ query: '{ viewer { role } }' }));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({ data: { viewer: { role: 'proxy_admin' } } });
  });

  test('a body sent in chunks, with no declared length, is answered the same through express', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: '{ viewer { role } }' }));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 5));
        c.enqueue(bytes.slice(5));
        c.close();
      },
    });
    const res = await raw(stream);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { role: 'proxy_admin' } } });
  });

  test('a body over the 1 MB limit is refused (413) with nothing run', async () => {
    const res = await raw(JSON.stringify({ query: '{ viewer { role } }', variables: { pad: 'x'.repeat(1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});

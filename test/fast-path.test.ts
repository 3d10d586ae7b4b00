import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';
import { makePrincipal } from './helpers/world';

let t: TestGateway;
let user: string;
beforeAll(async () => {
  t = await startTestGateway();
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
])('%s: the fast path answers exactly as Apollo does', async (_name, query, variables, who) => {
  const { fast, apollo } = await both(query, variables, who === 'user' ? user : MASTER_KEY);
  expect(fast).toEqual(apollo);
});

test('without a key both refuse the same way', async () => {
  const { fast, apollo } = await both(`{ viewer { role } }`, {}, '');
  expect(fast.status).toBe(401);
  expect(fast).toEqual(apollo);
});

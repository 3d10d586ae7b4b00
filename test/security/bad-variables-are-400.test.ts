import 'reflect-metadata';
import { codes, GqlResult, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';

// Variables are coerced by the limits plugin before Apollo sees them: a value that does not fit its type
// must be the caller's mistake (BAD_USER_INPUT, 400), never a masked 500, and must run nothing.
let t: TestGateway;
let n = 0;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

/** POSTs the body text as given: JSON.stringify cannot write 1e309. */
async function raw(body: string): Promise<GqlResult> {
  const requestId = `bad-variables-${++n}`;
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}`, 'x-request-id': requestId },
    body,
  });
  const json: any = await res.json();
  return { status: res.status, body: json, data: json.data, errors: json.errors, statements: [], headers: res.headers };
}

const body = (query: string, variables: string) => `{"query": ${JSON.stringify(query)}, "variables": ${variables}}`;

const CASES: [string, string, string, RegExp][] = [
  ['"NaN" for Int', 'query($n: Int) { keys(first: $n) { nodes { token } } }', '{"n": "NaN"}', /\$n.*Int cannot represent/],
  ['2147483648 for Int', 'query($n: Int) { keys(first: $n) { nodes { token } } }', '{"n": 2147483648}', /\$n.*Int cannot represent non 32-bit signed integer/],
  ['1e309 for Float', 'mutation($f: Float!) { resetKeySpend(token: "sk-none", resetTo: $f) { token } }', '{"f": 1e309}', /\$f/],
  ['a bad Date', 'query($from: Date!, $to: Date!) { teams { nodes { usage(from: $from, to: $to) { spend } } } }', '{"from": "2026-02-30", "to": "2026-03-01"}', /\$from.*not a calendar date/],
  ['a bad DateTime', 'query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { requestId } } }', '{"f": {"from": "yesterday", "to": "2026-01-01T00:00:00Z"}}', /\$f.*from/],
  ['a missing non-null variable', 'query($id: ID!) { team(id: $id) { id } }', '{}', /\$id.*was not provided/],
  ['null for a non-null variable', 'query($id: ID!) { team(id: $id) { id } }', '{"id": null}', /\$id.*must not be null/],
  ['a bad value in an input object', 'mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }', '{"i": {"maxBudget": "lots"}}', /\$i.*maxBudget/],
];

describe('a variable that fails coercion is BAD_USER_INPUT with HTTP 400', () => {
  test.each(CASES)('%s', async (_name, query, variables, message) => {
    const r = await raw(body(query, variables));
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(message);
    expect(r.data).toBeUndefined();
  });

  test('nothing runs: no SQL, no write, nothing logged as an internal error', async () => {
    const [{ n: before }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM "LiteLLM_BudgetTable"`);
    const r = await t.gql('mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }', { i: { maxBudget: 'lots' } });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.statements).toEqual([]);
    const [{ n: after }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM "LiteLLM_BudgetTable"`);
    expect(after).toBe(before);
    for (const [, query, variables] of CASES) await raw(body(query, variables));
    expect(t.logs.filter((l) => l.includes('"internal error"'))).toEqual([]);
  });

  test('every coercion failure of the operation is named in the one error', async () => {
    const r = await raw(body('query($a: Int, $b: Int) { a: keys(first: $a) { nodes { token } } b: keys(first: $b) { nodes { token } } }', '{"a": "x", "b": 1.5}'));
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/\$a/);
    expect(r.errors![0].message).toMatch(/\$b/);
  });

  test('good variables still work', async () => {
    const r = await raw(body('query($n: Int) { keys(first: $n) { nodes { token } } }', '{"n": 2}'));
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data.keys.nodes).toHaveLength(2);
  });
});

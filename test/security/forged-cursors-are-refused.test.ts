import 'reflect-metadata';
import { codes, GqlResult, startTestGateway, TestGateway } from '../helpers/gateway';

// A cursor is opaque but not trusted: whatever a caller forges (another shape, other types, values
// PostgreSQL cannot compare, bytes that are not base64 JSON) is BAD_USER_INPUT "invalid cursor", and the
// list's SQL never runs with it.
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ seed: { spendLogs: 60, days: 3 } });
});
afterAll(() => t.close());

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const cursor = (values: unknown[]) => b64(JSON.stringify(values));
const DAY = 86400000;
const WINDOW = `from: "${new Date(Date.now() - 20 * DAY).toISOString()}", to: "${new Date(Date.now() + DAY).toISOString()}"`;

type Shape = 'text' | 'timestamp+text' | 'position';

interface List {
  name: string;
  shape: Shape;
  /** the operation with `ARGS` where the page arguments go */
  query: string;
  page: (data: any) => any;
  /** the list's SQL runs only after its cursor is read (false where a parent row is read first) */
  root: boolean;
  backward?: boolean;
}

const rootList = (name: string, shape: Shape, extra = ''): List => ({
  name,
  shape,
  query: `{ ${name}(ARGS${extra}) { pageInfo { endCursor startCursor } } }`,
  page: (d) => d[name],
  root: true,
  backward: true,
});
const nested = (name: string, parent: string, field: string, shape: Shape): List => ({
  name,
  shape,
  query: `{ ${parent}(first: 1) { nodes { ${field}(ARGS) { pageInfo { endCursor startCursor } } } } }`,
  page: (d) => d[parent].nodes[0][field],
  root: false,
  backward: true,
});

const LISTS: List[] = [
  rootList('keys', 'text'),
  rootList('teams', 'text'),
  rootList('users', 'text'),
  rootList('organizations', 'text'),
  rootList('endUsers', 'text'),
  rootList('budgets', 'text'),
  rootList('models', 'text'),
  rootList('invitations', 'text'),
  rootList('modelAccessRequests', 'text'),
  rootList('spendLogs', 'timestamp+text', `, filter: { ${WINDOW} }`),
  rootList('errorLogs', 'timestamp+text'),
  rootList('auditLogs', 'timestamp+text'),
  nested('team.members', 'teams', 'members', 'position'),
  nested('team.keys', 'teams', 'keys', 'text'),
  nested('user.keys', 'users', 'keys', 'text'),
  nested('organization.teams', 'organizations', 'teams', 'text'),
  nested('organization.members', 'organizations', 'members', 'text'),
  nested('organization.keys', 'organizations', 'keys', 'text'),
  {
    name: 'spendReport',
    shape: 'position',
    query: `{ spendReport(input: { from: "${new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10)}", to: "${new Date(Date.now() + DAY).toISOString().slice(0, 10)}", groupBy: [KEY], ARGS }) { pageInfo { endCursor startCursor } } }`,
    page: (d) => d.spendReport,
    root: true,
  },
];

const ANY_LIST: [string, string][] = [
  ['not base64 at all', '%%%not-a-cursor%%%'],
  ['empty', ''],
  ['base64 of text that is not JSON', b64('hello')],
  ['a JSON object', b64('{"a":1}')],
  ['an empty array', cursor([])],
  ['[1e308]', b64('[1e308]')],
  ['[true]', cursor([true])],
  ['[null]', cursor([null])],
  ['a nested array', cursor([['x']])],
  ['three values', cursor(['a', 'b', 'c'])],
];

const BY_SHAPE: Record<Shape, [string, string][]> = {
  text: [
    ['a number for a text key', cursor([1])],
    ['a NUL in the key', cursor(['a\u0000b'])],
    ['a lone surrogate in the key', cursor(['\uD800'])],
    ['two values for a one-column order', cursor(['2026-01-01T00:00:00.000Z', 'x'])],
  ],
  'timestamp+text': [
    ['2026-13-45T99:99:99Z', cursor(['2026-13-45T99:99:99Z', 'x'])],
    ['year 0000', cursor(['0000-01-01T00:00:00.000Z', 'x'])],
    ['year 275760', cursor(['+275760-09-13T00:00:00.000Z', 'x'])],
    ['1e308 for an instant', b64('[1e308, "x"]')],
    ['an instant not written by toISOString', cursor(['2026-01-01 00:00:00', 'x'])],
    ['a text key for an instant', cursor(['x', 'y'])],
    ['a number for the text key', cursor(['2026-01-01T00:00:00.000Z', 7])],
    ['one value for a two-column order', cursor(['x'])],
  ],
  position: [
    ['a negative position', cursor([-1])],
    ['a fractional position', cursor([1.5])],
    ['a position past 2^53', cursor([9007199254740992])],
    ['a position as text', cursor(['3'])],
  ],
};

const withArgs = (list: List, args: string) => list.query.replace('ARGS', args);

function refused(r: GqlResult, field: string, list: List): void {
  expect(r.status).toBeLessThan(500);
  expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  expect(r.errors![0].message).toBe(`${field}: invalid cursor: not one this list issued`);
  if (list.root) expect(r.statements).toEqual([]);
}

describe.each(LISTS)('$name', (list) => {
  const forgeries = [...ANY_LIST, ...BY_SHAPE[list.shape]];

  test('a cursor it issued is taken, forward and backward', async () => {
    const first = await t.gql(withArgs(list, 'first: 1'));
    expect(first.errors).toBeUndefined();
    const end = list.page(first.data).pageInfo.endCursor;
    expect(typeof end).toBe('string');
    const next = await t.gql(withArgs(list, `first: 1, after: ${JSON.stringify(end)}`));
    expect(next.errors).toBeUndefined();
    if (list.backward) {
      const back = await t.gql(withArgs(list, `last: 1, before: ${JSON.stringify(end)}`));
      expect(back.errors).toBeUndefined();
    }
  });

  test.each(forgeries)('after: %s is refused', async (_what, forged) => {
    refused(await t.gql(withArgs(list, `first: 1, after: ${JSON.stringify(forged)}`)), 'after', list);
  });

  if (list.backward) {
    test.each(forgeries)('before: %s is refused', async (_what, forged) => {
      refused(await t.gql(withArgs(list, `last: 1, before: ${JSON.stringify(forged)}`)), 'before', list);
    });
  }

  test('a forged cursor in a variable is refused the same way', async () => {
    const q = withArgs(list, 'first: 1, after: $c').replace(/^\{/, 'query($c: String) {');
    refused(await t.gql(q, { c: b64('[1e308]') }), 'after', list);
  });
});

test("a cursor from another list's order is refused", async () => {
  const logs = await t.gql(`{ spendLogs(first: 1, filter: { ${WINDOW} }) { pageInfo { endCursor } } }`);
  const foreign = logs.data.spendLogs.pageInfo.endCursor;
  expect(typeof foreign).toBe('string');
  refused(await t.gql(`query($c: String) { keys(first: 1, after: $c) { nodes { token } } }`, { c: foreign }), 'after', LISTS[0]);
  const keys = await t.gql(`{ keys(first: 1) { pageInfo { endCursor } } }`);
  refused(await t.gql(`query($c: String) { auditLogs(first: 1, after: $c) { nodes { id } } }`, { c: keys.data.keys.pageInfo.endCursor }), 'after', LISTS[0]);
});

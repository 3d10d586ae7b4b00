import 'reflect-metadata';
import {
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLInputFieldMap,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { formatErrorWith } from '../../src/graphql/format-error';
import { MAX_JSON_DEPTH } from '../../src/graphql/input-guard';
import { gatewaySchema } from '../../src/graphql/schema';
import { createLogger } from '../../src/server/log';
import { codes, GqlResult, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { makePrincipal } from '../helpers/roles';

// Whatever a caller sends, the answer is a GraphQL error with a code (never a masked 500) and a refused
// mutation writes nothing. Focused cases per kind of hostile input first, then a seeded generator that
// walks every argument of every root field in the schema.
let t: TestGateway;
let fingerprintSql: string;
let requests = 0;

beforeAll(async () => {
  t = await startTestGateway({ seed: { spendLogs: 60, days: 3 } });
  const tables: { name: string }[] = await t.db.ds.query(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  // Every committed insert or update leaves a row with a newer xmin, every delete a smaller count: this
  // sees any write without hashing rows that accepted mutations may have filled with 600 KB of metadata.
  const perTable = tables.map(({ name }) => `SELECT '${name}' AS t, count(*) AS n, coalesce(max(x.xmin::text::bigint), 0) AS v FROM public.${name} x`);
  fingerprintSql = `SELECT md5(string_agg(t || ':' || n || ':' || v, ',' ORDER BY t)) AS fp FROM (${perTable.join(' UNION ALL ')}) s`;
});
afterAll(() => t.close());

/** One value that changes with any committed write to any table of the database. */
async function fingerprint(): Promise<string> {
  return (await t.db.ds.query(fingerprintSql))[0].fp;
}

/** POSTs a body written by hand: JSON.stringify cannot write 1e309, and deep JSON is cheaper as text. */
async function post(body: string, key: string = MASTER_KEY): Promise<GqlResult & { requestId: string }> {
  const requestId = `hostile-${++requests}`;
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'x-request-id': requestId },
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, body: json, data: json.data, errors: json.errors, statements: [], headers: res.headers, requestId };
}

const bodyOf = (query: string, variables = '{}') => `{"query":${JSON.stringify(query)},"variables":${variables}}`;
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

async function realIds() {
  const [row] = await t.db.ds.query(`
    SELECT (SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 1) AS token,
           (SELECT organization_id FROM "LiteLLM_OrganizationTable" ORDER BY 1 LIMIT 1) AS "organizationId",
           (SELECT user_id FROM "LiteLLM_EndUserTable" ORDER BY 1 LIMIT 1) AS "endUserId",
           (SELECT budget_id FROM "LiteLLM_BudgetTable" ORDER BY 1 LIMIT 1) AS "budgetId",
           m.team_id AS "teamId", m.user_id AS "userId"
      FROM (SELECT t.team_id, e->>'user_id' AS user_id FROM "LiteLLM_TeamTable" t, jsonb_array_elements(t.members_with_roles) e
             WHERE jsonb_typeof(t.members_with_roles) = 'array' AND e->>'user_id' IS NOT NULL ORDER BY 1, 2 LIMIT 1) m`);
  return row as Record<'token' | 'organizationId' | 'endUserId' | 'budgetId' | 'teamId' | 'userId', string>;
}

describe('NUL bytes and lone surrogates are refused before any SQL runs', () => {
  const CASES: [string, string, Record<string, unknown>, RegExp][] = [
    ['an id (variable)', 'query($id: ID!) { team(id: $id) { id } }', { id: 't\u0000' }, /^id: must not contain the NUL character/],
    ['an id (inline)', '{ team(id: "t\\u0000") { id } }', {}, /^id: must not contain the NUL character/],
    ['a raw key', 'query($k: String) { key(token: $k) { token } }', { k: 'sk-\u0000aaaaaaaa' }, /^token: must not contain the NUL/],
    ['a filter', `query($m: String) { spendLogs(filter: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", model: $m }) { totalCount } }`, { m: 'gpt\u0000' }, /^filter\.model: must not contain the NUL/],
    ['an entry of a list filter', 'query($ids: [ID!]) { teams(filter: { ids: $ids }) { totalCount } }', { ids: ['a', 'b\u0000'] }, /^filter\.ids\[1\]: must not contain the NUL/],
    ['a mutation input', 'mutation($a: String) { generateKey(input: { keyAlias: $a }) { key } }', { a: 'alias\u0000x' }, /^input\.keyAlias: must not contain the NUL/],
    ['a value inside metadata', 'mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', { m: { team: { note: 'a\u0000' } } }, /^input\.metadata: must not contain the NUL/],
    ['a key of metadata', 'mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', { m: { 'a\u0000': 1 } }, /^input\.metadata: must not contain the NUL/],
    ['a budget id', 'mutation { createBudget(input: { id: "b\\u0000" }) { id } }', {}, /^input\.id: must not contain the NUL/],
    ['an alias to delete', 'mutation($a: [String!]) { deleteKeys(aliases: $a) }', { a: ['x\u0000'] }, /^aliases\[0\]: must not contain the NUL/],
    ['a lone surrogate in models', 'mutation($m: [String!]) { generateKey(input: { models: $m }) { key } }', { m: ['gpt-4o', 'x\uDC00'] }, /^input\.models\[1\]: holds a lone UTF-16 surrogate/],
    ['a lone surrogate in metadata', 'mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', { m: { tags: ['\uD800'] } }, /^input\.metadata: holds a lone UTF-16 surrogate/],
    ['a lone surrogate in a metadata key', 'mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', { m: { '\uDBFF': true } }, /^input\.metadata: holds a lone UTF-16 surrogate/],
    ['a lone surrogate in an id', 'query($id: ID!) { organization(id: $id) { id } }', { id: 'o\uD83D' }, /^id: holds a lone UTF-16 surrogate/],
    ['a lone surrogate in a budget tier\'s models', 'mutation($m: [String!]) { createBudget(input: { allowedModels: $m }) { id } }', { m: ['\uDE00'] }, /^input\.allowedModels\[0\]: holds a lone/],
  ];

  test.each(CASES)('in %s', async (_what, query, variables, message) => {
    const before = await fingerprint();
    const r = await t.gql(query, variables);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(message);
    expect(r.statements).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  test('well-formed text outside the BMP (a surrogate pair) is stored and read back', async () => {
    const r = await t.gql('mutation($m: JSON, $mo: [String!]) { generateKey(input: { metadata: $m, models: $mo }) { info { metadata models } } }', {
      m: { note: 'ok \uD83D\uDE00' },
      mo: ['model-\uD83D\uDE80'],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.generateKey.info.metadata.note).toBe('ok \uD83D\uDE00');
    expect(r.data.generateKey.info.models).toEqual(['model-\uD83D\uDE80']);
  });
});

describe('durations are at most 100 years; a longer one is refused, naming the field', () => {
  const CASES: [string, string, RegExp][] = [
    ['generateKey duration 3000000d', 'mutation { generateKey(input: { duration: "3000000d" }) { key } }', /^duration: '3000000d' is longer than the maximum of 100 years/],
    ['generateKey duration 100000000w', 'mutation { generateKey(input: { duration: "100000000w" }) { key } }', /^duration: '100000000w' is longer/],
    ['generateKey duration 9999999999mo', 'mutation { generateKey(input: { duration: "9999999999mo" }) { key } }', /^duration: '9999999999mo' is longer/],
    ['generateKey duration past 2^53 days', 'mutation { generateKey(input: { duration: "99999999999999999999d" }) { key } }', /^duration: '99999999999999999999d' is longer/],
    ['generateKey duration 36501d', 'mutation { generateKey(input: { duration: "36501d" }) { key } }', /^duration: '36501d' is longer/],
    ['generateKey duration 1201mo', 'mutation { generateKey(input: { duration: "1201mo" }) { key } }', /^duration: '1201mo' is longer/],
    ['generateKey budgetDuration', 'mutation { generateKey(input: { budgetDuration: "3000000d" }) { key } }', /^budgetDuration: '3000000d' is longer/],
    ['updateKey duration', 'mutation($t: String!) { updateKey(token: $t, input: { duration: "100000000w" }) { token } }', /^duration: '100000000w' is longer/],
    ['createBudget budgetDuration', 'mutation { createBudget(input: { budgetDuration: "9999999999mo" }) { id } }', /^budgetDuration: '9999999999mo' is longer/],
    ['setTeamBudget budgetDuration', 'mutation($team: ID!) { setTeamBudget(teamId: $team, input: { budgetDuration: "3000000d" }) { id } }', /^budgetDuration: '3000000d' is longer/],
    ['regenerateKey gracePeriod', 'mutation($t: String!) { regenerateKey(token: $t, input: { gracePeriod: "3000000d" }) { key } }', /^gracePeriod: '3000000d' is longer/],
    ['regenerateKey gracePeriod in seconds', 'mutation($t: String!) { regenerateKey(token: $t, input: { gracePeriod: "999999999999s" }) { key } }', /^gracePeriod: '999999999999s' is longer/],
  ];

  test.each(CASES)('%s', async (_what, query, message) => {
    const ids = await realIds();
    const before = await fingerprint();
    const r = await t.gql(query, { t: ids.token, team: ids.teamId });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(message);
    expect(await fingerprint()).toBe(before);
  });

  test('100 years exactly is accepted (36500d, 1200mo) and stored as a real date', async () => {
    for (const duration of ['36500d', '1200mo']) {
      const r = await t.gql('mutation($d: String) { generateKey(input: { duration: $d }) { info { expires } } }', { d: duration });
      expect(r.errors).toBeUndefined();
      const years = (Date.parse(r.data.generateKey.info.expires) - Date.now()) / (365.25 * 86400000);
      expect(years).toBeGreaterThan(99.8);
      expect(years).toBeLessThan(100.2);
    }
  });
});

describe('instants and days outside what both PostgreSQL and JavaScript represent are refused', () => {
  const RESET_AT: [string, string][] = [
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 0000 through an offset', '0001-01-01T00:00:00+01:00'],
    ['year 10000 through an offset', '9999-12-31T23:59:59-05:00'],
  ];

  test.each(RESET_AT)('createBudget budgetResetAt in %s (inline and as a variable)', async (_what, at) => {
    const before = await fingerprint();
    for (const r of [
      await t.gql(`mutation { createBudget(input: { budgetResetAt: "${at}" }) { id } }`),
      await t.gql('mutation($at: DateTime) { createBudget(input: { budgetResetAt: $at }) { id } }', { at }),
    ]) {
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(/^input\.budgetResetAt: .* is out of range: give an instant from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59\.999Z$/);
      expect(r.statements).toEqual([]);
    }
    expect(await fingerprint()).toBe(before);
  });

  test('updateBudget budgetResetAt in year 0000 leaves the tier as it was', async () => {
    const { budgetId } = await realIds();
    const before = await fingerprint();
    const r = await t.gql('mutation($id: ID!) { updateBudget(id: $id, input: { budgetResetAt: "0000-06-01T00:00:00Z" }) { id } }', { id: budgetId });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/^input\.budgetResetAt: /);
    expect(await fingerprint()).toBe(before);
  });

  test('year 10000 and later is refused by the DateTime scalar itself, naming the field', async () => {
    const r = await t.gql('mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }', { i: { budgetResetAt: '10000-01-01T00:00:00Z' } });
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/budgetResetAt/);
  });

  test('a filter instant in year 0000 is refused', async () => {
    const r = await t.gql('{ auditLogs(filter: { from: "0000-01-01T00:00:00Z" }) { totalCount } }');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/^filter\.from: /);
  });

  test('a Date in year 0000 is refused (inline: a validation error; as a variable: BAD_USER_INPUT, 400)', async () => {
    const inline = await t.gql('{ teams(first: 1) { nodes { usage(from: "0000-01-01", to: "2026-01-01") { spend } } } }');
    expect(inline.status).toBe(400);
    expect(codes(inline)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(inline.errors![0].message).toMatch(/0000-01-01 is before 0001-01-01/);
    const variable = await t.gql('query($from: Date!) { teams(first: 1) { nodes { usage(from: $from, to: "2026-01-01") { spend } } } }', { from: '0000-01-01' });
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
  });

  test('the first and the last instant are stored and read back unchanged', async () => {
    for (const at of ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const r = await t.gql('mutation($at: DateTime) { createBudget(input: { budgetResetAt: $at }) { budgetResetAt } }', { at });
      expect(r.errors).toBeUndefined();
      expect(r.data.createBudget.budgetResetAt).toBe(at);
    }
  });
});

describe('JSON arguments are nested at most MAX_JSON_DEPTH levels', () => {
  test(`${MAX_JSON_DEPTH} levels are taken; ${MAX_JSON_DEPTH + 1} and 20000 are refused and write nothing`, async () => {
    const ok = await post(bodyOf('mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', `{"m":${deepJson(MAX_JSON_DEPTH)}}`));
    expect(ok.errors).toBeUndefined();
    const before = await fingerprint();
    for (const levels of [MAX_JSON_DEPTH + 1, 20000]) {
      const r = await post(bodyOf('mutation($m: JSON) { generateKey(input: { metadata: $m }) { key } }', `{"m":${deepJson(levels)}}`));
      expect(r.status).toBeLessThan(500);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toBe(`input.metadata: is nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("the database's data exceptions are the caller's mistake, not a masked 500", () => {
  // Real driver errors for SQLSTATE class 22 and foreign key violations: whatever slips past the checks
  // above still answers with a code.
  const DATA_EXCEPTIONS: [string, string, unknown[]][] = [
    ['22021', 'SELECT $1::text AS v', ['a\u0000b']],
    ['22P05', `SELECT ($1::jsonb)->>'a' AS v`, ['{"a":"\\u0000"}']],
    ['22008', 'SELECT $1::timestamp AS v', ['0000-01-01 00:00:00']],
    ['22003', 'SELECT $1::int AS v', ['2147483648']],
    ['22007', 'SELECT $1::timestamp AS v', ['not a time']],
    ['23503', `UPDATE "LiteLLM_EndUserTable" SET budget_id = $1 WHERE user_id = (SELECT min(user_id) FROM "LiteLLM_EndUserTable")`, ['no-such-tier']],
  ];

  test.each(DATA_EXCEPTIONS)('SQLSTATE %s becomes BAD_USER_INPUT, logged as a warning', async (sqlstate, sql, params) => {
    const cause = await t.db.ds.query(sql, params).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((cause as { code?: string }).code).toBe(sqlstate);
    const lines: string[] = [];
    const format = formatErrorWith(createLogger('debug', (l) => lines.push(l)), () => 'req-22');
    const error = new GraphQLError('failed', { path: ['createBudget'], originalError: cause as Error });
    const out = format(error.toJSON(), error);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', sqlstate, requestId: 'req-22' });
    expect(out.message).toContain((cause as Error).message);
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn']);
  });

  test('other database errors stay masked', async () => {
    const cause = await t.db.ds.query('SELECT * FROM no_such_table').then(
      () => undefined,
      (err: unknown) => err,
    );
    const format = formatErrorWith(createLogger('error', () => undefined), () => 'req-42');
    const error = new GraphQLError('failed', { originalError: cause as Error });
    expect(format(error.toJSON(), error)).toMatchObject({ message: 'Internal server error (request id req-42)', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

// ---- the generated walk: every argument of every root field, with hostile values

/** mulberry32: small, seeded, the same sequence on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const OMIT = Symbol('omit');
/** A value as JSON text for variables and as a GraphQL literal: OMIT leaves it out, a null literal means not writable inline. */
interface Value {
  label: string;
  json: string | typeof OMIT;
  inline: string | typeof OMIT | null;
}

const lit = (label: string, json: string, inline: string | null = json): Value => ({ label, json, inline });
const str = (label: string, s: string): Value => ({ label, json: JSON.stringify(s), inline: JSON.stringify(s) });
const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
// The body limit is 1 MB and a document at most 20000 bytes: big in variables, smaller inline.
const HUGE = 'x'.repeat(600_000);
const BIG_INLINE = 'x'.repeat(15_000);

const MISSING: Value = { label: 'missing', json: OMIT, inline: OMIT };
const NULL = lit('null', 'null');

const TEXT: Value[] = [
  str('"NaN"', 'NaN'),
  str('a NUL byte', 'a\u0000b'),
  str('only a NUL byte', '\u0000'),
  str('a lone high surrogate', 'x\uD800'),
  str('a lone low surrogate', '\uDC00y'),
  { label: 'a 600 KB string', json: JSON.stringify(HUGE), inline: JSON.stringify(BIG_INLINE) },
  str('an empty string', ''),
  str('3000000d', '3000000d'),
  str('100000000w', '100000000w'),
  str('9999999999mo', '9999999999mo'),
  str('99999999999999999999d', '99999999999999999999d'),
  str('an instant in year 0000', '0000-01-01T00:00:00Z'),
  str('a forged cursor [1e308]', forged('[1e308]')),
  str('a forged cursor holding 2026-13-45T99:99:99Z', forged('["2026-13-45T99:99:99Z","x"]')),
  str('a forged cursor of the wrong shape', forged('[1,"a",null]')),
  str('not base64', '%%%'),
  str('sk- and a NUL byte', 'sk-\u0000aaaaaaaa'),
  lit('a number', '12345'),
  lit('an object', '{"a":1}', '{a: 1}'),
  lit('true', 'true'),
];
const INT: Value[] = [
  lit('"NaN"', '"NaN"'),
  lit('2147483648', '2147483648'),
  lit('-2147483649', '-2147483649'),
  lit('1e309', '1e309'),
  lit('-1', '-1'),
  lit('0', '0'),
  lit('101', '101'),
  lit('2147483647', '2147483647'),
  lit('1.5', '1.5'),
  lit('"1"', '"1"'),
];
const FLOAT: Value[] = [lit('1e309', '1e309'), lit('-1e309', '-1e309'), lit('"NaN"', '"NaN"'), lit('-1', '-1'), lit('1e308', '1e308'), lit('"1"', '"1"'), lit('true', 'true')];
const SAFE_INT: Value[] = [
  lit('2^53', '9007199254740992'),
  lit('-2^53', '-9007199254740992'),
  lit('1e309', '1e309'),
  lit('-1', '-1'),
  lit('"NaN"', '"NaN"'),
  lit('1.5', '1.5'),
  lit('2147483648', '2147483648'),
];
const BOOLEAN: Value[] = [lit('"true"', '"true"'), lit('1', '1'), lit('"NaN"', '"NaN"')];
const DATE_TIME: Value[] = [
  str('year 0000', '0000-01-01T00:00:00Z'),
  str('year 10000', '10000-01-01T00:00:00Z'),
  str('year 275760', '+275760-09-13T00:00:00.000Z'),
  str('2026-13-45T99:99:99Z', '2026-13-45T99:99:99Z'),
  str('year 10000 through an offset', '9999-12-31T23:59:59-05:00'),
  str('year 0000 through an offset', '0001-01-01T00:00:00+01:00'),
  str('February 30th', '2026-02-30T00:00:00Z'),
  str('"NaN"', 'NaN'),
  str('an empty string', ''),
  lit('1e309', '1e309'),
  lit('a timestamp past the JS range', '-8640000000000001'),
];
const DATE: Value[] = [
  str('year 0000', '0000-01-01'),
  str('year 10000', '10000-01-01'),
  str('February 30th', '2026-02-30'),
  str('2026-13-45', '2026-13-45'),
  str('"NaN"', 'NaN'),
  str('an empty string', ''),
  lit('a number', '20260101'),
];
const JSON_VALUES: Value[] = [
  { label: 'JSON nested 20000 deep', json: deepJson(20000), inline: `${'{a: '.repeat(3000)}1${'}'.repeat(3000)}` },
  { label: `JSON nested ${MAX_JSON_DEPTH + 1} deep`, json: deepJson(MAX_JSON_DEPTH + 1), inline: `${'{a: '.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}` },
  lit('a NUL byte in a JSON value', '{"a":"x\\u0000"}', '{a: "x\\u0000"}'),
  lit('a NUL byte in a JSON key', '{"\\u0000":1}', null),
  lit('a lone surrogate in a JSON value', '{"k":["\\ud800"]}', '{k: ["\\ud800"]}'),
  lit('a lone surrogate in a JSON key', '{"\\udc00":1}', null),
  { label: 'a 600 KB JSON string', json: `{"big":${JSON.stringify(HUGE)}}`, inline: `{big: ${JSON.stringify(BIG_INLINE)}}` },
  lit('1e309 inside JSON', '{"n":1e309}', '{n: 1e309}'),
  lit('a bare 1e309', '1e309'),
  str('a JSON string', 'NaN'),
  lit('a JSON array', '[1,2]'),
  lit('__proto__', '{"__proto__":{"polluted":true}}', null),
];
const INPUT_OBJECT: Value[] = [str('"NaN"', 'NaN'), lit('an array', '[]'), lit('a number', '1'), lit('an unknown field', '{"nope":1}', '{nope: 1}')];

function scalarValues(name: string): Value[] {
  switch (name) {
    case 'String':
    case 'ID':
      return TEXT;
    case 'Int':
      return INT;
    case 'Float':
      return FLOAT;
    case 'SafeInt':
      return SAFE_INT;
    case 'Boolean':
      return BOOLEAN;
    case 'DateTime':
      return DATE_TIME;
    case 'Date':
      return DATE;
    case 'JSON':
      return JSON_VALUES;
  }
  throw new Error(`no hostile values for the scalar ${name}: add them here`);
}

/** Hostile values for a slot of this type (a list slot: values for the whole list; elements are slots of their own). */
function hostileValues(type: GraphQLInputType): Value[] {
  const out: Value[] = [];
  if (isNonNullType(type)) {
    out.push(MISSING, NULL);
    type = type.ofType;
  }
  if (isListType(type)) return [...out, str('"NaN"', 'NaN'), lit('[null]', '[null]'), lit('a nested list', '[["x"]]'), lit('an object', '{"a":1}', '{a: 1}')];
  if (isInputObjectType(type)) return [...out, ...INPUT_OBJECT];
  if (isEnumType(type)) {
    const first = type.getValues()[0].name;
    return [...out, str('an unknown value', 'NOPE'), lit('an unknown bare value', '"NOPE"', 'NOPE'), str('a lower-case value', first.toLowerCase()), str('a NUL byte', '\u0000'), lit('a number', '1')];
  }
  if (isScalarType(type)) return [...out, ...scalarValues(type.name)];
  throw new Error(`unexpected input type ${String(type)}`);
}

type Ids = Record<string, string>;

/** A valid value for a required argument or input field; optional ones are left out. */
function baseline(type: GraphQLInputType, name: string, fieldName: string, ids: Ids): Value {
  if (!isNonNullType(type)) return MISSING;
  const inner = type.ofType;
  if (isListType(inner)) {
    const item = baseline(inner.ofType, name, fieldName, ids);
    return lit(`[${name}]`, `[${item.json as string}]`, `[${item.inline as string}]`);
  }
  if (isInputObjectType(inner)) return objectValue(inner.getFields(), [], MISSING, fieldName, ids);
  if (isEnumType(inner)) {
    const first = inner.getValues()[0].name;
    return lit(first, JSON.stringify(first), first);
  }
  const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString();
  switch (getNamedType(inner).name) {
    case 'ID':
    case 'String': {
      const entity = /budget/i.test(fieldName) ? 'budgetId' : /endUser/i.test(fieldName) ? 'endUserId' : /organization/i.test(fieldName) ? 'organizationId' : /team/i.test(fieldName) ? 'teamId' : 'userId';
      return str(name, ids[name] ?? (name === 'id' ? ids[entity] : undefined) ?? 'x');
    }
    case 'DateTime':
      return str(name, name === 'to' ? day(0) : day(-1));
    case 'Date':
      return str(name, (name === 'to' ? day(0) : day(-1)).slice(0, 10));
    case 'Boolean':
      return lit(name, 'false');
    case 'JSON':
      return lit(name, '{}', '{}');
    case 'Float':
      return lit(name, '0');
    default:
      return lit(name, '1');
  }
}

/** An input object: required fields at their baseline, the path leading to the hostile value. */
function objectValue(fields: GraphQLInputFieldMap, path: string[], hostile: Value, fieldName: string, ids: Ids): Value {
  const entries = Object.values(fields).map((f) => [f.name, f.name === path[0] ? valueAt(f.type, path.slice(1), hostile, fieldName, ids) : baseline(f.type, f.name, fieldName, ids)] as const);
  const present = entries.filter(([, v]) => v.json !== OMIT);
  const inlinePresent = entries.filter(([, v]) => v.inline !== OMIT);
  return {
    label: hostile.label,
    json: `{${present.map(([k, v]) => `${JSON.stringify(k)}:${v.json as string}`).join(',')}}`,
    inline: inlinePresent.some(([, v]) => v.inline === null) ? null : `{${inlinePresent.map(([k, v]) => `${k}: ${v.inline as string}`).join(', ')}}`,
  };
}

function valueAt(type: GraphQLInputType, path: string[], hostile: Value, fieldName: string, ids: Ids): Value {
  if (!path.length) return hostile;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isInputObjectType(inner)) throw new Error(`path ${path.join('.')} goes through ${String(type)}`);
  return objectValue(inner.getFields(), path, hostile, fieldName, ids);
}

interface Slot {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** argument name, then input field names */
  path: string[];
  type: GraphQLInputType;
  /** the values go inside a one-element list of this type */
  element: boolean;
}

function slotsOf(operation: Slot['operation'], root: GraphQLObjectType): Slot[] {
  const slots: Slot[] = [];
  const walk = (field: GraphQLField<unknown, unknown>, path: string[], type: GraphQLInputType) => {
    slots.push({ operation, field, path, type, element: false });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) slots.push({ operation, field, path, type: inner.ofType, element: true });
    if (isInputObjectType(inner)) for (const f of Object.values(inner.getFields())) walk(field, [...path, f.name], f.type);
  };
  for (const field of Object.values(root.getFields())) for (const arg of field.args) walk(field, [arg.name], arg.type);
  return slots;
}

interface Case {
  slot: Slot;
  value: Value;
  mode: 'variables' | 'inline';
}

/** The operation and the variables (JSON text) of one case; null when the value cannot be written inline. */
function operationOf({ slot, value, mode }: Case, ids: Ids): { query: string; variables: string } | null {
  const { field } = slot;
  const hostile: Value = slot.element
    ? { label: value.label, json: value.json === OMIT ? OMIT : `[${value.json}]`, inline: value.inline === OMIT || value.inline === null ? value.inline : `[${value.inline}]` }
    : value;
  const target = field.args.find((a) => a.name === slot.path[0])!;
  const targetValue = valueAt(target.type, slot.path.slice(1), hostile, field.name, ids);
  const args: string[] = [];
  for (const a of field.args) {
    const v = a === target ? targetValue : baseline(a.type, a.name, field.name, ids);
    if (a === target && mode === 'variables') args.push(`${a.name}: $v`);
    else if (v.inline === null) return null;
    else if (v.inline !== OMIT) args.push(`${a.name}: ${v.inline}`);
  }
  const declaration = mode === 'variables' ? `($v: ${String(target.type)})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${slot.operation}${declaration} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
  const variables = mode === 'variables' && targetValue.json !== OMIT ? `{"v":${targetValue.json}}` : '{}';
  return { query, variables };
}

const CASES_PER_SLOT = 6;

/**
 * A bounded sample per slot: slots of the same type draw in turn from one shuffled deck of that type's
 * values, so each value is sent somewhere before any is sent twice.
 */
function casesFor(slots: Slot[], seed: number, perSlot = CASES_PER_SLOT): Case[] {
  const next = random(seed);
  const shuffled = (values: Value[]) => {
    const deck = [...values];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [deck[i], deck[j]] = [deck[j], deck[i]];
    }
    return deck;
  };
  const decks = new Map<string, { values: Value[]; deck: Value[] }>();
  const cases: Case[] = [];
  for (const slot of slots) {
    const kind = `${String(slot.type)}${slot.element ? ' in a list' : ''}`;
    if (!decks.has(kind)) decks.set(kind, { values: hostileValues(slot.type).filter((v) => !(slot.element && v === MISSING)), deck: [] });
    const d = decks.get(kind)!;
    const picked = new Set<Value>();
    while (picked.size < Math.min(perSlot, d.values.length)) {
      if (!d.deck.length) d.deck = shuffled(d.values);
      picked.add(d.deck.pop()!);
    }
    for (const value of picked) for (const mode of ['variables', 'inline'] as const) cases.push({ slot, value, mode });
  }
  return cases;
}

const describeCase = (c: Case) => `${c.slot.field.name}(${c.slot.path.join('.')}${c.slot.element ? '[0]' : ''}) ← ${c.value.label} [${c.mode}]`;

/** What is wrong with an answer: a 5xx, an error without a code, or a masked internal error (with its logged cause). */
function problemsOf(r: GqlResult & { requestId: string }): string[] {
  const out: string[] = [];
  if (r.status >= 500) out.push(`HTTP ${r.status}`);
  if (!r.errors && r.data === undefined) out.push('neither data nor errors');
  for (const e of r.errors ?? []) {
    const code = e.extensions?.code;
    if (!code) out.push(`an error without a code: ${e.message.slice(0, 200)}`);
    else if (code === 'INTERNAL_SERVER_ERROR') {
      const logged = t.logs.find((l) => l.includes(`"requestId":"${r.requestId}"`) && l.includes('"level":"error"'));
      out.push(`INTERNAL_SERVER_ERROR; logged: ${logged ? JSON.stringify(JSON.parse(logged).error ?? JSON.parse(logged)).slice(0, 300) : 'nothing'}`);
    }
  }
  return out;
}

interface Outcome {
  sent: number;
  rejectedMutations: number;
  /** mutations that succeeded, and how many of them the fingerprint saw (all, or it sees nothing) */
  acceptedMutations: number;
  seenWrites: number;
  labels: Set<string>;
  fields: Set<string>;
  failures: string[];
}

/** Sends every case; after each mutation the database fingerprint must be unchanged unless it succeeded. */
async function run(cases: Case[], key: string, idsOf: () => Promise<Ids>): Promise<Outcome> {
  const outcome: Outcome = { sent: 0, rejectedMutations: 0, acceptedMutations: 0, seenWrites: 0, labels: new Set(), fields: new Set(), failures: [] };
  let ids = await idsOf();
  let current = await fingerprint();
  for (const c of cases) {
    const op = operationOf(c, ids);
    if (!op) continue;
    const r = await post(bodyOf(op.query, op.variables), key);
    outcome.sent++;
    outcome.fields.add(c.slot.field.name);
    outcome.labels.add(c.value.label);
    const problems = problemsOf(r);
    if (c.slot.operation === 'mutation') {
      const after = await fingerprint();
      if (r.errors?.length) {
        outcome.rejectedMutations++;
        if (after !== current) problems.push('refused, yet the database changed');
      } else {
        outcome.acceptedMutations++;
        if (after !== current) outcome.seenWrites++;
        ids = await idsOf();
      }
      current = after;
    }
    if (problems.length) outcome.failures.push(`${describeCase(c)}: ${problems.join('; ')}`);
  }
  return outcome;
}

const SEED = 20260412;
// What the issue lists, each sent at least once by each walk.
const MUST_SEND = [
  'missing', 'null', '"NaN"', '2147483648', '1e309', '-1', '101', 'a NUL byte', 'a lone high surrogate', 'a lone low surrogate', 'a 600 KB string',
  '3000000d', '100000000w', '9999999999mo', 'year 0000', 'year 10000', 'a forged cursor [1e308]', 'a forged cursor holding 2026-13-45T99:99:99Z',
  'a forged cursor of the wrong shape',
];
const fieldsWithArgs = (root: GraphQLObjectType) => Object.values(root.getFields()).filter((f) => f.args.length).map((f) => f.name).sort();

describe('generated: every argument of every root field, with hostile values as variables and inline', () => {
  const schema = gatewaySchema();

  test('queries: no 5xx, every error has a code, nothing is written', async () => {
    const cases = casesFor(slotsOf('query', schema.getQueryType()!), SEED);
    const before = await fingerprint();
    const outcome = await run(cases, MASTER_KEY, realIds);
    expect(outcome.failures).toEqual([]);
    expect(await fingerprint()).toBe(before);
    expect([...outcome.fields].sort()).toEqual(fieldsWithArgs(schema.getQueryType()!));
    expect(MUST_SEND.filter((l) => !outcome.labels.has(l))).toEqual([]);
    expect(outcome.labels).toContain('an unknown value');
    expect(outcome.sent).toBeGreaterThan(500);
  }, 120_000);

  test('mutations: no 5xx, every error has a code, a refused mutation changes no row of any table', async () => {
    const cases = casesFor(slotsOf('mutation', schema.getMutationType()!), SEED + 1);
    const outcome = await run(cases, MASTER_KEY, realIds);
    expect(outcome.failures).toEqual([]);
    expect([...outcome.fields].sort()).toEqual(fieldsWithArgs(schema.getMutationType()!));
    expect(MUST_SEND.filter((l) => !outcome.labels.has(l))).toEqual([]);
    expect(outcome.labels).toContain('JSON nested 20000 deep');
    expect(outcome.rejectedMutations).toBeGreaterThan(500);
    expect(outcome.acceptedMutations).toBeGreaterThan(0);
    expect(outcome.seenWrites).toBe(outcome.acceptedMutations);
    expect(t.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  }, 120_000);

  test('as an internal user: the same holds for the fields a plain member may call', async () => {
    const team = t.seed!.teams[0];
    const me = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
    const own = await t.gql('mutation($u: ID) { generateKey(input: { userId: $u }) { info { token } } }', { u: me.userId });
    const victim = own.data.generateKey.info.token;
    const idsOf = async () => ({ token: victim, teamId: team, userId: me.userId });
    const wanted = new Set(['keys', 'key', 'teams', 'spendLogs', 'spendReport', 'generateKey', 'updateKey', 'regenerateKey', 'deleteKeys', 'blockKey']);
    const slots = [...slotsOf('query', schema.getQueryType()!), ...slotsOf('mutation', schema.getMutationType()!)].filter((s) => wanted.has(s.field.name));
    const outcome = await run(casesFor(slots, SEED + 2, 2), me.rawKey, idsOf);
    expect(outcome.failures).toEqual([]);
    expect(outcome.fields).toEqual(wanted);
    expect(outcome.rejectedMutations).toBeGreaterThan(50);
  }, 120_000);
});

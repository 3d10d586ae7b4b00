import 'reflect-metadata';
import { getIntrospectionQuery } from 'graphql';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';

// Introspection counts against the limits like any selection: aliases and depth inside __schema and
// __type, and a cost that follows the size of this schema's lists. GraphiQL's query still passes.
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
});
afterAll(() => t.close());

test("GraphiQL's introspection query passes the default limits, with every option graphql offers", async () => {
  for (const query of [getIntrospectionQuery(), getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })]) {
    const r = await t.gql(query);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.types.map((x: any) => x.name)).toEqual(expect.arrayContaining(['Query', 'Team', 'VirtualKey', 'Usage']));
  }
});

test('140 aliased __schema walks in one 17 KB document are refused before they run', async () => {
  const walk = (i: number) => `s${i}: __schema { types { name kind description fields { name description args { name description defaultValue } } } }`;
  const query = `{ ${Array.from({ length: 140 }, (_, i) => walk(i)).join(' ')} }`;
  expect(query.length).toBeGreaterThan(16000);
  expect(query.length).toBeLessThan(t.config.limits.maxDocumentBytes);
  const r = await t.gql(query);
  expect(r.status).toBe(400);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/140 aliases; the limit is 30/);
  expect(r.data).toBeUndefined();
});

test('full introspection walks repeated under fewer aliases than the limit cost what they would answer', async () => {
  const introspection = getIntrospectionQuery();
  const fragments = introspection.slice(introspection.indexOf('fragment FullType'));
  const query = `{ ${Array.from({ length: 10 }, (_, i) => `s${i}: __schema { types { ...FullType } }`).join(' ')} } ${fragments}`;
  const r = await t.gql(query);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/complexity \d+ exceeds the limit of 250000/);
  expect(r.data).toBeUndefined();
});

test('types → fields → type → fields recursion costs the width of every level', async () => {
  // graphql's own rule allows `fields` nested twice; within it, each level multiplies the answer
  const walk = `__schema { types { name fields { name args { name type { name } } type { name fields { name args { name } type { name } } } } } }`;
  const one = await t.gql(`{ ${walk} }`);
  expect(one.errors).toBeUndefined();
  const eight = await t.gql(`{ ${Array.from({ length: 8 }, (_, i) => `s${i}: ${walk}`).join(' ')} }`);
  expect(codes(eight)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(eight.errors![0].message).toMatch(/complexity \d+ exceeds the limit of 250000/);
  expect(eight.data).toBeUndefined();
});

test('the ofType chain costs no depth, and a single type is cheap to inspect', async () => {
  const r = await t.gql(`{ __type(name: "Team") { name fields { name args { name type { ...T } } type { ...T } } } }
    fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.__type.fields.map((f: any) => f.name)).toContain('usage');
});

import 'reflect-metadata';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';

// Depth, aliases and cost are measured at every spread of a fragment, not only at its first one
// (default limits: depth 10, 30 aliases).
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const usageAliases = (n: number) => Array.from({ length: n }, (_, i) => `u${i}: usage(from: "2026-01-01", to: "2026-01-31") { spend }`).join(' ');

test('a fragment spread a second time deeper counts at its deeper spread', async () => {
  const deep = `fragment Deep on Team { organization { teams(first: 2) { nodes { organization { teams(first: 2) { nodes { id } } } } } } }`;
  // first spread at depth 2 (2 + 7 = 9), second under members → team at depth 5 (5 + 7 = 12)
  const r = await t.gql(`{ teams(first: 2) { nodes { ...Deep members(first: 2) { nodes { team { ...Deep } } } } } } ${deep}`);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/depth 12 exceeds the limit of 10/);
  expect(r.status).toBe(400);
  expect(r.statements).toEqual([]);

  const once = await t.gql(`{ teams(first: 2) { nodes { ...Deep } } } ${deep}`);
  expect(once.errors).toBeUndefined();
});

test('aliases inside a fragment count at each spread: 30 aliased usage fields spread twice are 60', async () => {
  const frag = `fragment Usages on Team { ${usageAliases(30)} }`;
  const r = await t.gql(`{ teams(first: 5) { nodes { ...Usages } } team(id: "none") { ...Usages } } ${frag}`);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/60 aliases; the limit is 30/);
  expect(r.statements).toEqual([]);

  const once = await t.gql(`{ teams(first: 5) { nodes { ...Usages } } } ${frag}`);
  expect(once.errors).toBeUndefined();
});

test('a fragment spread inside another fragment counts at every spread of the outer one', async () => {
  const frags = `fragment Inner on Team { ${usageAliases(11)} } fragment Outer on Query { teams(first: 2) { nodes { ...Inner } } }`;
  // Inner holds 11 aliases, Outer is spread three times (two of them under aliases): 3 × 11 + 2 = 35
  const r = await t.gql(`{ ...Outer a: team(id: "none") { ...Inner } b: team(id: "none") { ...Inner } } ${frags}`);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/35 aliases/);
});

test('fragments that double at every level are refused as too complex, quickly and without a 500', async () => {
  // F25 spreads F24 twice, which spreads F23 twice, …: 2^25 spreads of F0 in 1 KB
  const frags = [`fragment F0 on Team { id alias }`];
  for (let i = 1; i <= 25; i++) frags.push(`fragment F${i} on Team { ...F${i - 1} ...F${i - 1} }`);
  const r = await t.gql(`{ teams(first: 1) { nodes { ...F25 } } } ${frags.join(' ')}`);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.status).toBe(400);
  expect(r.statements).toEqual([]);
  expect(t.logs.filter((l) => l.includes('"internal error"'))).toEqual([]);
});

test('fields are counted once fragments are expanded: doubling fragments are refused before anything is compiled or run', async () => {
  let q = `query { viewer { ...F0 } }\n`;
  for (let i = 0; i < 12; i++) q += `fragment F${i} on Viewer { ...F${i + 1} ...F${i + 1} }\n`;
  q += `fragment F12 on Viewer { role isMasterKey }\n`;
  const r = await t.gql(q);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.errors![0].message).toMatch(/selects 8193 fields once its fragments are expanded; the limit is 2000/);
  expect(r.statements).toEqual([]);
});

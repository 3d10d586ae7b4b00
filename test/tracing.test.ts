import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, stopTracing, tracedBatch, tracingEnabled } from '../src/tracing';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';

const NESTED = fs.readFileSync(path.join(__dirname, 'operations/nested-organizations.graphql'), 'utf8');

const exporter = new InMemorySpanExporter();
let t: TestGateway;

const idOf = (s: ReadableSpan) => s.spanContext().spanId;
const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

/** The spans of one trace, and a way to walk from a span up to the root. */
function traceOf(root: ReadableSpan) {
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
  const byId = new Map(spans.map((s) => [idOf(s), s]));
  const ancestors = (s: ReadableSpan) => {
    const up: ReadableSpan[] = [];
    for (let p = byId.get(parentOf(s) ?? ''); p; p = byId.get(parentOf(p) ?? '')) up.push(p);
    return up;
  };
  return { spans, byId, ancestors, sql: spans.filter((s) => s.attributes['db.system.name'] === 'postgresql') };
}

async function traced(query: string, operationName: string) {
  exporter.reset();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
    body: JSON.stringify({ query, operationName }),
  });
  const body: any = await res.json();
  expect(body.errors).toBeUndefined();
  // the request span ends when the response is closed, just after the client has read it
  const deadline = Date.now() + 5000;
  let request: ReadableSpan | undefined;
  while (!(request = exporter.getFinishedSpans().find((s) => s.name === `query ${operationName}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(request).toBeDefined();
  return { body, statements: Number(res.headers.get('x-sql-statements')), request: request!, trace: traceOf(request!) };
}

beforeAll(async () => {
  startTracing({ serviceName: 'litellm-graphql-test', exporter });
  t = await startTestGateway({ config: { jsonReads: false } });
});

afterAll(async () => {
  await t?.close();
  await stopTracing();
});

test('a nested query traces one span per SQL statement, under its level (root resolver or loader batch), under the request span', async () => {
  const { body, statements, request, trace } = await traced(NESTED, 'NestedOrganizations');
  expect(body.data.organizations.nodes.length).toBeGreaterThan(0);
  expect(request.parentSpanContext).toBeUndefined();
  expect(request.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'NestedOrganizations', 'litellm_graphql.sql_statements': statements });

  expect(statements).toBeGreaterThanOrEqual(3);
  expect(trace.sql).toHaveLength(statements);
  for (const sql of trace.sql) {
    const up = trace.ancestors(sql);
    expect(up.at(-1)).toBe(request);
    // a statement's parent is a level: the root field's resolver, or a loader batch (a deeper level)
    expect(String(up[0].name)).toMatch(/^(resolve Query\.organizations|loader .+)$/);
    expect(sql.attributes['db.query.text']).toEqual(expect.any(String));
    expect(sql.attributes['db.operation.name']).toBe('SELECT');
    expect(sql.attributes['db.client.connection.pool.name']).toBe('primary');
  }
  // organizations, teams and members are levels of their own, each with its statements as children
  const root = trace.spans.filter((s) => s.name === 'resolve Query.organizations');
  const loaders = trace.spans.filter((s) => String(s.name).startsWith('loader '));
  expect(root).toHaveLength(1);
  expect(loaders.length).toBeGreaterThanOrEqual(2);
  for (const loader of [...root, ...loaders]) {
    expect(parentOf(loader)).toBe(idOf(request));
    expect(trace.sql.some((s) => parentOf(s) === idOf(loader))).toBe(true);
  }
  // statement texts carry no values: the seeded organizations' ids never appear in them
  for (const org of body.data.organizations.nodes) for (const sql of trace.sql) expect(String(sql.attributes['db.query.text'])).not.toContain(org.id);
});

test("a mutation's transaction, statement by statement, is under its root field's span", async () => {
  exporter.reset();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
    body: JSON.stringify({ query: 'mutation NewTeam($i: CreateTeamInput!) { createTeam(input: $i) { id alias } }', variables: { i: { teamAlias: 'traced-team' } } }),
  });
  const body: any = await res.json();
  expect(body.errors).toBeUndefined();
  const deadline = Date.now() + 5000;
  let request: ReadableSpan | undefined;
  while (!(request = exporter.getFinishedSpans().find((s) => s.name === 'mutation NewTeam')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const trace = traceOf(request!);
  expect(trace.sql).toHaveLength(Number(res.headers.get('x-sql-statements')));
  const resolve = trace.spans.find((s) => s.name === 'resolve Mutation.createTeam')!;
  expect(parentOf(resolve)).toBe(idOf(request!));
  const kinds = trace.sql.filter((s) => parentOf(s) === idOf(resolve)).map((s) => s.attributes['db.operation.name']);
  expect(kinds).toEqual(expect.arrayContaining(['START', 'INSERT', 'COMMIT']));
  for (const sql of trace.sql) expect(String(sql.attributes['db.query.text'])).not.toContain('traced-team');
});

test('a JSON read is one statement straight under the request span', async () => {
  const json = await startTestGateway({ db: t.db, config: { jsonReads: true } });
  try {
    exporter.reset();
    const res = await fetch(`${json.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
      body: JSON.stringify({ query: NESTED }),
    });
    expect((await res.json()).errors).toBeUndefined();
    expect(res.headers.get('x-sql-statements')).toBe('1');
    const deadline = Date.now() + 5000;
    let request: ReadableSpan | undefined;
    while (!(request = exporter.getFinishedSpans().find((s) => s.name === 'query NestedOrganizations')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const trace = traceOf(request!);
    expect(trace.sql).toHaveLength(1);
    expect(parentOf(trace.sql[0])).toBe(idOf(request!));
  } finally {
    await json.close();
  }
});

test("a caller's traceparent makes the request span a child of the caller's span", async () => {
  exporter.reset();
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: 'query Me { viewer { role } }' }),
  });
  expect(res.status).toBe(200);
  const deadline = Date.now() + 5000;
  let request: ReadableSpan | undefined;
  while (!(request = exporter.getFinishedSpans().find((s) => s.name === 'query Me')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(request!.spanContext().traceId).toBe(traceId);
  expect(parentOf(request!)).toBe('00f067aa0ba902b7');
});

test('health probes and metric scrapes make no spans', async () => {
  exporter.reset();
  await (await fetch(`${t.url}/health/readiness`)).text();
  await (await fetch(`${t.url}/metrics`)).text();
  expect(exporter.getFinishedSpans()).toEqual([]);
});

test('with tracing off, batch functions run as they are, unwrapped', async () => {
  await stopTracing();
  expect(tracingEnabled()).toBe(false);
  const batch = async (keys: readonly string[]) => keys;
  expect(tracedBatch('x', batch)).toBe(batch);
  exporter.reset();
  const { statements } = await t.gql(NESTED);
  expect(statements.length).toBeGreaterThan(0);
  expect(exporter.getFinishedSpans()).toEqual([]);
});

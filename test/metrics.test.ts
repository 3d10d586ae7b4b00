import 'reflect-metadata';
import { createDataSource } from '../src/db/data-source';
import { replicaMetrics } from '../src/db/pool-metrics';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ config: { jsonReads: false, metricsMaxOperations: 3 } });
});

afterAll(async () => {
  await t?.close();
});

const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();

/** The value of one series, or undefined when /metrics does not show it. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function run(query: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
    body: JSON.stringify({ query }),
  });
  await res.json();
  return Number(res.headers.get('x-sql-statements'));
}

test('per operation: count, duration histogram and SQL statements', async () => {
  const nested = 'query OrgTeams { organizations(first: 5) { nodes { id teams(first: 5) { nodes { id members(first: 5) { nodes { spend } } } } } } }';
  const statements = (await run(nested)) + (await run(nested));
  await run('{ viewer { role } }');
  const text = await scrape(t.url);
  expect(sample(text, 'litellm_graphql_requests_total{operation="OrgTeams",outcome="ok"}')).toBe(2);
  expect(sample(text, 'litellm_graphql_sql_statements_total{operation="OrgTeams"}')).toBe(statements);
  expect(sample(text, 'litellm_graphql_request_duration_seconds_count{operation="OrgTeams"}')).toBe(2);
  expect(sample(text, 'litellm_graphql_request_duration_seconds_bucket{le="+Inf",operation="OrgTeams"}')).toBe(2);
  expect(sample(text, 'litellm_graphql_requests_total{operation="(anonymous)",outcome="ok"}')).toBe(1);
});

test('operation names past METRICS_MAX_OPERATIONS count as (other)', async () => {
  // OrgTeams took one of the 3 names already
  for (const name of ['A1', 'A2', 'A3', 'A4']) await run(`query ${name} { viewer { role } }`);
  await run('query A1 { viewer { role } }');
  const text = await scrape(t.url);
  expect(sample(text, 'litellm_graphql_requests_total{operation="A1",outcome="ok"}')).toBe(2);
  expect(sample(text, 'litellm_graphql_requests_total{operation="A2",outcome="ok"}')).toBe(1);
  expect(sample(text, 'litellm_graphql_requests_total{operation="A3",outcome="ok"}')).toBeUndefined();
  expect(sample(text, 'litellm_graphql_requests_total{operation="(other)",outcome="ok"}')).toBe(2);
  expect(text).not.toMatch(/operation="A[34]"/);
});

test('per pool: statements, errors, connection wait and connections, labelled with the pool named where it was created', async () => {
  const before = await scrape(t.url);
  const statements = await run('query Keys { keys(first: 3) { nodes { token } } }');
  const after = await scrape(t.url);
  expect(statements).toBeGreaterThan(0);
  // every statement of the operation went through the primary pool, and nothing else ran meanwhile
  expect(sample(after, 'litellm_graphql_pool_statements_total{pool="primary"}')! - sample(before, 'litellm_graphql_pool_statements_total{pool="primary"}')!).toBe(statements);
  expect(sample(after, 'litellm_graphql_pool_wait_seconds_count{pool="primary"}')!).toBeGreaterThan(sample(before, 'litellm_graphql_pool_wait_seconds_count{pool="primary"}')!);
  expect(sample(after, 'litellm_graphql_pool_connections{pool="primary",state="total"}')).toBeGreaterThan(0);
  expect(sample(after, 'litellm_graphql_pool_connections{pool="primary",state="waiting"}')).toBe(0);

  const errorsBefore = sample(after, 'litellm_graphql_pool_errors_total{pool="primary",kind="statement"}') ?? 0;
  await expect(t.db.ds.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
  expect(sample(await scrape(t.url), 'litellm_graphql_pool_errors_total{pool="primary",kind="statement"}')).toBe(errorsBefore + 1);

  const replica = createDataSource({ url: t.db.url, pool: 'replica', poolSize: 1 });
  await replica.initialize();
  try {
    const started = sample(await scrape(t.url), 'litellm_graphql_pool_statements_total{pool="replica"}') ?? 0;
    await replica.query('SELECT 1');
    await replica.query('SELECT 2');
    const text = await scrape(t.url);
    expect(sample(text, 'litellm_graphql_pool_statements_total{pool="replica"}')).toBe(started + 2);
    expect(sample(text, 'litellm_graphql_pool_connections{pool="replica",state="total"}')).toBe(1);
  } finally {
    await replica.destroy();
  }
  expect(await scrape(t.url)).not.toMatch(/litellm_graphql_pool_connections\{pool="replica"/);
});

test('replica lag and fallbacks, as the read routing reports them', async () => {
  replicaMetrics.lag('replica', 0.25);
  replicaMetrics.fallback('replica', 'lagging');
  replicaMetrics.fallback('replica', 'lagging');
  replicaMetrics.fallback('replica', 'read_your_writes');
  let text = await scrape(t.url);
  expect(sample(text, 'litellm_graphql_replica_lag_seconds{pool="replica"}')).toBe(0.25);
  expect(sample(text, 'litellm_graphql_replica_fallbacks_total{pool="replica",reason="lagging"}')).toBe(2);
  expect(sample(text, 'litellm_graphql_replica_fallbacks_total{pool="replica",reason="read_your_writes"}')).toBe(1);
  replicaMetrics.lag('replica', null);
  text = await scrape(t.url);
  expect(sample(text, 'litellm_graphql_replica_lag_seconds{pool="replica"}')).toBeUndefined();
});

import { AddressInfo } from 'node:net';
import pg from 'pg';
import { createFloorServer } from '../bench/floor';
import { measureQuery, measureStarvation, starvationTable, table } from '../bench/measure';
import { prepareContext, QUERIES, RawJson } from '../bench/queries';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';

// A tiny run of the benchmark so it cannot rot: no timing is asserted, only that it runs and agrees.
let t: TestGateway;
let pool: pg.Pool;

beforeAll(async () => {
  t = await startTestGateway();
  pool = new pg.Pool({ connectionString: t.db.url, max: 4 });
  // an idle connection the server drops is replaced on the next query (a query in flight still fails the test)
  pool.on('error', () => undefined);
});
afterAll(async () => {
  await pool.end();
  await t.close();
});

test('every benchmark query runs against the gateway and the floor, with the statement counts of its snapshot', async () => {
  const ctx = await prepareContext(pool);
  const floor = createFloorServer(pool, ctx);
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', () => r()));
  try {
    const target = { gatewayUrl: t.url, floorUrl: `http://127.0.0.1:${(floor.address() as AddressInfo).port}`, key: MASTER_KEY };
    // autocannon takes a second per run: load two queries (one with the virtual key), probe the rest
    const byId = (id: string) => QUERIES.find((q) => q.id === id)!;
    const results = [await measureQuery(byId('Q1V'), ctx, target, 2, 0.3), await measureQuery(byId('Q6'), ctx, target, 2, 0.3)];
    const statements = [];
    for (const q of QUERIES) {
      const { query, variables } = q.graphql(ctx);
      statements.push([q.id, (await t.gql(query, variables)).statements.length]);
    }
    expect(statements).toEqual([['Q1', 1], ['Q1V', 1], ['Q2', 1], ['Q3', 1], ['Q4', 1], ['L1', 1], ['L2', 1], ['L3', 1], ['L4', 1], ['Q5', 1], ['Q6', 1]]);
    for (const r of results) {
      expect(r.gateway.errors).toBe(0);
      expect(r.floor.errors).toBe(0);
      expect(r.gateway.requestsPerSecond).toBeGreaterThan(0);
      expect(r.rows).toBeGreaterThan(0);
    }
    expect(table(results)).toContain('| Q6 generateKey | 1 | 1 |');
    // the floor answers the same data as the gateway
    for (const q of QUERIES.filter((x) => ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'].includes(x.id))) {
      const { query, variables } = q.graphql(ctx);
      const g = await t.gql(query, variables);
      const answer = await q.floor(pool, ctx);
      const f: any = answer instanceof RawJson ? JSON.parse(answer.text) : answer;
      expect(q.rows(g.data)).toBe(q.rows(f));
      // Q2's floor builds the whole answer in one statement: it must be the gateway's answer exactly
      if (q.id === 'Q2') expect(f).toEqual(g.data);
    }
  } finally {
    await new Promise((r) => floor.close(r));
  }
}, 60000);

test('S1, a small read while heavy reports run, runs and answers without errors', async () => {
  const ctx = await prepareContext(pool);
  const target = { gatewayUrl: t.url, floorUrl: '', key: MASTER_KEY };
  const r = await measureStarvation('smoke', target, ctx, 2, 2, 0.3);
  expect([r.alone.errors, r.underLoad.errors, r.heavy.failed, r.heavy.refused]).toEqual([0, 0, 0, 0]);
  expect(r.underLoad.requestsPerSecond).toBeGreaterThan(0);
  expect(r.heavy.completed).toBeGreaterThan(0);
  expect(starvationTable([r])).toContain('| smoke | 2 |');
}, 60000);

import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import pg from 'pg';
import { DEFAULT_LIMITS } from '../../src/config';
import { heavyConcurrency, HeavyReads } from '../../src/db/heavy';
import { createGateway, Gateway } from '../../src/server/app';
import { createLogger } from '../../src/server/log';
import { GqlResult, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { until as waitUntil } from '../helpers/processes';

// Heavy reads (usage sums, spend reports, logs) run under a semaphore, so however many of them are in
// flight, authentication and small reads still find a free connection. No timing is asserted: a test
// transaction holds an ACCESS EXCLUSIVE lock on the table the reports read, so they stay blocked inside
// PostgreSQL for as long as the test decides, and the test looks at who is waiting where.
let t: TestGateway;
let locker: pg.Client;

const REPORT = `{ spendReport(input: { from: "2026-01-01", to: "2026-12-31", groupBy: [MODEL] }) { rows { model spend } } }`;
const TABLE = '"LiteLLM_DailyUserSpend"';

beforeAll(async () => {
  // the test database's pool holds 5 connections; one slot for heavy reads
  t = await startTestGateway({ config: { limits: { ...DEFAULT_LIMITS, heavyReadsConcurrency: 1, heavyReadsMaxWaitMs: 600000 } } });
  locker = new pg.Client({ connectionString: t.db.url });
  await locker.connect();
});
afterAll(async () => {
  await locker.end();
  await t.close();
});

const until = (what: string, condition: () => Promise<boolean> | boolean) => waitUntil(what, condition, 30000, 10);

/** Backends of the gateway's pool waiting for the test's lock. */
async function waitingOnLock(): Promise<number> {
  const { rows } = await locker.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
  );
  return rows[0].n;
}

function track(p: Promise<GqlResult>) {
  const state = { settled: false, result: undefined as GqlResult | undefined };
  p.then((r) => {
    state.settled = true;
    state.result = r;
  });
  return { state, promise: p };
}

test('with every heavy slot blocked and five more heavy reads queued, keys(first: 1) and authentication still run', async () => {
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
  let heavy: ReturnType<typeof track>[] = [];
  try {
    heavy = Array.from({ length: 6 }, () => track(t.gql(REPORT)));
    // one report is inside PostgreSQL waiting for the lock, five wait for the semaphore, none for the pool
    await until('one report blocked in PostgreSQL and five queued', async () => t.gateway.heavy.waiting === 5 && (await waitingOnLock()) === 1);
    expect(t.gateway.heavy.active).toBe(1);

    const small = await t.gql(`{ keys(first: 1) { nodes { token } } }`);
    expect(small.errors).toBeUndefined();
    expect(small.data.keys.nodes).toHaveLength(1);
    // a virtual key authenticates through the database too
    const user = t.seed!.principals.find((p) => p.role === 'internal_user')!;
    const viewer = await t.gql(`{ viewer { role } }`, {}, user.rawKey);
    expect(viewer.errors).toBeUndefined();

    // …while every heavy read is still where it was
    expect(heavy.map((h) => h.state.settled)).toEqual([false, false, false, false, false, false]);
    expect(t.gateway.heavy.waiting).toBe(5);
    expect(await waitingOnLock()).toBe(1);
  } finally {
    await locker.query('COMMIT');
  }
  const done = await Promise.all(heavy.map((h) => h.promise));
  for (const r of done) {
    expect(r.errors).toBeUndefined();
    expect(r.data.spendReport.rows.length).toBeGreaterThan(0);
  }
  expect([t.gateway.heavy.active, t.gateway.heavy.waiting]).toEqual([0, 0]);
});

test('usage sums and log pages take the same slots', async () => {
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
  let blocked: ReturnType<typeof track> | undefined;
  let queued: ReturnType<typeof track>[] = [];
  try {
    blocked = track(t.gql(REPORT));
    await until('the report blocked in PostgreSQL', async () => (await waitingOnLock()) === 1);
    queued = [
      track(t.gql(`{ teams(first: 5) { nodes { usage(from: "2026-01-01", to: "2026-01-31") { spend } } } }`)),
      track(t.gql(`{ auditLogs(first: 1) { nodes { id } } }`)),
      track(t.gql(`{ errorLogs(first: 1) { nodes { requestId } } }`)),
      track(t.gql(`{ spendLogs(first: 1, filter: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }) { nodes { requestId } } }`)),
    ];
    await until('the other heavy reads queued', () => t.gateway.heavy.waiting === 4);
    expect((await t.gql(`{ teams(first: 1) { nodes { id } } }`)).errors).toBeUndefined();
    expect([blocked, ...queued].map((h) => h.state.settled)).toEqual([false, false, false, false, false]);
  } finally {
    await locker.query('COMMIT');
  }
  for (const r of await Promise.all([blocked!, ...queued].map((h) => h.promise))) expect(r.errors).toBeUndefined();
});

test('a report on one team over a short window waits for a heavy-read slot like any other: aliases cannot multiply it past the bound', async () => {
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
  const [team] = await t.db.ds.query(`SELECT team_id, max(date) AS last FROM "LiteLLM_DailyTeamSpend" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const from = new Date(Date.parse(`${team.last}T00:00:00Z`) - 6 * 86400000).toISOString().slice(0, 10);
  let blocked: ReturnType<typeof track> | undefined;
  let small: ReturnType<typeof track> | undefined;
  try {
    blocked = track(t.gql(REPORT));
    await until('the report blocked in PostgreSQL', async () => (await waitingOnLock()) === 1);
    small = track(
      t.gql(`query($i: SpendReportInput!) { a: spendReport(input: $i) { rows { day spend } } b: spendReport(input: $i) { rows { day spend } } }`, {
        i: { from, to: team.last, groupBy: ['DAY'], filter: { teams: [team.team_id] } },
      }),
    );
    // a master key's plain reports are one JSON read (src/graphql/json-read.ts): one statement, one slot
    await until('both team reports queued, as one statement', () => t.gateway.heavy.waiting === 1);
    expect(small.state.settled).toBe(false);
  } finally {
    await locker.query('COMMIT');
  }
  for (const r of await Promise.all([blocked!, small!].map((h) => h.promise))) expect(r.errors).toBeUndefined();
  expect((await small!.promise).data.a.rows.length).toBeGreaterThan(0);
});

test('a heavy read that waits longer than HEAVY_READS_MAX_WAIT_MS gets SERVICE_UNAVAILABLE (503) and a clear message', async () => {
  // a second gateway over the same database, whose heavy reads give up after 200 ms in the queue
  const gateway: Gateway = await createGateway({
    ds: t.db.ds,
    config: { ...t.config, limits: { ...t.config.limits, heavyReadsConcurrency: 1, heavyReadsMaxWaitMs: 200 } },
    log: createLogger('error', () => {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const post = async () => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
      body: JSON.stringify({ query: REPORT }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
  try {
    const first = post();
    await until('the first report blocked in PostgreSQL', async () => (await waitingOnLock()) === 1);
    // the request waits for a slot once: its JSON read is refused, and the resolvers report that refusal
    const heavy = gateway.heavy as unknown as { acquire: () => Promise<void> };
    const acquire = heavy.acquire.bind(heavy);
    let waits = 0;
    heavy.acquire = () => {
      waits++;
      return acquire();
    };
    const second = await post();
    expect(waits).toBe(1);
    expect(second.status).toBe(503);
    expect(second.body.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(second.body.errors[0].message).toMatch(/busy with heavy reads.*HEAVY_READS_CONCURRENCY/);
    await locker.query('COMMIT');
    expect((await first).body.errors).toBeUndefined();
  } finally {
    await locker.query('ROLLBACK').catch(() => {});
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await gateway.stop();
  }
});

describe('the semaphore', () => {
  test('defaults to half the pool, at least one; HEAVY_READS_CONCURRENCY overrides', () => {
    expect(heavyConcurrency(0, 10)).toBe(5);
    expect(heavyConcurrency(0, 5)).toBe(2);
    expect(heavyConcurrency(0, 1)).toBe(1);
    expect(heavyConcurrency(3, 10)).toBe(3);
  });

  test('grants slots in arrival order and frees a slot when its work fails', async () => {
    const sem = new HeavyReads(1, 600000);
    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const a = sem.run(async () => {
      await gate;
      order.push('a');
      throw new Error('boom');
    });
    const b = sem.run(async () => order.push('b'));
    const c = sem.run(async () => order.push('c'));
    expect([sem.active, sem.waiting]).toEqual([1, 2]);
    open();
    await expect(a).rejects.toThrow('boom');
    await Promise.all([b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect([sem.active, sem.waiting]).toEqual([0, 0]);
  });

  test('a waiter that times out leaves the queue and the slot count intact', async () => {
    const sem = new HeavyReads(1, 20);
    let open!: () => void;
    const held = sem.run(() => new Promise<void>((r) => (open = r)));
    const late = sem.run(async () => 'never');
    await expect(late).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect([sem.active, sem.waiting]).toEqual([1, 0]);
    open();
    await held;
    expect(await sem.run(async () => 'next')).toBe('next');
    expect([sem.active, sem.waiting]).toEqual([0, 0]);
  });
});

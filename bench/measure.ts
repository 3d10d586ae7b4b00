import fs from 'node:fs';
import autocannon from 'autocannon';
import { BenchContext, BenchQuery, STARVATION } from './queries';

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU per answered request, in ms: the serving Node process, and every PostgreSQL process together */
  nodeCpuMs?: number;
  postgresCpuMs?: number;
}

const TICK_MS = 10; // /proc CPU times are in clock ticks (USER_HZ = 100 on Linux)

/** user + system CPU of a process, in ms, from /proc/<pid>/stat; with its reaped children's when asked */
function cpuMs(pid: number, withChildren = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const children = withChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (Number(fields[11]) + Number(fields[12]) + children) * TICK_MS;
  } catch {
    return 0;
  }
}

/**
 * CPU of every process named postgres on this machine (the database the bench runs against), in ms; a
 * backend that exits moves its CPU into the postmaster's children's time, which is counted too
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(pid), true);
    } catch {
      // gone already
    }
  }
  return total;
}

/** `load`, with the CPU the serving process and PostgreSQL spent per answered request */
export async function loadWithCpu(pid: number | undefined, url: string, body: string, headers: Record<string, string>, connections: number, seconds: number): Promise<Figures> {
  const before = { node: pid ? cpuMs(pid) : 0, pg: postgresCpuMs() };
  const started = Date.now();
  const f = await load(url, body, headers, connections, seconds);
  const requests = (f.requestsPerSecond * (Date.now() - started)) / 1000;
  if (!pid || requests < 1) return f;
  return { ...f, nodeCpuMs: Math.round(((cpuMs(pid) - before.node) / requests) * 10) / 10, postgresCpuMs: Math.round(((postgresCpuMs() - before.pg) / requests) * 10) / 10 };
}

export interface QueryResult {
  id: string;
  title: string;
  statements: number;
  rows: number;
  gateway: Figures;
  floor: Figures;
  ratio: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Fixed concurrency for a fixed time (under a second: a few requests, for smoke runs); every response time is kept, so p95 is exact. */
export function load(url: string, body: string, headers: Record<string, string>, connections: number, seconds: number, amount = connections * 5): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bad = 0;
    const span = seconds >= 1 ? { duration: seconds } : { amount };
    // a slow answer is a figure, not a failure: no request is abandoned while the database still works on it
    const instance = autocannon({ url, connections, ...span, timeout: 300, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }, (err, result) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      resolve({
        requestsPerSecond: Math.round((result.requests.total / Math.max(result.duration, 1e-3)) * 10) / 10,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        errors: bad + result.errors + result.timeouts,
      });
    });
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      times.push(Math.round(ms * 10) / 10);
      if (status !== 200) bad++;
    });
  });
}

export interface Target {
  gatewayUrl: string;
  floorUrl: string;
  key: string;
  gatewayPid?: number;
  floorPid?: number;
  /** waits until the database is idle, so one run's leftovers do not slow the next */
  settle?: () => Promise<void>;
}

/** One query: a probe for correctness, statements and rows, then the gateway and the floor under the same load. */
export async function measureQuery(q: BenchQuery, ctx: BenchContext, target: Target, connections: number, seconds: number): Promise<QueryResult> {
  const { query, variables } = q.graphql(ctx);
  const body = JSON.stringify({ query, variables });
  const headers = { authorization: `Bearer ${q.virtualKey ? ctx.virtualKey : target.key}` };
  const probeStarted = Date.now();
  const probe = await fetch(`${target.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer: any = await probe.json();
  const probeMs = Date.now() - probeStarted;
  if (answer.errors) throw new Error(`${q.id}: ${JSON.stringify(answer.errors)}`);
  const statements = Number(probe.headers.get('x-sql-statements'));
  await target.settle?.();
  // an unmeasured load first, so both sides are measured with their code optimized by the JIT: two seconds
  // of a fast query, one round of a slow one (a timed load would leave slow requests running into the next)
  const slow = probeMs > 100;
  const warmUp = (url: string, b: string, h: Record<string, string>) => (slow ? load(url, b, h, connections, 0, connections) : load(url, b, h, connections, Math.min(2, seconds / 5)));
  await warmUp(`${target.gatewayUrl}/graphql`, body, headers);
  await target.settle?.();
  const gateway = await loadWithCpu(target.gatewayPid, `${target.gatewayUrl}/graphql`, body, headers, connections, seconds);
  await target.settle?.();
  await warmUp(`${target.floorUrl}/${q.id}`, '{}', {});
  await target.settle?.();
  const floor = await loadWithCpu(target.floorPid, `${target.floorUrl}/${q.id}`, '{}', {}, connections, seconds);
  return {
    id: q.id,
    title: q.title,
    statements,
    rows: q.rows(answer.data),
    gateway,
    floor,
    ratio: floor.requestsPerSecond ? Math.round((gateway.requestsPerSecond / floor.requestsPerSecond) * 100) / 100 : 0,
  };
}

export function table(results: QueryResult[]): string {
  const lines = [
    '| query | SQL statements | rows | gateway req/s | p50 / p95 / p99 ms | CPU ms per request: Node / PostgreSQL | floor req/s | floor p50 / p95 / p99 ms | floor CPU ms: Node / PostgreSQL | gateway / floor |',
    '|---|---:|---:|---:|---|---|---:|---|---|---:|',
  ];
  const cpu = (f: Figures) => (f.nodeCpuMs === undefined ? '–' : `${f.nodeCpuMs} / ${f.postgresCpuMs}`);
  for (const r of results)
    lines.push(
      `| ${r.id} ${r.title} | ${r.statements} | ${r.rows} | ${r.gateway.requestsPerSecond} | ${r.gateway.p50} / ${r.gateway.p95} / ${r.gateway.p99} | ${cpu(r.gateway)} | ${r.floor.requestsPerSecond} | ${r.floor.p50} / ${r.floor.p95} / ${r.floor.p99} | ${cpu(r.floor)} | ${r.ratio} |`,
    );
  return lines.join('\n');
}

export interface StarvationResult {
  label: string;
  heavyClients: number;
  /** the probe with nothing else running */
  alone: Figures;
  /** the probe while every heavy client keeps a report in flight */
  underLoad: Figures;
  heavy: { completed: number; refused: number; failed: number; p50: number };
}

async function post(url: string, body: string, key: string): Promise<{ status: number; answer: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
  return { status: res.status, answer: await res.json() };
}

/**
 * S1: can a small read still get through while heavy reads run? The probe (`keys(first: 1)`) is loaded
 * alone, then again while `heavyClients` clients each send one heavy report after another.
 */
export async function measureStarvation(label: string, target: Target, ctx: BenchContext, heavyClients: number, connections: number, seconds: number): Promise<StarvationResult> {
  const url = `${target.gatewayUrl}/graphql`;
  const probe = JSON.stringify(STARVATION.probe);
  const heavyBody = JSON.stringify(STARVATION.heavy(ctx));
  for (const body of [probe, heavyBody]) {
    const { answer } = await post(url, body, target.key);
    if (answer.errors) throw new Error(`S1 (${label}): ${JSON.stringify(answer.errors)}`);
  }
  const headers = { authorization: `Bearer ${target.key}` };
  await target.settle?.();
  const alone = await load(url, probe, headers, connections, seconds);
  await target.settle?.();

  let running = true;
  const times: number[] = [];
  let refused = 0;
  let failed = 0;
  const clients = Array.from({ length: heavyClients }, async () => {
    while (running) {
      const started = performance.now();
      try {
        const { status, answer } = await post(url, heavyBody, target.key);
        if (status === 503) refused++;
        else if (answer.errors) failed++;
        else times.push(performance.now() - started);
      } catch {
        failed++;
      }
    }
  });
  // every heavy client has its first report in the gateway before the probe starts
  await new Promise((r) => setTimeout(r, Math.min(1000, seconds * 1000)));
  const underLoad = await load(url, probe, headers, connections, seconds);
  running = false;
  await Promise.all(clients);
  times.sort((a, b) => a - b);
  return { label, heavyClients, alone, underLoad, heavy: { completed: times.length, refused, failed, p50: Math.round(percentile(times, 50)) } };
}

export function starvationTable(results: StarvationResult[]): string {
  const lines = [
    '| gateway | heavy reports in flight | keys(first: 1) alone p50 / p95 / p99 ms | keys(first: 1) under load p50 / p95 / p99 ms | probe req/s under load | heavy reports done (p50 ms) | heavy refused (503) / failed |',
    '|---|---:|---|---|---:|---:|---:|',
  ];
  for (const r of results)
    lines.push(
      `| ${r.label} | ${r.heavyClients} | ${r.alone.p50} / ${r.alone.p95} / ${r.alone.p99} | ${r.underLoad.p50} / ${r.underLoad.p95} / ${r.underLoad.p99} | ${r.underLoad.requestsPerSecond} | ${r.heavy.completed} (${r.heavy.p50}) | ${r.heavy.refused} / ${r.heavy.failed} |`,
    );
  return lines.join('\n');
}

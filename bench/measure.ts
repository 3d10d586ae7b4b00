import autocannon from 'autocannon';
import { BenchContext, BenchQuery } from './queries';

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
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
export function load(url: string, body: string, headers: Record<string, string>, connections: number, seconds: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    let bad = 0;
    const span = seconds >= 1 ? { duration: seconds } : { amount: connections * 5 };
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
  /** waits until the database is idle, so one run's leftovers do not slow the next */
  settle?: () => Promise<void>;
}

/** One query: a probe for correctness, statements and rows, then the gateway and the floor under the same load. */
export async function measureQuery(q: BenchQuery, ctx: BenchContext, target: Target, connections: number, seconds: number): Promise<QueryResult> {
  const { query, variables } = q.graphql(ctx);
  const body = JSON.stringify({ query, variables });
  const headers = { authorization: `Bearer ${target.key}` };
  const probe = await fetch(`${target.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer: any = await probe.json();
  if (answer.errors) throw new Error(`${q.id}: ${JSON.stringify(answer.errors)}`);
  const statements = Number(probe.headers.get('x-sql-statements'));
  await target.settle?.();
  const gateway = await load(`${target.gatewayUrl}/graphql`, body, headers, connections, seconds);
  await target.settle?.();
  const floor = await load(`${target.floorUrl}/${q.id}`, '{}', {}, connections, seconds);
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
    '| query | SQL statements | rows | gateway req/s | p50 / p95 / p99 ms | floor req/s | floor p50 / p95 / p99 ms | gateway / floor |',
    '|---|---:|---:|---:|---|---:|---|---:|',
  ];
  for (const r of results)
    lines.push(
      `| ${r.id} ${r.title} | ${r.statements} | ${r.rows} | ${r.gateway.requestsPerSecond} | ${r.gateway.p50} / ${r.gateway.p95} / ${r.gateway.p99} | ${r.floor.requestsPerSecond} | ${r.floor.p50} / ${r.floor.p95} / ${r.floor.p99} | ${r.ratio} |`,
    );
  return lines.join('\n');
}

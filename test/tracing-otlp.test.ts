import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, TestDatabase } from './helpers/db';
import { MASTER_KEY } from './helpers/gateway';
import { until } from './helpers/processes';

const MAIN = path.resolve(__dirname, '../dist/src/main.js');

let db: TestDatabase;
let collector: Server;
let collectorUrl: string;
const received: { path: string; body: any }[] = [];
// reports at exit how many modules of the OpenTelemetry SDK the process loaded (prom-client loads the
// no-op @opentelemetry/api itself, for exemplars)
const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'otel-probe-')), 'probe.js');

beforeAll(async () => {
  db = await freshDatabase();
  fs.writeFileSync(probe, `process.on('exit', () => process.stderr.write('otel modules: ' + Object.keys(require.cache).filter((k) => /@opentelemetry\\/(?!api\\/)/.test(k)).length + '\\n'));\n`);
  collector = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => collector?.close(r));
  await db?.drop();
  fs.rmSync(path.dirname(probe), { recursive: true, force: true });
});

/** `serve` as a user runs it: one operation, then SIGTERM; its stderr and exit code. */
async function serveOnce(env: Record<string, string>): Promise<{ code: number | null; stderr: string; statements: number }> {
  const proc: ChildProcess = spawn(process.execPath, ['-r', probe, MAIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', BUDGET_RESET_INTERVAL_SECONDS: '0', LOG_LEVEL: 'info', DATABASE_URL: db.url, LITELLM_MASTER_KEY: MASTER_KEY, PORT: '0', HOST: '127.0.0.1', LITELLM_GRAPHQL_JSON_READS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (c) => (stdout += c));
  proc.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((r) => proc.on('exit', r));
  await until('the gateway serves', () => /"msg":"serving"/.test(stdout) || proc.exitCode !== null);
  const url = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(stdout)?.[1];
  expect(url).toBeDefined();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
    body: JSON.stringify({ query: 'query OrgTeams { organizations(first: 5) { nodes { id teams(first: 5) { nodes { id } } } } }' }),
  });
  expect((await res.json()).errors).toBeUndefined();
  proc.kill('SIGTERM');
  return { code: await exited, stderr, statements: Number(res.headers.get('x-sql-statements')) };
}

test('with OTEL_EXPORTER_OTLP_ENDPOINT set, serve exports the request and its SQL spans by OTLP/HTTP, the last ones at shutdown', async () => {
  const { code, stderr, statements } = await serveOnce({ OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_SERVICE_NAME: 'gateway-under-test' });
  expect(code).toBe(0);
  expect(stderr).not.toMatch(/otel modules: 0\n/);
  expect(received.length).toBeGreaterThan(0);
  expect(new Set(received.map((r) => r.path))).toEqual(new Set(['/v1/traces']));
  const resourceSpans = received.flatMap((r) => r.body.resourceSpans);
  expect(resourceSpans[0].resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'gateway-under-test' } });
  const spans = resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans));
  const request = spans.find((s: any) => s.name === 'query OrgTeams');
  expect(request).toBeDefined();
  const sql = spans.filter((s: any) => s.traceId === request.traceId && s.attributes.some((a: any) => a.key === 'db.system.name'));
  expect(sql).toHaveLength(statements);
});

test('without it, serve loads no module of the OpenTelemetry SDK', async () => {
  const before = received.length;
  const { code, stderr } = await serveOnce({});
  expect(code).toBe(0);
  expect(stderr).toMatch(/otel modules: 0\n/);
  expect(received.length).toBe(before);
});

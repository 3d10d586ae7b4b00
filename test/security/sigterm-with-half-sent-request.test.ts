import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, TestDatabase } from '../helpers/db';
import { MASTER_KEY } from '../helpers/gateway';

// The built server, as production runs it (test/global-setup.js builds it). Bounds below are generous "does not hang" limits: Node's own
// defaults (headersTimeout 60 s, requestTimeout 300 s, checked every 30 s) would keep these sockets far longer.
const ROOT = path.resolve(__dirname, '../..');
const DOES_NOT_HANG_MS = 20000;

let db: TestDatabase;
const running = new Set<ChildProcess>();

beforeEach(async () => {
  db = await freshDatabase();
}, 60000);

afterEach(async () => {
  for (const p of running) p.kill('SIGKILL');
  running.clear();
  await db.drop();
});

interface Served {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      DATABASE_URL: db.url,
      LITELLM_MASTER_KEY: MASTER_KEY,
      PORT: '0',
      HOST: '127.0.0.1',
      BUDGET_RESET_INTERVAL_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const serving = out.split('\n').find((l) => l.includes('"msg":"serving"'));
      if (serving) resolve(Number(new URL(JSON.parse(serving).url).port));
    };
    proc.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`the server exited before serving:\n${out}`)));
  });
  return { proc, port, output: () => out, exited };
}

function halfSent(port: number, text: string): Promise<{ socket: net.Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(text);
      let received = '';
      socket.on('data', (c) => (received += c));
      const closed = new Promise<string>((r) => socket.on('close', () => r(received)));
      resolve({ socket, closed });
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const HALF_HEADERS = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Slow: ';
const HALF_BODY = 'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"query":"{ viewer';

async function liveness(port: number) {
  return (await fetch(`http://127.0.0.1:${port}/health/liveness`)).status;
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]);
}

test('SIGTERM: the server exits with code 0 after the grace period while clients hold half-sent requests', async () => {
  const s = await serve({ SHUTDOWN_GRACE_MS: '1000' });
  const headers = await halfSent(s.port, HALF_HEADERS);
  const body = await halfSent(s.port, HALF_BODY);
  // a full round trip after the partial writes: the server has read them
  expect(await liveness(s.port)).toBe(200);
  expect(headers.socket.destroyed || body.socket.destroyed).toBe(false);

  s.proc.kill('SIGTERM');
  const exit = await within(s.exited, DOES_NOT_HANG_MS, 'exit after SIGTERM');
  expect(exit).toEqual({ code: 0, signal: null });
  expect(s.output()).toMatch(/"msg":"grace period over/);
  expect(s.output()).toMatch(/"msg":"stopped"/);
  await within(Promise.all([headers.closed, body.closed]), DOES_NOT_HANG_MS, 'the server closing the half-sent requests');
}, 60000);

test('SIGTERM with the embedded PostgreSQL: the same grace period, then the database stops with the server', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-sigterm-'));
  fs.chmodSync(dataDir, 0o755);
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  try {
    const s = await serve({ DATABASE_URL: '', LITELLM_GRAPHQL_DATA_DIR: path.join(dataDir, 'pg'), LITELLM_GRAPHQL_DEMO_DATA: 'false', SHUTDOWN_GRACE_MS: '1000' });
    const headers = await halfSent(s.port, HALF_HEADERS);
    expect(await liveness(s.port)).toBe(200);
    expect(fs.existsSync(pidFile)).toBe(true);

    s.proc.kill('SIGTERM');
    const exit = await within(s.exited, DOES_NOT_HANG_MS, 'exit after SIGTERM');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(s.output()).toMatch(/"msg":"grace period over/);
    await within(headers.closed, DOES_NOT_HANG_MS, 'the server closing the half-sent request');
    expect(fs.existsSync(pidFile)).toBe(false);
  } finally {
    // a server killed by the test leaves its PostgreSQL behind: stop that one (its pid is in its own data folder)
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid) process.kill(pid, 'SIGINT');
    } else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 90000);

test('half-sent requests are cut off by the HTTP timeouts without any signal', async () => {
  const s = await serve({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
  const headers = await halfSent(s.port, HALF_HEADERS);
  const body = await halfSent(s.port, HALF_BODY);
  const [h, b] = await within(Promise.all([headers.closed, body.closed]), DOES_NOT_HANG_MS, 'the server closing the half-sent requests');
  expect(h).toMatch(/^HTTP\/1\.1 408/);
  expect(b).toMatch(/^HTTP\/1\.1 408/);
  expect(await liveness(s.port)).toBe(200);
}, 60000);

import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postmasterOf, until } from './helpers/processes';

// `npm start` with LITELLM_GRAPHQL_WORKERS=2 on the embedded demo: one primary process owns the embedded
// PostgreSQL and two workers serve the port; a worker that dies is replaced, SIGTERM stops them all.
const MAIN = path.resolve(__dirname, '../dist/src/main.js');
let root: string;
let primary: ChildProcess | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-workers-'));
  fs.chmodSync(root, 0o755);
});
afterAll(() => {
  if (primary?.exitCode === null) primary.kill('SIGKILL');
  const pid = postmasterOf(dataDir());
  if (pid) process.kill(pid, 'SIGQUIT');
  fs.rmSync(root, { recursive: true, force: true });
});

const dataDir = () => path.join(root, 'data');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('two workers serve requests, a killed worker is replaced, SIGTERM stops the workers and then PostgreSQL', async () => {
  primary = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      LITELLM_GRAPHQL_DATA_DIR: dataDir(),
      LITELLM_GRAPHQL_WORKERS: '2',
      LITELLM_GRAPHQL_DEMO_DATA: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      BUDGET_RESET_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  primary.stdout!.on('data', (c) => (out += c));
  primary.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => primary!.on('exit', (code) => r(code)));
  const lines = (msg: string) => out.split('\n').filter((l) => l.includes(`"msg":"${msg}"`)).map((l) => JSON.parse(l));
  const serving = () => lines('serving');

  await until('two workers serve', () => serving().length === 2, 120000);
  const [first, second] = serving();
  expect(first.pid).not.toBe(second.pid);
  expect(first.pid).not.toBe(primary.pid);
  expect(first.url).toBe(second.url);
  const url = first.url.replace('localhost', '127.0.0.1');
  const ask = async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-1234' }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
    return { status: res.status, body: (await res.json()) as any };
  };
  for (const r of await Promise.all(Array.from({ length: 20 }, ask))) expect(r).toEqual({ status: 200, body: { data: { viewer: { role: 'proxy_admin' } } } });
  expect(lines('no DATABASE_URL: starting the embedded PostgreSQL')).toHaveLength(1);
  const pgPid = postmasterOf(dataDir());
  expect(pgPid).not.toBeNull();

  process.kill(first.pid, 'SIGKILL');
  await until('a new worker replaces the killed one', () => serving().length === 3, 60000);
  expect(lines('worker died: starting another')).toHaveLength(1);
  const third = serving()[2];
  expect([first.pid, second.pid]).not.toContain(third.pid);
  expect((await ask()).status).toBe(200);
  expect(postmasterOf(dataDir())).toBe(pgPid);

  primary.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(lines('stopped').length).toBe(3);
  expect(alive(second.pid)).toBe(false);
  expect(alive(third.pid)).toBe(false);
  expect(postmasterOf(dataDir())).toBeNull();
}, 240000);

test('Ctrl-C (SIGINT to the whole process group): each worker stops once, then the primary stops PostgreSQL', async () => {
  // a process group of its own, as a shell gives the command it runs in the foreground
  primary = spawn(process.execPath, [MAIN, 'serve'], {
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      LITELLM_GRAPHQL_DATA_DIR: dataDir(),
      WEB_CONCURRENCY: '2',
      LITELLM_GRAPHQL_DEMO_DATA: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      BUDGET_RESET_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  primary.stdout!.on('data', (c) => (out += c));
  primary.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => primary!.on('exit', (code) => r(code)));
  await until('two workers serve', () => (out.match(/"msg":"serving"/g) ?? []).length === 2, 120000);
  process.kill(-primary.pid!, 'SIGINT');
  expect(await exited).toBe(0);
  expect(out).not.toMatch(/second signal|worker died/);
  expect((out.match(/"msg":"stopped"/g) ?? []).length).toBe(3);
  expect(postmasterOf(dataDir())).toBeNull();
}, 240000);

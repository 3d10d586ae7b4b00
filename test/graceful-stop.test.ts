import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postmasterOf, until } from './helpers/processes';

// `npm start` on the embedded demo, stopped with Ctrl-C: the terminal signals the whole foreground process
// group. The server finishes the request in flight, logs "stopped" and only then stops its PostgreSQL.
const MAIN = path.resolve(__dirname, '../dist/src/main.js');
let root: string;
let server: ChildProcess | undefined;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-stop-'));
  fs.chmodSync(root, 0o755);
});
afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  const pid = postmaster();
  if (pid) process.kill(pid, 'SIGQUIT');
  fs.rmSync(root, { recursive: true, force: true });
});

const dataDir = () => path.join(root, 'data');
const postmaster = () => postmasterOf(dataDir());

test('Ctrl-C: the request in flight is answered, "stopped" is logged, then PostgreSQL stops', async () => {
  // a process group of its own, as a shell gives the command it runs in the foreground
  server = spawn(process.execPath, [MAIN, 'serve'], {
    detached: true,
    env: { PATH: process.env.PATH ?? '', LITELLM_GRAPHQL_DATA_DIR: dataDir(), PORT: '0', HOST: '127.0.0.1', BUDGET_RESET_INTERVAL_SECONDS: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  server.stdout!.on('data', (c) => (out += c));
  server.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => server!.on('exit', (code) => r(code)));
  await until('the server serves', () => /"msg":"serving"/.test(out), 120000);
  const url = JSON.parse(out.split('\n').find((l) => l.includes('"msg":"serving"'))!).url.replace('localhost', '127.0.0.1');
  const pgPid = postmaster()!;
  const port = Number(fs.readFileSync(path.join(dataDir(), 'postmaster.pid'), 'utf8').split('\n')[3]);

  // hold the table the request reads, so the request is still in flight when the signal comes
  const locker = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'litellm' });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE "LiteLLM_OrganizationTable" IN ACCESS EXCLUSIVE MODE');
  const request = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-1234' }, body: JSON.stringify({ query: '{ organizations { nodes { alias } } }' }) });
  await until('the request waits for the lock', async () => (await locker.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n === 1);

  process.kill(-server.pid!, 'SIGINT');
  await until('the server is shutting down', () => /"msg":"shutting down"/.test(out));
  expect(postmaster()).toBe(pgPid);
  await locker.query('COMMIT');
  await locker.end();

  const res = await request;
  expect(res.status).toBe(200);
  expect(((await res.json()) as any).data.organizations.nodes.length).toBeGreaterThan(0);
  expect(await exited).toBe(0);
  expect(out).toMatch(/"msg":"stopped"/);
  expect(postmaster()).toBeNull();
}, 180000);

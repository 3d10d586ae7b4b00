import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postmasterOf, until } from './helpers/processes';

// A second command on the same data folder (schema-check, seed, a second npm start) uses the embedded
// PostgreSQL and leaves it running; only the process that started it stops it, and that process starts it
// again when it goes away. Each command is a real process, as in use.
const CLI = path.join(__dirname, 'helpers/embedded-pg-cli.js');
let root: string;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-owner-'));
  // as root the embedded PostgreSQL runs as the user postgres, who must reach the folder
  fs.chmodSync(root, 0o755);
  dataDir = path.join(root, 'pg');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const pid = postmaster();
  if (pid) process.kill(pid, 'SIGQUIT');
  fs.rmSync(root, { recursive: true, force: true });
});

function command(mode: 'hold' | 'once'): { child: ChildProcess; ready: Promise<{ url: string; owned: boolean }>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, mode, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<{ url: string; owned: boolean }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
    child.on('exit', (code) => reject(new Error(`${mode} exited with ${code} before it was ready: ${err}`)));
  });
  return { child, ready, exited };
}

const postmaster = () => postmasterOf(dataDir);

async function answers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

test('a second command leaves the PostgreSQL it did not start running; the owner starts it again when it goes away, and stops it', async () => {
  const owner = command('hold');
  const { url, owned } = await owner.ready;
  expect(owned).toBe(true);
  const first = postmaster();
  expect(first).not.toBeNull();

  // schema-check, seed, a second npm start: they use it and end
  const second = command('once');
  expect((await second.ready).owned).toBe(false);
  expect(await second.exited).toBe(0);
  expect(postmaster()).toBe(first);
  expect(await answers(url)).toBe(true);

  // someone stops it anyway: the owner starts it again on the same port
  process.kill(first!, 'SIGINT');
  await until('the old server gone', () => postmaster() !== first);
  await until('the owner restarted it', () => answers(url));
  expect(postmaster()).not.toBe(first);

  // the owner stops it when it ends
  owner.child.kill('SIGTERM');
  expect(await owner.exited).toBe(0);
  expect(postmaster()).toBeNull();
}, 120000);

test('a server whose owner was killed is adopted by the next command, which stops it when it ends', async () => {
  const owner = command('hold');
  const { url } = await owner.ready;
  owner.child.kill('SIGKILL');
  await owner.exited;
  expect(await answers(url)).toBe(true);
  const next = command('once');
  expect((await next.ready).owned).toBe(true);
  expect(await next.exited).toBe(0);
  expect(postmaster()).toBeNull();
}, 120000);

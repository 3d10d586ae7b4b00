import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type pg from 'pg';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { method: url.includes('/Q') ? 'POST' : 'GET' });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** Peak resident memory of a process (VmHWM), in MB. */
export function peakMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}


/** Waits (up to two minutes) until none of these servers runs a query of its database: one run's leftovers must not slow the next. */
export async function settled(pools: pg.Pool[]): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const busy = await Promise.all(
      pools.map(async (p) => (await p.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`)).rows[0].n),
    );
    if (busy.every((n) => n === 0)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

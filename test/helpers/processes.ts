import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// the built command line (test/global-setup.js builds it)
const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

/** Runs the command line as a user runs it, stopping it with SIGTERM once its stdout matches stopWhen. */
export function runMain(args: string[], env: Record<string, string>, stopWhen?: RegExp): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [MAIN, ...args], {
      env: { PATH: process.env.PATH ?? '', BUDGET_RESET_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', DB_CONNECT_TIMEOUT_MS: '3000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => {
      stdout += c;
      if (stopWhen?.test(stdout)) proc.kill('SIGTERM');
    });
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

/** Waits until `condition` holds, checking every `everyMs`; fails naming what never happened. */
export async function until(what: string, condition: () => Promise<boolean> | boolean, ms = 30000, everyMs = 100): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`never happened: ${what}`);
}

/** The pid of the PostgreSQL running in a cluster folder (from its lock file), or null. */
export function postmasterOf(clusterDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

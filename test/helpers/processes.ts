import fs from 'node:fs';
import path from 'node:path';

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

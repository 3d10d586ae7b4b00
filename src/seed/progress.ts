export interface Progress {
  tick(rows: number): void;
  done(): { rows: number; seconds: number; rowsPerSecond: number };
}

/** A one-line progress bar on stderr (a line per 10% when stderr is not a terminal). */
export function progress(label: string, total: number, quiet = false): Progress {
  const started = process.hrtime.bigint();
  let rows = 0;
  let lastDecile = -1;
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  const draw = (final: boolean) => {
    if (quiet) return;
    const pct = total ? Math.min(1, rows / total) : 1;
    const rate = Math.round(rows / Math.max(seconds(), 1e-3));
    const bar = '#'.repeat(Math.round(pct * 20)).padEnd(20, '.');
    const line = `${label.padEnd(34)} [${bar}] ${String(Math.round(pct * 100)).padStart(3)}% ${rows} rows ${rate} rows/s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else {
      const decile = Math.floor(pct * 10);
      if (final || (decile > lastDecile && decile < 10)) process.stderr.write(`${line}\n`);
      lastDecile = Math.max(lastDecile, decile);
    }
  };
  return {
    tick(n) {
      rows += n;
      draw(false);
    },
    done() {
      draw(true);
      const s = seconds();
      return { rows, seconds: s, rowsPerSecond: Math.round(rows / Math.max(s, 1e-3)) };
    },
  };
}

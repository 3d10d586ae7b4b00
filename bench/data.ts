import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { argValue } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-pg';
import { prepareSchema } from '../src/db/migrate';
import { rollUpSpend, seedDatabase, SIZES } from '../src/seed/generate';

export type Scale = 'tiny' | 'small' | 'medium';
export const SCALES: Record<Scale, keyof typeof SIZES> = { tiny: 'tiny', small: 'small', medium: 'medium' };
export const benchDatabase = (scale: Scale) => `litellm_bench_${scale}`;

/** The server holding the benchmark databases: DATABASE_URL's, or an embedded one in .data-bench/. */
export async function benchServer(): Promise<{ url: (db: string) => string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    return { url: (db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString(), stop: async () => {} };
  }
  const handle = await startEmbeddedPostgres({ dataDir: path.resolve('.data-bench'), database: 'postgres' });
  const base = new URL(handle.url);
  return { url: (db) => Object.assign(new URL(base), { pathname: `/${db}` }).toString(), stop: () => handle.stop() };
}

async function main() {
  const scale = (argValue(process.argv, '--scale') ?? 'small') as Scale;
  if (!SCALES[scale]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  // --rollups-only: rebuild the daily tables and counters of an existing benchmark database (a resume)
  const rollupsOnly = process.argv.includes('--rollups-only');
  const server = await benchServer();
  const name = benchDatabase(scale);
  if (!rollupsOnly) {
    const admin = new pg.Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  const ds = createDataSource({ url: server.url(name) });
  await ds.initialize();
  try {
    await prepareSchema(ds, 'always');
    const size = SIZES[SCALES[scale]];
    console.log(`${rollupsOnly ? 'rolling up' : 'building'} ${name}: ${JSON.stringify(size)}`);
    const started = Date.now();
    const report = rollupsOnly ? { seconds: 0, tables: await rollUpSpend(ds) } : await seedDatabase(ds, { ...size, seed: 2026 });
    report.seconds = (Date.now() - started) / 1000;
    const [{ bytes }] = await ds.query('SELECT pg_database_size(current_database())::bigint AS bytes');
    const summary = { scale, database: name, size, seconds: Math.round(report.seconds), databaseMB: Math.round(bytes / 1048576), tables: report.tables };
    fs.mkdirSync(path.resolve('bench/results'), { recursive: true });
    fs.writeFileSync(path.resolve(`bench/results/data-${scale}.json`), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`built ${name} in ${summary.seconds} s (${summary.databaseMB} MB)`);
  } finally {
    await ds.destroy();
    await server.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

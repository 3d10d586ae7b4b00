import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/db/data-source';

export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The database refuses new connections and loses the ones it had, as when its server goes away. */
export async function cutOffDatabase(name: string): Promise<void> {
  await admin(async (c) => {
    await c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
  });
}

export async function reopenDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`));
}

export interface TestDatabase {
  name: string;
  url: string;
  ds: DataSource;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test file; migrated unless told otherwise. */
export async function freshDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = serverUrl(name);
  const ds = createDataSource({ url, poolSize: 5 });
  await ds.initialize();
  if (opts.migrate !== false) await ds.runMigrations({ transaction: 'all' });
  return {
    name,
    url,
    ds,
    async drop() {
      if (ds.isInitialized) await ds.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

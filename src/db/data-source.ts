import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { PrincipalChangeNotifier } from '../auth/principal-sync';
import { LiteLLMSchema1764000000000 } from '../../migrations/1764000000000-litellm-schema';
import { LiteLLMRemainingTables1765000000000 } from '../../migrations/1765000000000-litellm-remaining-tables';
import { instrumentedPg } from './instrumented-pg';
import { installPgTypeParsers } from './pg-types';
import { CountingLogger, PoolName } from './sql-log';

export const MIGRATIONS_TABLE = 'litellm_graphql_migrations';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
  /** connecting a new client, and waiting for a free one in the pool (pg-pool uses one setting for both) */
  connectTimeoutMs?: number;
  /** client-side bound on one query's answer; a connection whose answer never came is dropped, not reused */
  queryTimeoutMs?: number;
  /** the primary (default) or the read replica: the name its statements, metrics (label pool=…) and spans carry */
  pool?: PoolName;
}

/**
 * A server that accepted TCP but stopped answering leaves a query waiting for ever (statement_timeout runs on the
 * server, which is silent): after query_timeout the socket is destroyed so the pool never lends it again.
 */
class DroppingClient extends pg.Client {
  query(...args: unknown[]): any {
    const drop = (err: unknown) => {
      if ((err as Error | undefined)?.message === 'Query read timeout') (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        drop(err);
        (last as (e: unknown, r: unknown) => void)(err, res);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args) as { then?: unknown; catch?: unknown } | undefined;
    if (result && typeof result.then === 'function') {
      return (result as Promise<unknown>).catch((err: unknown) => {
        drop(err);
        throw err;
      });
    }
    return result;
  }
}

export function createDataSource(opts: DataSourceOptions): DataSource {
  installPgTypeParsers();
  const pgOptions = ['-c TimeZone=UTC'];
  if (opts.statementTimeoutMs) pgOptions.push(`-c statement_timeout=${opts.statementTimeoutMs}`);
  return new DataSource({
    type: 'postgres',
    driver: instrumentedPg(opts.pool ?? 'primary'),
    url: opts.url,
    entities: ENTITIES,
    subscribers: [PrincipalChangeNotifier],
    migrations: [LiteLLMSchema1764000000000, LiteLLMRemainingTables1765000000000],
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error', 'warn'],
    logger: new CountingLogger(opts.pool),
    applicationName: opts.applicationName ?? 'litellm-graphql',
    extra: {
      max: opts.poolSize ?? 10,
      options: pgOptions.join(' '),
      keepAlive: true,
      ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
      ...(opts.queryTimeoutMs ? { query_timeout: opts.queryTimeoutMs, Client: DroppingClient } : {}),
    },
  });
}

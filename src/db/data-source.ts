import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../../entities';
import { LiteLLMSchema1764000000000 } from '../../migrations/1764000000000-litellm-schema';
import { installPgTypeParsers } from './pg-types';
import { CountingLogger } from './sql-log';

export const MIGRATIONS_TABLE = 'litellm_graphql_migrations';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export function createDataSource(opts: DataSourceOptions): DataSource {
  installPgTypeParsers();
  const pgOptions = ['-c TimeZone=UTC'];
  if (opts.statementTimeoutMs) pgOptions.push(`-c statement_timeout=${opts.statementTimeoutMs}`);
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: [LiteLLMSchema1764000000000],
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error', 'warn'],
    logger: new CountingLogger(),
    applicationName: opts.applicationName ?? 'litellm-graphql',
    extra: { max: opts.poolSize ?? 10, options: pgOptions.join(' ') },
  });
}

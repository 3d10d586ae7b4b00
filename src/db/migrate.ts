import { DataSource } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source';

export type MigrateMode = 'auto' | 'always' | 'never';

export interface DatabaseState {
  litellmTables: string[];
  hasPrismaMigrations: boolean;
  hasOurMigrations: boolean;
}

export async function inspectDatabase(ds: DataSource): Promise<DatabaseState> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
       AND (table_name LIKE 'LiteLLM\\_%' OR table_name IN ('_prisma_migrations', $1))`,
    [MIGRATIONS_TABLE],
  );
  const names = rows.map((r) => r.table_name);
  return {
    litellmTables: names.filter((n) => n.startsWith('LiteLLM_')),
    hasPrismaMigrations: names.includes('_prisma_migrations'),
    hasOurMigrations: names.includes(MIGRATIONS_TABLE),
  };
}

/** A database is ours to migrate when it is empty or when our own migrations built it. */
export function isManagedByLiteLLM(state: DatabaseState): boolean {
  return state.hasPrismaMigrations || (state.litellmTables.length > 0 && !state.hasOurMigrations);
}

export interface PrepareResult {
  attached: boolean;
  applied: string[];
}

export async function prepareSchema(ds: DataSource, mode: MigrateMode): Promise<PrepareResult> {
  const state = await inspectDatabase(ds);
  const attached = isManagedByLiteLLM(state);
  if (mode === 'never' || (mode === 'auto' && attached)) return { attached, applied: [] };
  const applied = await ds.runMigrations({ transaction: 'all' });
  return { attached, applied: applied.map((m) => m.name) };
}

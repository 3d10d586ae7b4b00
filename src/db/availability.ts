import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { featureUnavailable } from '../graphql/errors';

/**
 * Which optional tables a database lacks, as the start-up schema check found them (assessSchema). A data
 * source that was never checked has every table.
 */
const missing = new WeakMap<DataSource, ReadonlySet<string>>();

export function recordUnavailableTables(ds: DataSource, tables: Iterable<string>): void {
  missing.set(ds, new Set(tables));
}

export function unavailableTables(ds: DataSource): string[] {
  return [...(missing.get(ds) ?? [])].sort();
}

function tableName(ds: DataSource, table: string | EntityTarget<ObjectLiteral>): string {
  return typeof table === 'string' && table.startsWith('LiteLLM_') ? table : ds.getMetadata(table).tableName;
}

export function isTableAvailable(ds: DataSource, table: string | EntityTarget<ObjectLiteral>): boolean {
  const unavailable = missing.get(ds);
  return !unavailable?.size || !unavailable.has(tableName(ds, table));
}

/** Services and reads call this before touching an optional table: FEATURE_UNAVAILABLE naming it when it is missing. */
export function requireTable(ds: DataSource, table: string | EntityTarget<ObjectLiteral>): void {
  if (!isTableAvailable(ds, table)) throw featureUnavailable(tableName(ds, table));
}

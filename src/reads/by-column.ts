import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { and, Scope } from '../paging';

/** Rows by a key column (primary or indexed), within the caller's scope, in one statement, by key. */
export async function rowsByColumn<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, column: string, ids: readonly string[], scope?: Scope, fields?: ReadonlySet<string>): Promise<Map<string, T>> {
  const t = table(ds, entity);
  const p = new Params([ids]);
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT ${t.select('x', fields, [column])} FROM ${t.table} x WHERE ${and([`x."${column}" = ANY($1::text[])`, scope ? scope('x', p) : 'TRUE'])}`,
    p.values,
  );
  return new Map(rows.map((r) => [r[column] as string, t.hydrate(r)]));
}

/** The same rows through a per-request DataLoader: one statement per batch. */
export function byColumn<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, column: string, scope?: Scope, fields?: ReadonlySet<string>) {
  return new DataLoader<string, T | null>(tracedBatch(() => `${ds.getMetadata(entity).name} by ${column}`, async (ids) => {
    const byId = await rowsByColumn(ds, entity, column, ids, scope, fields);
    return ids.map((id) => byId.get(id) ?? null);
  }));
}

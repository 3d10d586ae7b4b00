import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { table } from '../db/rows';
import { Params } from '../db/sql';
import { CursorValue } from './cursors';
import { Page, PageArgs, pageWindow, PageWindow, toPage } from './window';

export type Direction = 'ASC' | 'DESC';
export type Scope = (alias: string, p: Params) => string;

export interface Order {
  /** database columns, ending in a unique one, all served by an index LiteLLM has */
  columns: string[];
  /** entity properties read back for the cursor, same order as columns */
  properties: string[];
  direction: Direction;
  /** a nullable column's stand-in for NULL, in SQL and in the cursor: a row comparison skips NULLs */
  nullAs?: Record<string, { sql: string; value: string }>;
}

/** Keyset condition and ORDER BY for one page: (a, b) > (cursor) over the order's columns, reversed when paging backward. */
export function keyset(alias: string, order: Order, w: PageWindow, p: Params) {
  const cols = order.columns.map((c) => (order.nullAs?.[c] ? `coalesce(${alias}."${c}", ${order.nullAs[c].sql})` : `${alias}."${c}"`));
  const direction = w.backward ? (order.direction === 'ASC' ? 'DESC' : 'ASC') : order.direction;
  const where = w.cursor ? `(${cols.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${w.cursor.map((v) => p.add(v)).join(', ')})` : 'TRUE';
  return { where, orderBy: cols.map((c) => `${c} ${direction}`).join(', ') };
}

/** Conditions joined with AND, leaving out the ones that are always true. */
export function and(conditions: string[]): string {
  const real = conditions.filter((c) => c !== 'TRUE');
  return real.length ? real.join(' AND ') : 'TRUE';
}

const CURSOR_VALUE: Record<string, CursorValue> = {
  text: 'text',
  varchar: 'text',
  'character varying': 'text',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  timestamptz: 'timestamp',
  'timestamp with time zone': 'timestamp',
  integer: 'integer',
  int: 'integer',
  bigint: 'integer',
  smallint: 'integer',
  'double precision': 'number',
  float8: 'number',
};

/** What each value of a cursor over this order must be, from the order columns' types. */
export function cursorShape(ds: DataSource, entity: EntityTarget<ObjectLiteral>, order: Order): CursorValue[] {
  const meta = ds.getMetadata(entity);
  return order.columns.map((name) => {
    const type = meta.findColumnWithDatabaseName(name)?.type;
    const kind = typeof type === 'string' ? CURSOR_VALUE[type] : undefined;
    if (!kind) throw new Error(`${meta.tableName}.${name} (${String(type)}) cannot order a keyset list`);
    return kind;
  });
}

export function cursorOf<T>(order: Order) {
  return (row: T) =>
    order.properties.map((prop, i) => {
      const v = (row as Record<string, unknown>)[prop];
      return v === null || v === undefined ? (order.nullAs?.[order.columns[i]]?.value ?? null) : normalize(v);
    });
}

function normalize(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v instanceof Date ? v.toISOString() : v;
}

export interface ListSpec<T> {
  entity: EntityTarget<T>;
  order: Order;
  where?: (alias: string, p: Params) => string[];
  /** entity properties the operation needs (undefined: every light column) */
  fields?: ReadonlySet<string>;
  /** reads the whole table (a filter or order no index serves): planned for its values, never from a cached generic plan */
  scans?: boolean;
}

/** One page of a root list, and its count on demand. */
export async function listPage<T extends ObjectLiteral>(ds: DataSource, spec: ListSpec<T>, args: PageArgs) {
  const w = pageWindow(args, cursorShape(ds, spec.entity, spec.order));
  const t = table(ds, spec.entity);
  const filters = (p: Params) => (spec.where ? spec.where('x', p) : []);
  const p = new Params();
  const conds = filters(p);
  const ks = keyset('x', spec.order, w, p);
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT ${t.select('x', spec.fields, spec.order.columns)} FROM ${t.table} x WHERE ${and([...conds, ks.where])} ORDER BY ${ks.orderBy} LIMIT ${w.size + 1}`,
    p.values,
  );
  const page = toPage(rows.map(t.hydrate), w, cursorOf<T>(spec.order));
  const count = async () => {
    const cp = new Params();
    const c = filters(cp);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${t.table} x WHERE ${and(c)}`, cp.values);
    return n as number;
  };
  return { page, count };
}

export interface ChildrenSpec<T> {
  entity: EntityTarget<T>;
  parentColumn: string;
  order: Order;
  scope?: Scope;
  fields?: ReadonlySet<string>;
}

/**
 * Pages of children for many parents in one statement: LATERAL runs the page query per parent over
 * the parent column's index. Returns loaders for the pages and for the counts.
 */
export function childrenLoaders<T extends ObjectLiteral>(ds: DataSource, spec: ChildrenSpec<T>, args: PageArgs) {
  const w = pageWindow(args, cursorShape(ds, spec.entity, spec.order));
  const t = table(ds, spec.entity);
  const pages = new DataLoader<string, Page<T>>(tracedBatch(() => `${ds.getMetadata(spec.entity).name} pages by ${spec.parentColumn}`, async (parents) => {
    const p = new Params([parents]);
    const scope = spec.scope ? spec.scope('x', p) : 'TRUE';
    const ks = keyset('x', spec.order, w, p);
    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT c.* FROM unnest($1::text[]) AS parent(id) CROSS JOIN LATERAL (
         SELECT ${t.select('x', spec.fields, [spec.parentColumn, ...spec.order.columns])}, parent.id AS "__parent" FROM ${t.table} x
          WHERE ${and([`x."${spec.parentColumn}" = parent.id`, scope, ks.where])}
          ORDER BY ${ks.orderBy} LIMIT ${w.size + 1}) c`,
      p.values,
    );
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const key = row.__parent as string;
      if (!grouped.has(key)) grouped.set(key, []);
      grouped.get(key)!.push(t.hydrate(row));
    }
    return parents.map((id) => toPage(grouped.get(id) ?? [], w, cursorOf<T>(spec.order)));
  }));
  const counts = new DataLoader<string, number>(tracedBatch(() => `${ds.getMetadata(spec.entity).name} counts by ${spec.parentColumn}`, async (parents) => {
    const p = new Params([parents]);
    const scope = spec.scope ? spec.scope('x', p) : 'TRUE';
    const rows: { parent: string; n: number }[] = await ds.query(
      `SELECT x."${spec.parentColumn}" AS parent, count(*)::int AS n FROM ${t.table} x
        WHERE ${and([`x."${spec.parentColumn}" = ANY($1::text[])`, scope])} GROUP BY 1`,
      p.values,
    );
    const byParent = new Map(rows.map((r) => [r.parent, r.n]));
    return parents.map((id) => byParent.get(id) ?? 0);
  }));
  return { pages, counts };
}

import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { requireTable } from '../db/availability';
import { CountingLogger, currentScope } from '../db/sql-log';
import { Params } from '../db/sql';
import { and, ChildrenSpec, cursorShape, keyset, ListSpec, PageWindow } from '../paging';
import { cursorJson, CUT, jsonPage, PagePart, textObject } from '../paging/json';

/**
 * Reads answered as JSON built in PostgreSQL: a whole nested selection becomes one statement whose text is
 * the response's `data`, with the same scopes, orders and pages as the object reads beside it.
 */

/** One level's rows: an alias, the entity it reads, and the columns its JSON expressions use. */
export class JsonRow<T extends ObjectLiteral = ObjectLiteral> {
  readonly columns = new Set<string>();
  private readonly meta;

  constructor(ds: DataSource, readonly entity: EntityTarget<T>, readonly alias: string) {
    this.meta = ds.getMetadata(entity);
    requireTable(ds, this.meta.tableName);
  }

  /** The column a property maps: its type, whether it is an array, whether it may be NULL; null when none. */
  column(property: string): { name: string; type: string; isArray: boolean; nullable: boolean } | null {
    const c = this.meta.findColumnWithPropertyName(property);
    return c ? { name: c.databaseName, type: String(c.type), isArray: c.isArray, nullable: c.isNullable } : null;
  }

  /** A column of this row, noted as read. */
  ref(name: string): string {
    this.columns.add(name);
    return `${this.alias}."${name}"`;
  }

  /**
   * A property's value as JSON text (SQL NULL as null), written as the GraphQL field would serialize it;
   * for a non-null field, a JSON null stored in a json column fails the statement, as the field would fail.
   * `failWhen`, SQL for a case-insensitive regular expression (a parameter), fails it too when the value's
   * text matches (the request then falls back to the resolvers).
   */
  value(property: string, nonNull = false, failWhen?: string): string | null {
    const c = this.meta.findColumnWithPropertyName(property);
    if (!c) return null;
    const ref = this.ref(c.databaseName);
    const type = String(c.type);
    let text = jsonText(type, c.isArray, ref);
    if (failWhen !== undefined) text = `CASE WHEN ${ref}::text ~* ${failWhen} THEN (length(${ref}::text) / 0)::text ELSE ${text} END`;
    if (nonNull && (type === 'jsonb' || type === 'json')) return `CASE WHEN ${type}_typeof(${ref}) = 'null' THEN (length(${ref}::text) / 0)::text ELSE ${text} END`;
    return `coalesce(${text}, 'null')`;
  }
}

/**
 * A value of a column type as JSON text, NULL for NULL. timestamp(3) holds naive UTC: written as
 * toISOString writes it. A non-finite float comes out bare (NaN), which the caller checks for. An int8
 * beyond 2^53 would lose digits as a JSON number, and a list holding NULL cannot be a list of non-null
 * items: either fails the statement (division by zero), and the request falls back to the resolvers,
 * whose fields report it.
 */
function jsonText(type: string, isArray: boolean, ref: string): string {
  if (isArray) return `CASE WHEN array_position(${ref}, NULL) IS NULL THEN to_json(${ref})::text ELSE (cardinality(${ref}) / 0)::text END`;
  switch (type) {
    case 'timestamp':
    case 'timestamp without time zone':
      // toISOString's four-digit years only: infinity, BC and years past 9999 fail, as the DateTime field does
      return `CASE WHEN ${ref} >= '0001-01-01' AND ${ref} < '10000-01-01' THEN '"' || to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"' ELSE (length(${ref}::text) / 0)::text END`;
    case 'bigint':
      return safeIntText(ref);
    case 'double precision':
    case 'integer':
    case 'numeric':
    case 'boolean':
    case 'jsonb':
    case 'json':
      return `${ref}::text`;
    default:
      return `to_json(${ref})::text`;
  }
}

/** An int8 or numeric as JSON text; beyond 2^53 it fails the statement, and the resolvers' SafeInt field reports it. */
export const safeIntText = (n: string) => `(CASE WHEN abs(${n}) <= 9007199254740991 THEN ${n} ELSE ${n} / 0 END)::text`;

/** The Usage fields as JSON text, each the sum of a daily table's rows (alias d), 0 over none. */
const USAGE_JSON: Record<string, string> = {
  spend: 'coalesce(sum(d.spend), 0)::float8::text',
  promptTokens: safeIntText('coalesce(sum(d.prompt_tokens), 0)'),
  completionTokens: safeIntText('coalesce(sum(d.completion_tokens), 0)'),
  totalTokens: safeIntText('(coalesce(sum(d.prompt_tokens), 0) + coalesce(sum(d.completion_tokens), 0))'),
  requests: safeIntText('coalesce(sum(d.api_requests), 0)'),
  successfulRequests: safeIntText('coalesce(sum(d.successful_requests), 0)'),
  failedRequests: safeIntText('coalesce(sum(d.failed_requests), 0)'),
};

export const isUsageValue = (field: string) => field in USAGE_JSON;

/**
 * usage(from, to) as JSON text: the selected sums of a daily table's rows of one entity in the window, as
 * the usage loaders read them (on the (entity, date) index); `also` narrows the rows further.
 */
export function usageJson(table: string, column: string, key: string, from: string, to: string, p: Params, selected: [string, string][], typename: string, also = 'TRUE'): string {
  const object = textObject(selected.map(([k, field]) => [k, field === '__typename' ? jsonLiteral(typename) : USAGE_JSON[field]]));
  return `(SELECT ${object} FROM "${table}" d WHERE ${and([`d."${column}" = ${key}`, `d.date >= ${p.add(from)}`, `d.date <= ${p.add(to)}`, also])})`;
}

/** A JSON object of these entries (JSON texts), in this order. */
export const jsonObject = textObject;

/** A GraphQL name (__typename) or a table name as JSON text: nothing in them to escape. */
export const jsonLiteral = (name: string) => `'"${name}"'`;

function cursorOfRow(ds: DataSource, row: JsonRow, spec: { entity: EntityTarget<ObjectLiteral>; order: ListSpec<ObjectLiteral>['order'] }): string {
  // to_json writes text and float8 as the resolvers' cursors hold them (NaN and Infinity as strings)
  if (spec.order.nullAs || cursorShape(ds, spec.entity, spec.order).some((kind) => kind !== 'text' && kind !== 'number'))
    throw new Error('JSON pages are cursored by text and float8 columns only');
  return cursorJson(spec.order.columns.map((c) => `to_json(${row.ref(c)})::text`));
}

function rowsOf(ds: DataSource, spec: { entity: EntityTarget<ObjectLiteral>; order: ListSpec<ObjectLiteral>['order'] }, row: JsonRow, conditions: (x: string) => string[], w: PageWindow, p: Params): string {
  const x = `${row.alias}x`;
  const ks = keyset(x, spec.order, w, p);
  const columns = [...row.columns].map((c) => `${x}."${c}"`);
  // numbered outside the LIMIT: a window over the ordered rows would make PostgreSQL sort them all (no top-N sort)
  return `SELECT ${x}.*, row_number() OVER (ORDER BY ${ks.orderBy}) AS __n FROM (SELECT ${columns.join(', ')} FROM "${ds.getMetadata(spec.entity).tableName}" ${x}
    WHERE ${and([...conditions(x), ks.where])} ORDER BY ${ks.orderBy} LIMIT ${w.size + 1}) ${x}`;
}

/**
 * A root list's page as JSON: node(row) builds one node from `row` (noting the columns it reads), and the
 * rows are read by the list's own scope, filters and keyset order.
 */
export function listJson<T extends ObjectLiteral>(ds: DataSource, spec: ListSpec<T>, row: JsonRow<T>, w: PageWindow, p: Params, node: string, parts: PagePart[]): string {
  const cursor = cursorOfRow(ds, row, spec);
  const rows = rowsOf(ds, spec, row, (x) => (spec.where ? spec.where(x, p) : []), w, p);
  return jsonPage({ rows, alias: row.alias, node, cursor }, w, parts, true);
}

/**
 * The statement of a JSON read: the data object, from its root fields' JSON texts, in rows cut between the
 * nodes of root lists. Each row is one root node (a few kilobytes where a whole answer may be megabytes): no
 * row is a string large enough for V8's large-object space, whose garbage waits for a full collection.
 */
export function jsonStatement(entries: [string, string][]): string {
  return `SELECT u.piece AS data FROM unnest(string_to_array(${textObject(entries)}, ${CUT})) WITH ORDINALITY AS u(piece, n) ORDER BY u.n`;
}

/** A child list's page as JSON for one parent row (parentKey: the parent's column the children point at). */
export function childrenJson<T extends ObjectLiteral>(ds: DataSource, spec: ChildrenSpec<T>, parentKey: string, row: JsonRow<T>, w: PageWindow, p: Params, node: string, parts: PagePart[]): string {
  const cursor = cursorOfRow(ds, row, spec);
  const rows = rowsOf(ds, spec, row, (x) => [`${x}."${spec.parentColumn}" = ${parentKey}`, spec.scope ? spec.scope(x, p) : 'TRUE'], w, p);
  return jsonPage({ rows, alias: row.alias, node, cursor }, w, parts);
}

/**
 * Statement texts that run as named prepared statements, at most MAX_PREPARED per process (and so per
 * connection): a text is prepared the second time it is seen, so one-off queries (GraphiQL) never take a
 * place. Texts differ by shape, page size and whether a cursor is given; values are parameters.
 */
const MAX_PREPARED = 64;
const prepared = new Map<string, string>();
const seen = new Set<string>();

function preparedName(sql: string): string | undefined {
  const name = prepared.get(sql);
  if (name || prepared.size >= MAX_PREPARED) return name;
  if (!seen.has(sql)) {
    if (seen.size >= 1024) seen.clear();
    seen.add(sql);
    return undefined;
  }
  seen.delete(sql);
  const made = `json_read_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
  prepared.set(sql, made);
  return made;
}

/**
 * Runs a JSON read's statement on the pool itself (counted like every statement), as a named prepared
 * statement once its text recurs, so PostgreSQL parses and plans each shape once per connection: planning a
 * statement that builds nested JSON costs more than running it. Returns the JSON text, in the statement's
 * pieces.
 */
export async function queryJson(ds: DataSource, sql: string, values: unknown[], prepare = true): Promise<string[]> {
  const name = prepare ? preparedName(sql) : undefined;
  if (ds.logger instanceof CountingLogger) ds.logger.note(sql);
  else currentScope()?.statements.push(sql);
  const pool = (ds.driver as PostgresDriver).master as Pool;
  const result = await pool.query<{ data: string }>({ name, text: sql, values });
  return result.rows.map((r) => r.data);
}

import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { OPTIONAL_ENTITIES } from '../../entities';
import { recordUnavailableTables } from './availability';

export interface SchemaDifference {
  table: string;
  column?: string;
  problem: 'missing table' | 'missing column' | 'incompatible type';
  expected?: string;
  actual?: string;
}

const UDT: Record<string, string> = {
  text: 'text',
  boolean: 'bool',
  'double precision': 'float8',
  integer: 'int4',
  bigint: 'int8',
  jsonb: 'jsonb',
  timestamp: 'timestamp',
  bytea: 'bytea',
};

// Types the gateway reads and writes correctly even where a LiteLLM release differs from ours.
const FAMILY: Record<string, string> = {
  text: 'text', varchar: 'text', bpchar: 'text',
  int2: 'int', int4: 'int', int8: 'int',
  float4: 'float', float8: 'float', numeric: 'float',
  json: 'json', jsonb: 'json',
  timestamp: 'timestamp', timestamptz: 'timestamp',
  bool: 'bool',
};

function family(udt: string): string {
  const array = udt.startsWith('_');
  const base = array ? udt.slice(1) : udt;
  return `${array ? '[]' : ''}${FAMILY[base] ?? base}`;
}

export function expectedUdt(column: ColumnMetadata): string {
  const base = column.type === 'enum' ? column.enumName : UDT[String(column.type)];
  if (!base) throw new Error(`unmapped column type ${String(column.type)} on ${column.entityMetadata.tableName}.${column.databaseName}`);
  return column.isArray ? `_${base}` : base;
}

/** Every column the entities map must exist with a compatible type; extra columns and tables are fine. */
export async function checkSchema(ds: DataSource): Promise<SchemaDifference[]> {
  const tables = ds.entityMetadatas.map((m) => m.tableName);
  const rows: { table_name: string; column_name: string; udt_name: string }[] = await ds.query(
    `SELECT table_name, column_name, udt_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [tables],
  );
  const actual = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!actual.has(r.table_name)) actual.set(r.table_name, new Map());
    actual.get(r.table_name)!.set(r.column_name, r.udt_name);
  }
  const diffs: SchemaDifference[] = [];
  for (const meta of ds.entityMetadatas) {
    const cols = actual.get(meta.tableName);
    if (!cols) {
      diffs.push({ table: meta.tableName, problem: 'missing table' });
      continue;
    }
    const seen = new Set<string>();
    for (const column of meta.columns) {
      if (seen.has(column.databaseName)) continue;
      seen.add(column.databaseName);
      const expected = expectedUdt(column);
      const found = cols.get(column.databaseName);
      if (found === undefined) diffs.push({ table: meta.tableName, column: column.databaseName, problem: 'missing column', expected });
      else if (family(found) !== family(expected))
        diffs.push({ table: meta.tableName, column: column.databaseName, problem: 'incompatible type', expected, actual: found });
    }
  }
  return diffs;
}

export interface SchemaAssessment {
  /** differences in required tables: the gateway cannot serve this database */
  blocking: SchemaDifference[];
  /** optional tables missing or unlike ours: their features answer FEATURE_UNAVAILABLE */
  unavailable: { table: string; differences: SchemaDifference[] }[];
}

/**
 * checkSchema, split by what a difference costs: a required table's stops the start, an optional table's
 * (an older LiteLLM without it, or with an older shape of it) only turns that table's features off. Records
 * the unavailable tables for the data source (src/db/availability.ts).
 */
export async function assessSchema(ds: DataSource): Promise<SchemaAssessment> {
  const optional = new Set(OPTIONAL_ENTITIES.map((e) => ds.getMetadata(e).tableName));
  const blocking: SchemaDifference[] = [];
  const byTable = new Map<string, SchemaDifference[]>();
  for (const d of await checkSchema(ds)) {
    if (!optional.has(d.table)) blocking.push(d);
    else byTable.set(d.table, [...(byTable.get(d.table) ?? []), d]);
  }
  const unavailable = [...byTable].sort(([a], [b]) => a.localeCompare(b)).map(([table, differences]) => ({ table, differences }));
  recordUnavailableTables(ds, byTable.keys());
  return { blocking, unavailable };
}

export function formatDifferences(diffs: SchemaDifference[]): string {
  return diffs
    .map((d) =>
      d.problem === 'missing table'
        ? `  ${d.table}: missing table`
        : d.problem === 'missing column'
          ? `  ${d.table}.${d.column}: missing column (expected ${d.expected})`
          : `  ${d.table}.${d.column}: incompatible type ${d.actual} (expected ${d.expected})`,
    )
    .join('\n');
}

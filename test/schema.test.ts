import { ENTITIES } from '../entities';
import { expectedUdt } from '../src/db/schema-check';
import { freshDatabase, TestDatabase } from './helpers/db';
import { readTsv, Row } from './helpers/litellm-reference';

let db: TestDatabase;
const tables = [...new Set(readTsv('columns.tsv').map((r) => r.table_name))].sort();

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

function diff(label: string, expected: string[], actual: string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [
    ...expected.filter((x) => !a.has(x)).map((x) => `${label} missing:    ${x}`),
    ...actual.filter((x) => !e.has(x)).map((x) => `${label} unexpected: ${x}`),
  ];
}

function report(differences: string[]): void {
  if (differences.length) console.log(`${differences.length} differences:\n${differences.join('\n')}`);
  expect(differences).toEqual([]);
}

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

test('maps all 64 LiteLLM tables, one entity each', () => {
  expect(tables).toHaveLength(64);
  expect(ENTITIES).toHaveLength(64);
  expect(db.ds.entityMetadatas.map((m) => m.tableName).sort()).toEqual(tables);
});

test('columns after migration equal LiteLLM: name, type, nullability, default', async () => {
  const expected = readTsv('columns.tsv')
    .filter((r) => tables.includes(r.table_name))
    .map((r) => [r.table_name, r.column_name, r.data_type, r.is_nullable, r.column_default].join(' | '));
  const rows: Row[] = await db.ds.query(
    `SELECT table_name, column_name, udt_name, is_nullable, coalesce(column_default, '') AS column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
    [tables],
  );
  const actual = rows.map((r) => [r.table_name, r.column_name, r.udt_name, r.is_nullable, r.column_default].join(' | '));
  expect(expected.length).toBe(838);
  report(diff('column', expected, actual));
});

test('primary and foreign keys after migration equal LiteLLM, with on delete / on update', async () => {
  const expected = readTsv('constraints.tsv')
    .filter((r) => tables.includes(r.table_name) && (r.kind === 'PRIMARY KEY' || (r.kind === 'FOREIGN KEY' && tables.includes(r.referenced_table))))
    .map((r) => [r.kind, r.table_name, r.name, r.columns, r.referenced_table, r.referenced_columns, r.on_delete, r.on_update].join(' | '));
  const rows: Row[] = await db.ds.query(
    `SELECT CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'FOREIGN KEY' END AS kind, t.relname AS table_name, c.conname AS name,
            (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
            coalesce(rt.relname, '') AS referenced_table,
            coalesce((SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n), '') AS referenced_columns,
            c.confdeltype AS on_delete, c.confupdtype AS on_update
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class rt ON rt.oid = c.confrelid
      WHERE c.contype IN ('p', 'f') AND t.relname = ANY($1)`,
    [tables],
  );
  expect(expected).toHaveLength(64 + 28);
  const actual = rows.map((r) =>
    [r.kind, r.table_name, r.name, r.columns, r.referenced_table, r.referenced_columns,
     r.kind === 'PRIMARY KEY' ? '' : ACTIONS[r.on_delete], r.kind === 'PRIMARY KEY' ? '' : ACTIONS[r.on_update]].join(' | '),
  );
  report(diff('constraint', expected, actual));
});

test('indexes after migration equal LiteLLM: names and definitions', async () => {
  const expected = readTsv('constraints.tsv')
    .filter((r) => r.kind === 'INDEX' && tables.includes(r.table_name))
    .map((r) => `${r.name} | ${r.definition}`);
  expect(expected).toHaveLength(194);
  const rows: Row[] = await db.ds.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)`,
    [tables],
  );
  report(diff('index', expected, rows.map((r) => `${r.indexname} | ${r.indexdef}`)));
});

test('entities map every column with LiteLLM name, type and nullability', () => {
  const expected = readTsv('columns.tsv')
    .filter((r) => tables.includes(r.table_name))
    .map((r) => [r.table_name, r.column_name, r.data_type, r.is_nullable].join(' | '));
  const actual = new Set<string>();
  for (const meta of db.ds.entityMetadatas) {
    for (const c of meta.columns) {
      actual.add([meta.tableName, c.databaseName, expectedUdt(c), c.isNullable ? 'YES' : 'NO'].join(' | '));
    }
  }
  report(diff('entity column', expected, [...actual]));
});

test('entity relations exist exactly where LiteLLM has foreign keys', () => {
  const expected = readTsv('constraints.tsv')
    .filter((r) => r.kind === 'FOREIGN KEY' && tables.includes(r.table_name) && tables.includes(r.referenced_table))
    .map((r) => `${r.table_name}.${r.columns} -> ${r.referenced_table}.${r.referenced_columns} ${r.on_delete}/${r.on_update} ${r.name}`);
  const actual = db.ds.entityMetadatas.flatMap((m) =>
    m.foreignKeys.map(
      (fk) => `${m.tableName}.${fk.columnNames.join(',')} -> ${fk.referencedTablePath}.${fk.referencedColumnNames.join(',')} ${fk.onDelete}/${fk.onUpdate} ${fk.name}`,
    ),
  );
  report(diff('relation', expected, actual));
});

test('entities declare every index of LiteLLM: name, columns, unique', () => {
  const columns = (c: string) => (c.includes('(') ? '(expression)' : c);
  const expected = readTsv('constraints.tsv')
    .filter((r) => r.kind === 'INDEX' && !r.name.endsWith('_pkey'))
    .map((r) => `${r.table_name} ${r.name} (${columns(r.columns)})${r.unique === 'true' ? ' unique' : ''}`);
  expect(expected).toHaveLength(194 - 64);
  const actual = db.ds.entityMetadatas.flatMap((m) =>
    m.indices.map((i) => `${m.tableName} ${i.name} (${i.columns.map((c) => c.databaseName).join(',') || '(expression)'})${i.isUnique ? ' unique' : ''}`),
  );
  report(diff('entity index', expected, actual));
});

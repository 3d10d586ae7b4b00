import pg from 'pg';
import { createDataSource } from '../db/data-source';
import { inspectDatabase, prepareSchema } from '../db/migrate';
import { checkSchema, formatDifferences } from '../db/schema-check';
import { progress } from '../seed/progress';

// LiteLLM's migration guide: these keep keys working; the optional groups add history and organizations.
export const REQUIRED = ['LiteLLM_BudgetTable', 'LiteLLM_UserTable', 'LiteLLM_TeamTable', 'LiteLLM_TeamMembership', 'LiteLLM_VerificationToken', 'LiteLLM_DeprecatedVerificationToken'];
export const OPTIONAL: Record<string, string[]> = {
  organizations: ['LiteLLM_OrganizationTable', 'LiteLLM_OrganizationMembership'],
  models: ['LiteLLM_ProxyModelTable'],
  'spend-logs': ['LiteLLM_SpendLogs'],
  'error-logs': ['LiteLLM_ErrorLogs'],
};
// Parents first: every foreign key points to a table earlier in this list.
const ORDER = [
  'LiteLLM_BudgetTable',
  'LiteLLM_ObjectPermissionTable',
  'LiteLLM_OrganizationTable',
  'LiteLLM_ModelTable',
  'LiteLLM_UserTable',
  'LiteLLM_TeamTable',
  'LiteLLM_ProjectTable',
  'LiteLLM_TeamMembership',
  'LiteLLM_OrganizationMembership',
  'LiteLLM_VerificationToken',
  'LiteLLM_DeprecatedVerificationToken',
  'LiteLLM_ProxyModelTable',
  'LiteLLM_SpendLogs',
  'LiteLLM_ErrorLogs',
];
// Tables the required ones reference through foreign keys: copied whenever the source rows point into them.
const REFERENCED: Record<string, { table: string; column: string }[]> = {
  LiteLLM_OrganizationTable: [
    { table: 'LiteLLM_UserTable', column: 'organization_id' },
    { table: 'LiteLLM_TeamTable', column: 'organization_id' },
    { table: 'LiteLLM_VerificationToken', column: 'organization_id' },
  ],
  LiteLLM_ObjectPermissionTable: [
    { table: 'LiteLLM_UserTable', column: 'object_permission_id' },
    { table: 'LiteLLM_TeamTable', column: 'object_permission_id' },
    { table: 'LiteLLM_VerificationToken', column: 'object_permission_id' },
    { table: 'LiteLLM_OrganizationTable', column: 'object_permission_id' },
  ],
  LiteLLM_ModelTable: [{ table: 'LiteLLM_TeamTable', column: 'model_id' }],
  LiteLLM_ProjectTable: [{ table: 'LiteLLM_VerificationToken', column: 'project_id' }],
};

export interface CopyOptions {
  from: string;
  to: string;
  include?: string[];
  migrateTarget?: boolean;
  verify?: boolean;
  dryRun?: boolean;
  batchRows?: number;
  quiet?: boolean;
  log?: (line: string) => void;
  /** testing: stop with an error after this many batches, as a killed process would */
  failAfterBatches?: number;
}

export interface TableReport {
  table: string;
  sourceRows: number;
  copied: number;
  targetRows?: number;
  match?: boolean;
}

export class CopyError extends Error {}

interface Column {
  name: string;
  udt: string;
}

const q = (n: string) => `"${n.replace(/"/g, '""')}"`;

async function columnsOf(c: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await c.query(
    `SELECT column_name AS name, udt_name AS udt FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows;
}

async function primaryKey(c: pg.Client, table: string): Promise<string[]> {
  const { rows } = await c.query(
    `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.map((r) => r.name);
}

async function identity(c: pg.Client): Promise<string> {
  const { rows } = await c.query(`SELECT current_database() AS db, pg_postmaster_start_time()::text AS started, coalesce(inet_server_port(), 0) AS port`);
  let system = '';
  try {
    system = (await c.query(`SELECT system_identifier::text AS id FROM pg_control_system()`)).rows[0].id;
  } catch {
    // not readable without privileges: the other facts still tell servers apart
  }
  return `${system}/${rows[0].started}/${rows[0].port}/${rows[0].db}`;
}

/** md5 over every copied column of every row, in primary key order: equal on both sides iff the data is. */
async function checksum(c: pg.Client, table: string, cols: Column[], pk: string[]): Promise<{ rows: number; md5: string }> {
  const row = cols.map((col) => `${q(col.name)}::text`).join(', ');
  const { rows } = await c.query(
    `SELECT count(*)::int AS rows, coalesce(md5(string_agg(md5(ROW(${row})::text), '' ORDER BY ${pk.map(q).join(', ')})), '') AS md5 FROM ${q(table)}`,
  );
  return rows[0];
}

/**
 * Copies LiteLLM's tables from one database to another in foreign-key order, streaming keyset batches
 * (constant memory) and upserting by primary key, so an interrupted copy run again finishes the job.
 * The source is opened read-only.
 */
export async function copyDatabase(opts: CopyOptions): Promise<TableReport[]> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const include = opts.include ?? [];
  for (const group of include) if (!OPTIONAL[group]) throw new CopyError(`--include: unknown group '${group}' (choose from ${Object.keys(OPTIONAL).join(', ')})`);
  const source = new pg.Client({ connectionString: opts.from, options: '-c default_transaction_read_only=on -c TimeZone=UTC' });
  const target = new pg.Client({ connectionString: opts.to, options: '-c TimeZone=UTC' });
  await source.connect();
  await target.connect();
  try {
    if ((await identity(source)) === (await identity(target))) throw new CopyError('--from and --to are the same database: refusing to copy a database onto itself');

    const wanted = new Set([...REQUIRED, ...include.flatMap((g) => OPTIONAL[g])]);
    for (const [parent, refs] of Object.entries(REFERENCED)) {
      if (wanted.has(parent)) continue;
      for (const ref of refs) {
        if (!wanted.has(ref.table)) continue;
        const { rows } = await source.query(`SELECT EXISTS (SELECT 1 FROM ${q(ref.table)} WHERE ${q(ref.column)} IS NOT NULL) AS used`).catch(() => ({ rows: [{ used: false }] }));
        if (rows[0].used) {
          wanted.add(parent);
          log(`including ${parent}: ${ref.table}.${ref.column} refers to it`);
          break;
        }
      }
    }
    const tables = ORDER.filter((t) => wanted.has(t));

    // the target must be able to hold what we copy
    const ds = createDataSource({ url: opts.to });
    await ds.initialize();
    try {
      const state = await inspectDatabase(ds);
      if (opts.migrateTarget && state.litellmTables.length === 0 && !opts.dryRun) {
        const { applied } = await prepareSchema(ds, 'always');
        log(`target migrated: ${applied.join(', ')}`);
      }
      if (!opts.dryRun || state.litellmTables.length) {
        const diffs = (await checkSchema(ds)).filter((d) => tables.includes(d.table));
        if (diffs.length)
          throw new CopyError(`the target's schema is not compatible${state.litellmTables.length ? '' : ' (it is empty: pass --migrate-target)'}:\n${formatDifferences(diffs)}`);
      }
    } finally {
      await ds.destroy();
    }

    const reports: TableReport[] = [];
    let batches = 0;
    for (const table of tables) {
      const { rows: [{ n }] } = await source.query(`SELECT count(*)::int AS n FROM ${q(table)}`);
      const report: TableReport = { table, sourceRows: n, copied: 0 };
      reports.push(report);
      if (opts.dryRun) {
        log(`would copy ${String(n).padStart(10)} rows of ${table}`);
        continue;
      }
      const targetCols = new Set((await columnsOf(target, table)).map((c) => c.name));
      const cols = (await columnsOf(source, table)).filter((c) => targetCols.has(c.name));
      const pk = await primaryKey(source, table);
      const perBatch = Math.min(opts.batchRows ?? 5000, Math.floor(60000 / cols.length));
      const bar = progress(table, n, opts.quiet);
      const select = cols.map((c) => `${q(c.name)}::text AS ${q(c.name)}`).join(', ');
      const updates = cols.filter((c) => !pk.includes(c.name)).map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`);
      let after: string[] | null = null;
      for (;;) {
        const keyset: string = after ? `WHERE (${pk.map(q).join(', ')}) > (${pk.map((_, i) => `$${i + 1}`).join(', ')})` : '';
        const { rows }: { rows: Record<string, string | null>[] } = await source.query(`SELECT ${select} FROM ${q(table)} ${keyset} ORDER BY ${pk.map(q).join(', ')} LIMIT ${perBatch}`, after ?? []);
        if (!rows.length) break;
        const params: unknown[] = [];
        const values = rows.map((r) => `(${cols.map((c) => (params.push(r[c.name]), `$${params.length}::${c.udt.startsWith('_') ? `${c.udt.slice(1)}[]` : c.udt}`)).join(', ')})`);
        await target.query(
          `INSERT INTO ${q(table)} (${cols.map((c) => q(c.name)).join(', ')}) VALUES ${values.join(', ')}
           ON CONFLICT (${pk.map(q).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
          params,
        );
        report.copied += rows.length;
        bar.tick(rows.length);
        after = pk.map((k) => rows[rows.length - 1][k] as string);
        if (opts.failAfterBatches !== undefined && ++batches >= opts.failAfterBatches) throw new CopyError(`stopped after ${batches} batches (failAfterBatches)`);
      }
      const done = bar.done();
      if (!opts.quiet) log(`${table}: ${report.copied} rows, ${done.rowsPerSecond} rows/s`);
    }

    if (opts.verify && !opts.dryRun) {
      for (const r of reports) {
        const targetCols = new Set((await columnsOf(target, r.table)).map((c) => c.name));
        const cols = (await columnsOf(source, r.table)).filter((c) => targetCols.has(c.name));
        const pk = await primaryKey(source, r.table);
        const [a, b] = await Promise.all([checksum(source, r.table, cols, pk), checksum(target, r.table, cols, pk)]);
        r.targetRows = b.rows;
        r.match = a.rows === b.rows && a.md5 === b.md5;
        log(`${r.match ? 'same' : 'DIFFERENT'}  ${r.table}: source ${a.rows} rows ${a.md5}, target ${b.rows} rows ${b.md5}`);
      }
    }
    return reports;
  } finally {
    await source.end();
    await target.end();
  }
}

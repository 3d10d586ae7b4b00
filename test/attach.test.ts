import { inspectDatabase, isManagedByLiteLLM, prepareSchema } from '../src/db/migrate';
import { checkSchema, formatDifferences } from '../src/db/schema-check';
import { freshDatabase, TestDatabase } from './helpers/db';

describe('a database that LiteLLM manages', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    // LiteLLM's own migrations built it: _prisma_migrations and the tables, none of our migration records
    db = await freshDatabase({ migrate: false });
    await db.ds.runMigrations({ transaction: 'all' });
    await db.ds.query(`DROP TABLE litellm_graphql_migrations`);
    await db.ds.query(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, migration_name varchar(255) NOT NULL)`);
    await db.ds.query(`ALTER TABLE "LiteLLM_SpendLogs" DROP COLUMN request_duration_ms`);
    await db.ds.query(`ALTER TABLE "LiteLLM_VerificationToken" ADD COLUMN key_type_from_the_future text`);
    await db.ds.query(`CREATE TABLE "LiteLLM_SomethingNew" (id text PRIMARY KEY)`);
  });
  afterAll(() => db.drop());

  test('is recognised and never migrated in auto mode', async () => {
    const state = await inspectDatabase(db.ds);
    expect(state.hasPrismaMigrations).toBe(true);
    expect(isManagedByLiteLLM(state)).toBe(true);
    const before = await db.ds.query(`SELECT count(*)::int n FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(await prepareSchema(db.ds, 'auto')).toEqual({ attached: true, applied: [] });
    expect(await prepareSchema(db.ds, 'never')).toEqual({ attached: true, applied: [] });
    const after = await db.ds.query(`SELECT count(*)::int n FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(after).toEqual(before);
    const [{ exists }] = await db.ds.query(`SELECT to_regclass('litellm_graphql_migrations') IS NOT NULL AS exists`);
    expect(exists).toBe(false);
  });

  test('schema-check lists exactly the dropped column; extra columns and tables are fine', async () => {
    const diffs = await checkSchema(db.ds);
    expect(diffs).toEqual([{ table: 'LiteLLM_SpendLogs', column: 'request_duration_ms', problem: 'missing column', expected: 'int4' }]);
    expect(formatDifferences(diffs)).toBe('  LiteLLM_SpendLogs.request_duration_ms: missing column (expected int4)');
  });

  test('schema-check reports an incompatible type and a missing table', async () => {
    await db.ds.query(`ALTER TABLE "LiteLLM_TeamTable" ALTER COLUMN max_budget TYPE text`);
    await db.ds.query(`DROP TABLE "LiteLLM_DailyTagSpend"`);
    const diffs = await checkSchema(db.ds);
    expect(diffs).toEqual(
      expect.arrayContaining([
        { table: 'LiteLLM_TeamTable', column: 'max_budget', problem: 'incompatible type', expected: 'float8', actual: 'text' },
        { table: 'LiteLLM_DailyTagSpend', problem: 'missing table' },
      ]),
    );
    expect(diffs).toHaveLength(3);
  });
});

describe('an empty database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  test('is migrated in auto mode, once, and then passes schema-check', async () => {
    expect(await prepareSchema(db.ds, 'auto')).toEqual({ attached: false, applied: ['LiteLLMSchema1764000000000', 'LiteLLMRemainingTables1765000000000'] });
    expect(await prepareSchema(db.ds, 'auto')).toEqual({ attached: false, applied: [] });
    expect(await checkSchema(db.ds)).toEqual([]);
  });
});

describe('a database built by our first migration only', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.ds.undoLastMigration({ transaction: 'all' });
  });
  afterAll(() => db.drop());

  test('gains the remaining tables in auto mode, its rows untouched, and then passes schema-check', async () => {
    const tables = async () => (await db.ds.query(`SELECT count(*)::int n FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'LiteLLM\\_%'`))[0].n;
    expect(await tables()).toBe(26);
    await db.ds.query(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, created_by, updated_by, max_budget) VALUES ('b1', 'u', 'u', 5)`);
    expect(await prepareSchema(db.ds, 'auto')).toEqual({ attached: false, applied: ['LiteLLMRemainingTables1765000000000'] });
    expect(await tables()).toBe(64);
    expect(await db.ds.query(`SELECT budget_id, max_budget FROM "LiteLLM_BudgetTable"`)).toEqual([{ budget_id: 'b1', max_budget: 5 }]);
    expect(await checkSchema(db.ds)).toEqual([]);
  });
});

import { Agent, McpServer, Team } from '../entities';
import { isTableAvailable, requireTable, unavailableTables } from '../src/db/availability';
import { inspectDatabase, isManagedByLiteLLM, prepareSchema } from '../src/db/migrate';
import { table } from '../src/db/rows';
import { assessSchema, checkSchema, formatDifferences } from '../src/db/schema-check';
import { GatewayError } from '../src/graphql/errors';
import { freshDatabase, TestDatabase } from './helpers/db';
import { MASTER_KEY, startTestGateway } from './helpers/gateway';
import { runMain } from './helpers/processes';

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

describe('a database from an older LiteLLM, without some of the newer tables', () => {
  let db: TestDatabase;
  const GONE = ['LiteLLM_AgentsTable', 'LiteLLM_DailyAgentSpend', 'LiteLLM_MCPServerTable', 'LiteLLM_PolicyAttachmentTable'];
  beforeAll(async () => {
    db = await freshDatabase();
    for (const t of GONE) await db.ds.query(`DROP TABLE "${t}" CASCADE`);
    await db.ds.query(`ALTER TABLE "LiteLLM_PolicyTable" DROP COLUMN pipeline`);
  });
  afterAll(() => db.drop());

  const thrown = (fn: () => unknown): GatewayError => {
    try {
      fn();
    } catch (err) {
      return err as GatewayError;
    }
    throw new Error('nothing thrown');
  };

  test('starts: the start-up check reports the missing (or older) optional tables as unavailable features, and blocks nothing', async () => {
    expect(await prepareSchema(db.ds, 'auto')).toEqual({ attached: false, applied: [] });
    const { blocking, unavailable } = await assessSchema(db.ds);
    expect(blocking).toEqual([]);
    expect(unavailable).toEqual([
      { table: 'LiteLLM_AgentsTable', differences: [{ table: 'LiteLLM_AgentsTable', problem: 'missing table' }] },
      { table: 'LiteLLM_DailyAgentSpend', differences: [{ table: 'LiteLLM_DailyAgentSpend', problem: 'missing table' }] },
      { table: 'LiteLLM_MCPServerTable', differences: [{ table: 'LiteLLM_MCPServerTable', problem: 'missing table' }] },
      { table: 'LiteLLM_PolicyAttachmentTable', differences: [{ table: 'LiteLLM_PolicyAttachmentTable', problem: 'missing table' }] },
      { table: 'LiteLLM_PolicyTable', differences: [{ table: 'LiteLLM_PolicyTable', column: 'pipeline', problem: 'missing column', expected: 'jsonb' }] },
    ]);
    expect(unavailableTables(db.ds)).toEqual([...GONE, 'LiteLLM_PolicyTable']);
  });

  test('reading an unavailable table is FEATURE_UNAVAILABLE naming it; every other table reads as before', async () => {
    const agents = thrown(() => table(db.ds, Agent));
    expect(agents).toBeInstanceOf(GatewayError);
    expect(agents.extensions).toEqual({ code: 'FEATURE_UNAVAILABLE', table: 'LiteLLM_AgentsTable' });
    expect(agents.message).toMatch(/LiteLLM_AgentsTable/);
    expect(thrown(() => requireTable(db.ds, McpServer)).extensions).toEqual({ code: 'FEATURE_UNAVAILABLE', table: 'LiteLLM_MCPServerTable' });
    expect(thrown(() => requireTable(db.ds, 'LiteLLM_PolicyTable')).extensions.table).toBe('LiteLLM_PolicyTable');
    expect(isTableAvailable(db.ds, 'LiteLLM_PolicyTable')).toBe(false);
    expect(isTableAvailable(db.ds, 'LiteLLM_GuardrailsTable')).toBe(true);
    expect(table(db.ds, Team).table).toBe('"LiteLLM_TeamTable"');
    const gateway = await startTestGateway({ db, seed: false });
    try {
      const r = await gateway.gql(`{ budgets { totalCount } teams { totalCount } }`);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ budgets: { totalCount: 0 }, teams: { totalCount: 0 } });
    } finally {
      await gateway.close();
    }
  });

  test('a table dropped after the start answers FEATURE_UNAVAILABLE naming it, not an internal error', async () => {
    const gateway = await startTestGateway({ db, seed: false });
    try {
      await db.ds.query(`ALTER TABLE "LiteLLM_InvitationLink" RENAME TO invitations_elsewhere`);
      const r = await gateway.gql(`{ invitations { totalCount } }`);
      const others = await gateway.gql(`{ budgets { totalCount } }`);
      await db.ds.query(`ALTER TABLE invitations_elsewhere RENAME TO "LiteLLM_InvitationLink"`);
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0].extensions).toMatchObject({ code: 'FEATURE_UNAVAILABLE', table: 'LiteLLM_InvitationLink' });
      expect(r.errors![0].message).toMatch(/no usable LiteLLM_InvitationLink/);
      expect(others.data).toEqual({ budgets: { totalCount: 0 } });
    } finally {
      await gateway.close();
    }
  });

  test('the command line: serve starts and names the unavailable features; schema-check passes and lists them', async () => {
    const env = { DATABASE_URL: db.url, LITELLM_MASTER_KEY: MASTER_KEY, PORT: '0', HOST: '127.0.0.1' };
    const check = await runMain(['schema-check'], env);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('schema-check: every mapped column of 59 tables is present and compatible');
    for (const t of GONE) expect(check.stdout).toContain(`  ${t}: missing table`);
    expect(check.stdout).toContain('  LiteLLM_PolicyTable.pipeline: missing column (expected jsonb)');
    const serve = await runMain(['serve'], { ...env, LOG_LEVEL: 'info' }, /"msg":"serving"/);
    expect(serve.stdout).toMatch(/"msg":"serving"/);
    const warning = serve.stdout.split('\n').find((l) => l.includes('FEATURE_UNAVAILABLE'));
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn', unavailable: [...GONE, 'LiteLLM_PolicyTable'] });
  }, 60000);

  test('a missing required table still stops the start, naming only it', async () => {
    await db.ds.query(`DROP TABLE "LiteLLM_DailyTagSpend"`);
    const r = await runMain(['serve'], { DATABASE_URL: db.url, LITELLM_MASTER_KEY: MASTER_KEY, PORT: '0', HOST: '127.0.0.1' }, /"msg":"serving"/);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('schema-check failed, 1 difference(s):\n  LiteLLM_DailyTagSpend: missing table\n');
  }, 60000);
});

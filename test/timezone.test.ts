import { Budget } from '../entities';
import { freshDatabase, TestDatabase } from './helpers/db';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

test('timestamp(3) columns hold naive UTC both ways, whatever the process time zone', async () => {
  expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(240);
  const at = new Date('2026-07-01T12:34:56.789Z');
  await db.ds.getRepository(Budget).insert({ id: 'tz', createdBy: 'test', updatedBy: 'test', budgetResetAt: at });
  const [raw] = await db.ds.query(`SELECT to_char(budget_reset_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS s FROM "LiteLLM_BudgetTable" WHERE budget_id = 'tz'`);
  expect(raw.s).toBe('2026-07-01T12:34:56.789');
  const back = await db.ds.getRepository(Budget).findOneByOrFail({ id: 'tz' });
  expect(back.budgetResetAt!.toISOString()).toBe(at.toISOString());
  const [viaSql] = await db.ds.query(`SELECT budget_reset_at FROM "LiteLLM_BudgetTable" WHERE budget_id = 'tz'`);
  expect(viaSql.budget_reset_at.toISOString()).toBe(at.toISOString());
  // the session's clock is UTC too, so LiteLLM's CURRENT_TIMESTAMP defaults are UTC
  const [{ drift }] = await db.ds.query(`SELECT abs(extract(epoch FROM (created_at - (now() AT TIME ZONE 'UTC')))) < 60 AS drift FROM "LiteLLM_BudgetTable" WHERE budget_id = 'tz'`);
  expect(drift).toBe(true);
});

test('int8 limits and counters arrive as numbers', async () => {
  await db.ds.query(`UPDATE "LiteLLM_BudgetTable" SET tpm_limit = 9007199254740991, rpm_limit = 42 WHERE budget_id = 'tz'`);
  const b = await db.ds.getRepository(Budget).findOneByOrFail({ id: 'tz' });
  expect(b.tpmLimit).toBe(Number.MAX_SAFE_INTEGER);
  expect(b.rpmLimit).toBe(42);
});

import pg from 'pg';
import { startTestGateway, TestGateway } from '../helpers/gateway';

let t: TestGateway;
const gen = async (alias: string) => (await t.gql(`mutation($a: String) { generateKey(input: { keyAlias: $a }) { key info { token } } }`, { a: alias })).data.generateKey;

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
});
afterAll(() => t.close());

async function waitForLockWait(db: string) {
  for (let i = 0; i < 200; i++) {
    const rows = await t.db.ds.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [db]);
    if (rows.length) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the mutation never waited for the row lock');
}

test("audit updated_at is taken after the row lock: a mutation that waited is stamped after one that committed meanwhile", async () => {
  const a = await gen('waits');
  const b = await gen('goes-first');
  const holder = new pg.Client({ connectionString: t.db.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE token = $1 FOR UPDATE`, [a.info.token]);
  const waiting = t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { maxBudget } }`, { t: a.info.token });
  await waitForLockWait(t.db.name);
  expect((await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 2 }) { maxBudget } }`, { t: b.info.token })).errors).toBeUndefined();
  await holder.query('COMMIT');
  await holder.end();
  expect((await waiting).errors).toBeUndefined();
  const rows = await t.db.ds.query(
    `SELECT object_id, updated_at FROM "LiteLLM_AuditLog" WHERE action = 'updated' AND object_id = ANY($1::text[]) ORDER BY updated_at`,
    [[a.info.token, b.info.token]],
  );
  expect(rows.map((r: any) => r.object_id)).toEqual([b.info.token, a.info.token]);
});

test("deleteKeys removes the deleted key's rotation grace tokens", async () => {
  const k = await gen('rotated');
  const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t, input: { gracePeriod: "24h" }) { key info { token } } }`, { t: k.info.token });
  const newToken = r.data.regenerateKey.info.token;
  expect((await t.db.ds.query(`SELECT 1 FROM "LiteLLM_DeprecatedVerificationToken" WHERE active_token_id = $1`, [newToken])).length).toBe(1);
  expect((await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [newToken] })).errors).toBeUndefined();
  expect((await t.db.ds.query(`SELECT 1 FROM "LiteLLM_DeprecatedVerificationToken" WHERE active_token_id = $1`, [newToken])).length).toBe(0);
  // the old key no longer authenticates through its grace period
  expect((await t.gql(`{ viewer { role } }`, {}, k.key)).status).toBe(401);
});

import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { copyDatabase } from '../src/services/copy-db';
import { hashKey } from '../src/services/key-format';
import { seedDatabase, SIZES, SeedReport } from '../src/seed/generate';
import { createGateway } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { freshDatabase, TestDatabase } from './helpers/db';

let source: TestDatabase;
let seed: SeedReport;
const lines: string[] = [];
const log = (l: string) => lines.push(l);

/** A fingerprint of every table, to prove the source is never written. */
async function fingerprint(db: TestDatabase): Promise<string[]> {
  const tables: { table_name: string }[] = await db.ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'LiteLLM%' ORDER BY 1`);
  const out = [];
  for (const { table_name } of tables) out.push(`${table_name}:${(await db.ds.query(`SELECT coalesce(md5(string_agg(x::text, '' ORDER BY x::text)), '') h FROM "${table_name}" x`))[0].h}`);
  return out;
}

beforeAll(async () => {
  source = await freshDatabase();
  seed = await seedDatabase(source.ds, { ...SIZES.tiny, spendLogs: 3000, quiet: true });
  // a key in its rotation grace period must survive the move too
  await source.ds.query(`INSERT INTO "LiteLLM_DeprecatedVerificationToken" (id, token, active_token_id, revoke_at, created_at) VALUES ('d1', 'old-hash', $1, now() + interval '1 day', now())`, [hashKey(seed.principals[2].rawKey)]);
});
afterAll(() => source.drop());

test('copies onto an empty database, survives being stopped midway, and verifies equal table by table', async () => {
  const target = await freshDatabase({ migrate: false });
  try {
    const before = await fingerprint(source);
    const opts = { from: source.url, to: target.url, include: ['organizations', 'models', 'spend-logs', 'error-logs'], migrateTarget: true, quiet: true, log, batchRows: 200 };
    await expect(copyDatabase({ ...opts, failAfterBatches: 12 })).rejects.toThrow(/stopped after 12 batches/);
    const [{ partial }] = await target.ds.query(`SELECT count(*)::int AS partial FROM "LiteLLM_SpendLogs"`);
    expect(partial).toBeLessThan(3000);

    const reports = await copyDatabase({ ...opts, verify: true });
    expect(reports.map((r) => r.table)).toEqual([
      'LiteLLM_BudgetTable',
      'LiteLLM_OrganizationTable',
      'LiteLLM_UserTable',
      'LiteLLM_TeamTable',
      'LiteLLM_TeamMembership',
      'LiteLLM_OrganizationMembership',
      'LiteLLM_VerificationToken',
      'LiteLLM_DeprecatedVerificationToken',
      'LiteLLM_ProxyModelTable',
      'LiteLLM_SpendLogs',
      'LiteLLM_ErrorLogs',
    ]);
    for (const r of reports) expect({ table: r.table, match: r.match, rows: r.targetRows }).toEqual({ table: r.table, match: true, rows: r.sourceRows });
    expect(lines.filter((l) => l.startsWith('same')).length).toBe(reports.length);
    expect(await fingerprint(source)).toEqual(before);

    // a key of the source authenticates at a gateway pointed at the target
    const gateway = await createGateway({ ds: target.ds, config: { ...loadConfig([], {}), masterKey: 'sk-target-master' }, log: createLogger('error', () => {}) });
    const server = createServer(gateway.handler).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const p = seed.principals.find((x) => x.role === 'internal_user')!;
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${p.rawKey}` },
        body: JSON.stringify({ query: '{ viewer { role user { id } key { keyName } } }' }),
      });
      const body: any = await res.json();
      expect(body.data.viewer).toEqual({ role: 'internal_user', user: { id: p.userId }, key: { keyName: `sk-...${p.rawKey.slice(-4)}` } });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await gateway.stop();
    }
  } finally {
    await target.drop();
  }
});

test('without --include, the required tables and what they reference', async () => {
  const target = await freshDatabase();
  try {
    const reports = await copyDatabase({ from: source.url, to: target.url, quiet: true, log, verify: true });
    expect(reports.map((r) => r.table)).toEqual([
      'LiteLLM_BudgetTable',
      'LiteLLM_OrganizationTable',
      'LiteLLM_UserTable',
      'LiteLLM_TeamTable',
      'LiteLLM_TeamMembership',
      'LiteLLM_VerificationToken',
      'LiteLLM_DeprecatedVerificationToken',
    ]);
    expect(lines).toContain('including LiteLLM_OrganizationTable: LiteLLM_UserTable.organization_id refers to it');
    expect(reports.every((r) => r.match)).toBe(true);
    expect(await target.ds.query(`SELECT count(*)::int n FROM "LiteLLM_SpendLogs"`)).toEqual([{ n: 0 }]);
  } finally {
    await target.drop();
  }
});

test('a dry run writes nothing anywhere', async () => {
  const target = await freshDatabase({ migrate: false });
  try {
    const reports = await copyDatabase({ from: source.url, to: target.url, dryRun: true, migrateTarget: true, include: ['spend-logs'], quiet: true, log });
    expect(reports.find((r) => r.table === 'LiteLLM_SpendLogs')).toEqual({ table: 'LiteLLM_SpendLogs', sourceRows: 3000, copied: 0 });
    expect(lines.some((l) => /would copy\s+3000 rows of LiteLLM_SpendLogs/.test(l))).toBe(true);
    expect(await target.ds.query(`SELECT count(*)::int n FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([{ n: 0 }]);
  } finally {
    await target.drop();
  }
});

test('refuses to copy onto itself, onto an incompatible schema, or with an unknown group', async () => {
  await expect(copyDatabase({ from: source.url, to: source.url, quiet: true, log })).rejects.toThrow(/same database/);
  const empty = await freshDatabase({ migrate: false });
  const broken = await freshDatabase();
  try {
    await expect(copyDatabase({ from: source.url, to: empty.url, quiet: true, log })).rejects.toThrow(/pass --migrate-target/);
    await broken.ds.query(`ALTER TABLE "LiteLLM_VerificationToken" DROP COLUMN key_alias`);
    await expect(copyDatabase({ from: source.url, to: broken.url, quiet: true, log })).rejects.toThrow(/LiteLLM_VerificationToken\.key_alias: missing column/);
    expect(await broken.ds.query(`SELECT count(*)::int n FROM "LiteLLM_BudgetTable"`)).toEqual([{ n: 0 }]);
    await expect(copyDatabase({ from: source.url, to: broken.url, include: ['everything'], quiet: true, log })).rejects.toThrow(/unknown group 'everything'/);
  } finally {
    await empty.drop();
    await broken.drop();
  }
});

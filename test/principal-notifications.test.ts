import pg from 'pg';
import { PRINCIPALS_CHANNEL } from '../src/auth/principal-sync';
import { startTestGateway, TestGateway } from './helpers/gateway';
import { until } from './helpers/processes';
import { insertKey, makePrincipal } from './helpers/world';

// What a gateway sends on litellm_graphql_principals, heard by a listener of the test's own. PostgreSQL
// delivers notifications in commit order: a marker sent last proves that nothing came before it.
let t: TestGateway;
let listener: pg.Client;
let heard: string[] = [];

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { userApiKeyCacheTtlSeconds: 60 } });
  listener = new pg.Client({ connectionString: t.db.url });
  await listener.connect();
  listener.on('notification', (m) => heard.push(m.payload ?? ''));
  await listener.query(`LISTEN ${PRINCIPALS_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await t.close();
});
beforeEach(() => {
  heard = [];
});

async function heardUpToMarker(): Promise<string[]> {
  await t.db.ds.query(`SELECT pg_notify($1, 'marker')`, [PRINCIPALS_CHANNEL]);
  await until('the marker arrives', () => heard.includes('marker'), 10000, 20);
  return heard.slice(0, heard.indexOf('marker'));
}

test('a mutation that changes a key or a user notifies once, on commit; a new key, a rollback and a failed statement notify nothing', async () => {
  const user = await makePrincipal(t, { role: 'internal_user' });
  const k = await insertKey(t, { userId: user.userId });
  expect((await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token })).errors).toBeUndefined();
  expect((await t.gql(`mutation($id: ID!) { updateUser(id: $id, input: { userRole: "proxy_admin_viewer" }) { id } }`, { id: user.userId })).errors).toBeUndefined();
  expect(await heardUpToMarker()).toEqual(['*', '*']);

  heard = [];
  expect((await t.gql(`mutation { generateKey(input: { keyAlias: "new-key-only" }) { key } }`)).errors).toBeUndefined();
  await expect(
    t.db.ds.transaction(async (em) => {
      await em.query(`UPDATE "LiteLLM_UserTable" SET user_role = 'proxy_admin' WHERE user_id = $1`, [user.userId]);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  await t.db.ds.transaction(async (em) => {
    await em.query(`UPDATE "LiteLLM_UserTable" SET user_role = 'proxy_admin' WHERE user_id = $1`, [user.userId]);
    await em.query(`SELECT 1 / 0`).catch(() => undefined);
  });
  expect(await heardUpToMarker()).toEqual([]);
  const [{ user_role }] = await t.db.ds.query(`SELECT user_role FROM "LiteLLM_UserTable" WHERE user_id = $1`, [user.userId]);
  expect(user_role).toBe('proxy_admin_viewer');
});

test('a notification from another process clears this gateway’s cache: the key is read again', async () => {
  const user = await makePrincipal(t, { role: 'internal_user' });
  const viewer = () => t.gql(`{ viewer { role } }`, {}, user.rawKey);
  expect((await viewer()).statements).toHaveLength(1);
  expect((await viewer()).statements).toHaveLength(0);
  await t.db.ds.query(`UPDATE "LiteLLM_UserTable" SET user_role = 'internal_user_viewer' WHERE user_id = $1`, [user.userId]);
  await t.db.ds.query(`SELECT pg_notify($1, '*')`, [PRINCIPALS_CHANNEL]);
  await until('the cache is cleared', async () => (await viewer()).data.viewer.role === 'internal_user_viewer', 10000, 20);
});

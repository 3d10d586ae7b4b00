import net from 'node:net';
import pg from 'pg';
import { NoticeListener, PRINCIPALS_CHANNEL } from '../src/auth/principal-sync';
import { createLogger } from '../src/server/log';
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

test('a listener connection that stops answering (half-open: no close, no error) is dropped by the heartbeat, and listens again', async () => {
  // a TCP relay to the test database that can freeze: bytes stop flowing both ways, nothing is closed
  let frozen = false;
  const relays: net.Socket[] = [];
  const relay = net.createServer((client) => {
    const target = new URL(t.db.url);
    const server = net.connect(Number(target.port || 5432), target.hostname);
    relays.push(client, server);
    client.on('data', (d) => (frozen ? undefined : server.write(d)));
    server.on('data', (d) => (frozen ? undefined : client.write(d)));
    for (const [a, b] of [[client, server], [server, client]]) {
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  const url = Object.assign(new URL(t.db.url), { port: String((relay.address() as net.AddressInfo).port) }).toString();
  const events: string[] = [];
  const l = new NoticeListener({
    url,
    channels: { [PRINCIPALS_CHANNEL]: (p) => events.push(`heard ${p}`) },
    connected: () => void events.push('connected'),
    lost: () => events.push('lost'),
    log: createLogger('error', () => undefined),
    heartbeatMs: 200,
    minBackoffMs: 50,
  });
  try {
    await l.start();
    expect(l.listening).toBe(true);
    frozen = true;
    await until('the heartbeat found the connection dead', () => events.includes('lost'), 5000, 20);
    expect(l.listening).toBe(false);
    // new connections pass again (the frozen one stays frozen): the listener is back and hears
    for (const s of relays) s.destroy();
    frozen = false;
    await until('listening again', () => l.listening, 5000, 20);
    expect(events.filter((e) => e === 'connected')).toHaveLength(2);
    await t.db.ds.query(`SELECT pg_notify($1, 'after')`, [PRINCIPALS_CHANNEL]);
    await until('the listener hears again', () => events.includes('heard after'), 5000, 20);
  } finally {
    await l.stop();
    await new Promise((r) => relay.close(r));
  }
});

import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createGateway, Gateway } from '../../src/server/app';
import { createLogger } from '../../src/server/log';
import { freshDatabase, TestDatabase } from '../helpers/db';
import { MASTER_KEY } from '../helpers/gateway';
import { SwitchableProxy } from '../helpers/switchable-proxy';

// The database sits behind a TCP proxy that can forward, swallow new connections, or hold every byte.
// Nothing here measures time: a test that hangs is the failure, and jest's timeout catches it.

let db: TestDatabase;
let proxy: SwitchableProxy;
let proxiedUrl: string;
let config: Config;
let ds: DataSource;
let gateway: Gateway;
let server: Server;
let url: string;

beforeAll(async () => {
  db = await freshDatabase();
  const real = new URL(db.url);
  proxy = new SwitchableProxy({ host: real.hostname, port: Number(real.port || 5432) });
  const port = await proxy.listen();
  const proxied = new URL(db.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  proxiedUrl = proxied.toString();

  config = { ...loadConfig([], { DB_CONNECT_TIMEOUT_MS: '1000', DB_QUERY_TIMEOUT_MS: '1500', READINESS_TIMEOUT_MS: '2000' }), masterKey: MASTER_KEY };
  ds = createDataSource({ url: proxiedUrl, poolSize: 4, connectTimeoutMs: config.timeouts.dbConnectMs, queryTimeoutMs: config.timeouts.dbQueryMs });
  await ds.initialize();
  gateway = await createGateway({ ds, config, log: createLogger('error', () => undefined) });
  server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  proxy.forward();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await gateway.stop();
  if (ds.isInitialized) await ds.destroy();
  await proxy.close();
  await db.drop();
});

async function gql(query = '{ organizations { totalCount nodes { id } } }') {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
    body: JSON.stringify({ query }),
  });
  const body: any = await res.json();
  return { status: res.status, body, codes: (body.errors ?? []).map((e: any) => e.extensions?.code) };
}

const readiness = async () => (await fetch(`${url}/health/readiness`)).status;

async function expectHealthy() {
  const r = await gql();
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data.organizations.totalCount).toBe(0);
  expect(await readiness()).toBe(200);
}

test('a database that accepts TCP but never answers: SERVICE_UNAVAILABLE and readiness 503, then recovery', async () => {
  await expectHealthy();
  proxy.blackhole();

  // more requests than the pool has connections: some wait to connect, the rest wait for a pooled client
  const [ready, ...answers] = await Promise.all([readiness(), ...Array.from({ length: 7 }, () => gql())]);
  expect(ready).toBe(503);
  for (const a of answers) {
    expect(a.codes.length).toBeGreaterThan(0);
    expect(new Set(a.codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(a.body.errors[0].message).toMatch(/database is unavailable/);
  }
  expect(proxy.swallowed).toBeGreaterThan(0);

  proxy.forward();
  await expectHealthy();
}, 30000);

test('a database that stops answering on open connections: the answers time out, then recovery when it answers again', async () => {
  await expectHealthy();
  proxy.freeze();

  const [ready, ...answers] = await Promise.all([readiness(), gql(), gql()]);
  expect(ready).toBe(503);
  for (const a of answers) expect(new Set(a.codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));

  proxy.forward();
  await expectHealthy();
}, 30000);

test('a connection whose answer never comes is dropped, never lent again', async () => {
  await expectHealthy();
  proxy.freeze();
  // more requests than the pool holds, so that every pooled connection carries a query the database will never answer
  const answers = await Promise.all(Array.from({ length: 7 }, () => gql()));
  for (const a of answers) expect(new Set(a.codes)).toEqual(new Set(['SERVICE_UNAVAILABLE']));

  proxy.loseHeld();
  proxy.forward();
  for (let i = 0; i < 8; i++) await expectHealthy();
}, 60000);

test('readiness answers 503 by its own timeout even when the pool has no timeouts at all', async () => {
  const bare = createDataSource({ url: proxiedUrl, poolSize: 2 });
  await bare.initialize();
  const g = await createGateway({ ds: bare, config, log: createLogger('error', () => undefined) });
  const s: Server = await new Promise((resolve) => {
    const x = createServer(g.handler).listen(0, '127.0.0.1', () => resolve(x));
  });
  const at = `http://127.0.0.1:${(s.address() as AddressInfo).port}/health/readiness`;
  try {
    expect((await fetch(at)).status).toBe(200);
    proxy.freeze();
    expect((await fetch(at)).status).toBe(503);
    proxy.forward();
    expect((await fetch(at)).status).toBe(200);
  } finally {
    proxy.forward();
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
    await g.stop();
    await bare.destroy();
  }
}, 30000);

test('starting against a database that never answers fails instead of hanging', async () => {
  proxy.blackhole();
  const silent = createDataSource({ url: proxiedUrl, connectTimeoutMs: config.timeouts.dbConnectMs });
  await expect(silent.initialize()).rejects.toThrow(/timeout/i);
  proxy.forward();
}, 30000);

test('the timeouts are configurable and have defaults', () => {
  expect(loadConfig([], {}).timeouts).toEqual({ dbConnectMs: 5000, dbQueryMs: undefined, readinessMs: 3000, httpHeadersMs: 10000, httpRequestMs: 30000, shutdownGraceMs: 10000 });
  expect(config.timeouts).toMatchObject({ dbConnectMs: 1000, dbQueryMs: 1500, readinessMs: 2000 });
  expect(() => loadConfig([], { DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  expect(() => loadConfig([], { HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
});

import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { serverUrl } from './helpers/db';
import pg from 'pg';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ seed: false });
});
afterAll(async () => {
  await admin(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`);
  await t.close();
});

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

test('a lost database is SERVICE_UNAVAILABLE to callers and 503 to readiness', async () => {
  expect((await t.gql(`{ organizations { nodes { id } } }`)).errors).toBeUndefined();
  await admin(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.db.name}' AND pid <> pg_backend_pid()`);
  const r = await t.gql(`{ organizations { nodes { id } } }`);
  expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(r.errors![0].message).toMatch(/database is unavailable/);
  expect((await fetch(`${t.url}/health/readiness`)).status).toBe(503);
  await admin(`ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`);
  expect((await t.gql(`{ organizations { nodes { id } } }`)).errors).toBeUndefined();
});

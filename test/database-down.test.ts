import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { cutOffDatabase, reopenDatabase } from './helpers/db';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ seed: false });
});
afterAll(async () => {
  await reopenDatabase(t.db.name);
  await t.close();
});


test('a lost database is SERVICE_UNAVAILABLE to callers and 503 to readiness', async () => {
  expect((await t.gql(`{ organizations { nodes { id } } }`)).errors).toBeUndefined();
  await cutOffDatabase(t.db.name);
  const r = await t.gql(`{ organizations { nodes { id } } }`);
  expect(codes(r)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(r.errors![0].message).toMatch(/database is unavailable/);
  expect((await fetch(`${t.url}/health/readiness`)).status).toBe(503);
  await reopenDatabase(t.db.name);
  expect((await t.gql(`{ organizations { nodes { id } } }`)).errors).toBeUndefined();
});

import { cutOffDatabase, reopenDatabase } from '../helpers/db';
import { MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { makePrincipal, MadePrincipal } from '../helpers/world';

let t: TestGateway;
let user: MadePrincipal;

async function post(headers: Record<string, string>) {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
  return { status: res.status, body: (await res.json()) as any };
}


beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  user = await makePrincipal(t, { role: 'internal_user' });
});
afterAll(async () => {
  await reopenDatabase(t.db.name);
  await t.close();
});

test('Authorization: Bearer <key> and x-litellm-api-key: <key> both authenticate; x-litellm-api-key wins', async () => {
  expect((await post({ authorization: `Bearer ${user.rawKey}` })).body.data.viewer.role).toBe('internal_user');
  expect((await post({ 'x-litellm-api-key': user.rawKey })).body.data.viewer.role).toBe('internal_user');
  expect((await post({ 'x-litellm-api-key': MASTER_KEY, authorization: `Bearer ${user.rawKey}` })).body.data.viewer.role).toBe('proxy_admin');
});

test('a raw key in Authorization without the Bearer scheme is refused, as LiteLLM refuses it', async () => {
  for (const authorization of [user.rawKey, MASTER_KEY, `Basic ${MASTER_KEY}`, `Bearer ${MASTER_KEY} extra`]) {
    const r = await post({ authorization });
    expect(r.status).toBe(401);
    expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
    expect(r.body.errors[0].message).toMatch(/Bearer/);
  }
});

test('while the database is down, a virtual key gets SERVICE_UNAVAILABLE (503), not a 500', async () => {
  await cutOffDatabase(t.db.name);
  const r = await post({ authorization: `Bearer ${user.rawKey}` });
  expect(r.status).toBe(503);
  expect(r.body.errors.map((e: any) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  await reopenDatabase(t.db.name);
  expect((await post({ authorization: `Bearer ${user.rawKey}` })).status).toBe(200);
});

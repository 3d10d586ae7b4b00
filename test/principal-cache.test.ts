import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makePrincipal, makeTeam } from './helpers/world';

let t: TestGateway;
let team: string;
beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { userApiKeyCacheTtlSeconds: 60 } });
  team = await makeTeam(t, 'team');
});
afterAll(() => t.close());

const viewer = (key: string) => t.gql(`{ viewer { role } }`, {}, key);

test('a virtual key is resolved once per TTL: the next requests issue no authentication statement', async () => {
  const user = await makePrincipal(t, { role: 'internal_user' });
  expect((await viewer(user.rawKey)).statements.length).toBe(1);
  const again = await viewer(user.rawKey);
  expect(again.data.viewer.role).toBe('internal_user');
  expect(again.statements.length).toBe(0);
});

test("this gateway's own mutations apply at once: a blocked key is refused on the next request", async () => {
  const admin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  const k = await insertKey(t, { userId: admin.userId, teamId: team });
  expect((await viewer(k.rawKey)).errors).toBeUndefined();
  expect((await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token })).errors).toBeUndefined();
  expect(codes(await viewer(k.rawKey))).toEqual(['UNAUTHENTICATED']);
});

test('a change made elsewhere applies within the TTL (as on LiteLLM), and expiry is checked on every request', async () => {
  const user = await makePrincipal(t, { role: 'internal_user' });
  const k = await insertKey(t, { userId: user.userId, expires: new Date(Date.now() + 1500) });
  expect((await viewer(k.rawKey)).errors).toBeUndefined();
  await t.db.ds.query(`UPDATE "LiteLLM_UserTable" SET user_role = 'proxy_admin' WHERE user_id = $1`, [user.userId]);
  expect((await viewer(k.rawKey)).data.viewer.role).toBe('internal_user');
  await new Promise((r) => setTimeout(r, 1600));
  const expired = await viewer(k.rawKey);
  expect(codes(expired)).toEqual(['UNAUTHENTICATED']);
  expect(expired.errors![0].message).toMatch(/expired/);
});

import { MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { probe, refused } from '../helpers/roles';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

test('every root is UNAUTHENTICATED (401) without a key, and no SQL runs', async () => {
  const r = await probe(t, null);
  for (const [root, res] of Object.entries(r)) {
    refused(res, 'UNAUTHENTICATED');
    expect({ root, status: res.status, statements: res.statements }).toEqual({ root, status: 401, statements: [] });
  }
});

test('mutations too, and nothing is written', async () => {
  const [{ n }] = await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`);
  refused(await t.gql(`mutation { generateKey(input: {}) { key } }`, {}, null), 'UNAUTHENTICATED');
  refused(await t.gql(`mutation { createBudget(input: {}) { id } }`, {}, null), 'UNAUTHENTICATED');
  expect(await t.db.ds.query(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`)).toEqual([{ n }]);
});

test('an empty or non-Bearer header is no key either', async () => {
  for (const header of ['', 'Bearer ', 'Basic dXNlcjpwYXNz']) {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: header }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
    expect(res.status).toBe(401);
  }
  const ok = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `bearer ${MASTER_KEY}` }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
  expect(ok.status).toBe(200);
});

import { hashKey } from '../../src/services/key-format';
import { MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { probe, refused } from '../helpers/roles';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

test.each([
  ['an unknown key', 'sk-unknown-key-1234567890', /no virtual key matches/],
  ['a key without sk-', 'not-a-litellm-key', /start with 'sk-'/],
  ['the hash of a key instead of the key', '', /start with 'sk-'/],
  ['a near miss of the master key', `${MASTER_KEY}x`, /no virtual key matches/],
])('%s: every root is UNAUTHENTICATED', async (_name, key, message) => {
  const raw = key || hashKey(t.seed!.principals[0].rawKey);
  const r = await probe(t, raw);
  for (const res of Object.values(r)) {
    refused(res, 'UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(message);
    expect(res.errors![0].message).not.toContain(raw);
  }
});

test('blocked and expired keys are refused with the reason', async () => {
  const [a, b] = t.seed!.principals;
  await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET blocked = true WHERE token = $1`, [hashKey(a.rawKey)]);
  await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET expires = '2020-01-01' WHERE token = $1`, [hashKey(b.rawKey)]);
  const blocked = await probe(t, a.rawKey);
  const expired = await probe(t, b.rawKey);
  for (const res of Object.values(blocked)) expect(res.errors![0].message).toMatch(/blocked/);
  for (const res of Object.values(expired)) expect(res.errors![0].message).toMatch(/expired at 2020-01-01/);
});

import { randomUUID } from 'node:crypto';
import { startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, MadePrincipal } from '../helpers/world';

/**
 * A key's tombstone is seen by those who saw the key alive (docs/security.md: nobody but admins sees another
 * user's personal keys), so deleting a key does not hand its alias, owner and metadata to more callers.
 */
let t: TestGateway;
let org: string;
let orgAdmin: MadePrincipal, member: MadePrincipal;
const from = new Date(Date.now() - 86400000).toISOString();
const to = new Date(Date.now() + 86400000).toISOString();
const READ = `query($f: SpendLogFilter!) { spendLogs(filter: $f) { nodes { requestId key { token } deletedKey { keyAlias userId } } } }`;

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'org');
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
  member = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [org] });
});
afterAll(() => t.close());

test("an org admin sees no tombstone of a member's personal key that carried the organization, as they never saw the key", async () => {
  // a personal key (no team) made in the organization, and a request it made
  const { token } = await insertKey(t, { userId: member.userId });
  await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET organization_id = $2, key_alias = 'members-private-key' WHERE token = $1`, [token, org]);
  const requestId = randomUUID();
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, "startTime", "endTime", model, api_key, "user", organization_id, spend) VALUES ($1, 'acompletion', now(), now(), 'gpt-4o', $2, $3, $4, 1)`,
    [requestId, token, member.userId, org],
  );
  const alive = await t.gql(READ, { f: { from, to, requestId } }, orgAdmin.rawKey);
  expect(alive.errors).toBeUndefined();
  expect(alive.data.spendLogs.nodes).toEqual([{ requestId, key: null, deletedKey: null }]);

  expect((await t.gql(`mutation($k: String!) { deleteKeys(tokens: [$k]) }`, { k: token })).errors).toBeUndefined();
  const gone = await t.gql(READ, { f: { from, to, requestId } }, orgAdmin.rawKey);
  expect(gone.errors).toBeUndefined();
  expect(gone.data.spendLogs.nodes).toEqual([{ requestId, key: null, deletedKey: null }]);
  // its owner still sees it
  const own = await t.gql(READ, { f: { from, to, requestId } }, member.rawKey);
  expect(own.data.spendLogs.nodes).toEqual([{ requestId, key: null, deletedKey: { keyAlias: 'members-private-key', userId: member.userId } }]);
});

import { codes, GqlResult, MASTER_KEY, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam } from '../helpers/world';

// Who may call the end user (customer) mutations: as in LiteLLM, where /customer/* writes are proxy admin
// routes, only proxy admins (and the master key). Everyone else is FORBIDDEN, for a customer that exists
// and one that does not alike (no existence oracle), and nothing is written. End users belong to no
// organization or team in LiteLLM, so an org or team admin is outside their scope for every customer.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

type Op = { name: string; query: string; vars: (id: string) => Record<string, unknown> };
const OPS: Op[] = [
  { name: 'createEndUser', query: `mutation($i: CreateEndUserInput!) { createEndUser(input: $i) { id } }`, vars: (id) => ({ i: { userId: `${id}-new`, maxBudget: 1 } }) },
  { name: 'updateEndUser', query: `mutation($id: ID!) { updateEndUser(id: $id, input: { alias: "changed", maxBudget: 99 }) { id } }`, vars: (id) => ({ id }) },
  { name: 'blockEndUsers', query: `mutation($ids: [ID!]!) { blockEndUsers(ids: $ids) }`, vars: (id) => ({ ids: [id] }) },
  { name: 'unblockEndUsers', query: `mutation($ids: [ID!]!) { unblockEndUsers(ids: $ids) }`, vars: (id) => ({ ids: [id] }) },
  { name: 'deleteEndUsers', query: `mutation($ids: [ID!]!) { deleteEndUsers(ids: $ids) }`, vars: (id) => ({ ids: [id] }) },
];

async function fingerprint(): Promise<string> {
  const parts = [];
  for (const table of ['LiteLLM_EndUserTable', 'LiteLLM_BudgetTable', 'LiteLLM_AuditLog'])
    parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

const customer = async (id: string) => {
  await q(`INSERT INTO "LiteLLM_EndUserTable" (user_id, blocked) VALUES ($1, true)`, [id]);
  return id;
};

let callers: Record<string, string>;
let orgA: string;

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  orgA = await makeOrganization(t, 'org-a');
  const teamA = await makeTeam(t, 'team-a', orgA);
  const admin = await makePrincipal(t, { role: 'proxy_admin' });
  const viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  const orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  const teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamA] });
  const member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [teamA] });
  const internalViewer = await makePrincipal(t, { role: 'internal_user_viewer', teamMemberOf: [teamA] });
  callers = {
    'the master key': MASTER_KEY,
    'a proxy admin': admin.rawKey,
    'an admin viewer': viewer.rawKey,
    'an org admin': orgAdmin.rawKey,
    'a team admin': teamAdmin.rawKey,
    'an internal user': member.rawKey,
    'an internal user viewer': internalViewer.rawKey,
  };
});
afterAll(() => t.close());

const ALLOWED = ['the master key', 'a proxy admin'];
const REFUSED = ['an admin viewer', 'an org admin', 'a team admin', 'an internal user', 'an internal user viewer'];

describe.each(OPS.map((op) => [op.name, op] as const))('%s', (_name, op) => {
  test.each(ALLOWED)('%s: allowed', async (who) => {
    const id = await customer(`ok-${op.name}-${who.replace(/\W/g, '')}`);
    const r: GqlResult = await t.gql(op.query, op.vars(id), callers[who]);
    expect(r.errors).toBeUndefined();
    const after = await q(`SELECT user_id, alias, blocked FROM "LiteLLM_EndUserTable" WHERE user_id IN ($1, $2)`, [id, `${id}-new`]);
    const expected: Record<string, unknown[]> = {
      createEndUser: [{ user_id: id, alias: null, blocked: true }, { user_id: `${id}-new`, alias: null, blocked: false }],
      updateEndUser: [{ user_id: id, alias: 'changed', blocked: true }],
      blockEndUsers: [{ user_id: id, alias: null, blocked: true }],
      unblockEndUsers: [{ user_id: id, alias: null, blocked: false }],
      deleteEndUsers: [],
    };
    expect(after.sort((a: any, b: any) => a.user_id.localeCompare(b.user_id))).toEqual(expected[op.name]);
  });

  test.each(REFUSED)('%s: FORBIDDEN for an existing and an unknown customer, nothing written', async (who) => {
    const id = await customer(`no-${op.name}-${who.replace(/\W/g, '')}`);
    for (const target of [id, `ghost-${id}`]) {
      const before = await fingerprint();
      const r = await t.gql(op.query, op.vars(target), callers[who]);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(await fingerprint()).toBe(before);
    }
  });
});

test('viewers are told they are read-only; others that only proxy admins may', async () => {
  const id = await customer('messages');
  const viewer = await t.gql(`mutation($ids: [ID!]!) { blockEndUsers(ids: $ids) }`, { ids: [id] }, callers['an admin viewer']);
  expect(viewer.errors![0].message).toBe('proxy_admin_viewer is read-only and may not block end users');
  const member = await t.gql(`mutation($ids: [ID!]!) { deleteEndUsers(ids: $ids) }`, { ids: [id] }, callers['an internal user']);
  expect(member.errors![0].message).toBe('Only proxy admins may delete end users');
});

test("a proxy admin's key limited to /customer/block blocks customers and may not delete them", async () => {
  const [{ user_id: adminId }] = await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_role = 'proxy_admin' LIMIT 1`);
  const limited = await insertKey(t, { userId: adminId, allowedRoutes: ['/customer/block'] });
  const id = await customer('routes');
  expect((await t.gql(`mutation($ids: [ID!]!) { blockEndUsers(ids: $ids) }`, { ids: [id] }, limited.rawKey)).data.blockEndUsers).toEqual([id]);
  const before = await fingerprint();
  expect(codes(await t.gql(`mutation($ids: [ID!]!) { deleteEndUsers(ids: $ids) }`, { ids: [id] }, limited.rawKey))).toEqual(['FORBIDDEN']);
  expect(await fingerprint()).toBe(before);
});

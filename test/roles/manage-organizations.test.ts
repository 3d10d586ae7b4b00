import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, MadePrincipal, makeTeam } from '../helpers/world';

// Who may call each organization mutation: proxy admins everything; org admins the members of their own
// organization (not their own membership, not organizations themselves); everyone else nothing. An
// organization the caller does not belong to is NOT_FOUND; one seen but not administered FORBIDDEN.

let t: TestGateway;
let orgA: string;
let orgB: string;
const who: Record<string, MadePrincipal> = {};
let n = 0;
const fresh = () => `m-${++n}`;

async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_OrganizationTable', 'LiteLLM_OrganizationMembership', 'LiteLLM_UserTable', 'LiteLLM_BudgetTable', 'LiteLLM_TeamTable', 'LiteLLM_VerificationToken'];
  const parts = [];
  for (const table of tables) parts.push((await t.db.ds.query(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

const member = async (org: string) => {
  const id = fresh();
  await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_role) VALUES ($1, 'internal_user')`, [id]);
  await t.db.ds.query(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ($1, $2, 'internal_user')`, [id, org]);
  return id;
};

/** Each mutation as a call on organization `org`, preparing what it needs first. */
const CALLS: Record<string, (org: string) => Promise<{ query: string; variables: Record<string, unknown> }>> = {
  createOrganization: async () => ({ query: `mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`, variables: { i: { organizationAlias: fresh(), maxBudget: 1 } } }),
  updateOrganization: async (org) => ({ query: `mutation($id: ID!) { updateOrganization(id: $id, input: { maxBudget: 1000 }) { id } }`, variables: { id: org } }),
  deleteOrganizations: async (org) => ({ query: `mutation($ids: [ID!]!) { deleteOrganizations(ids: $ids) }`, variables: { ids: [org] } }),
  addOrganizationMembers: async (org) => ({
    query: `mutation($o: ID!, $m: [OrganizationMemberInput!]!) { addOrganizationMembers(organizationId: $o, members: $m) { id } }`,
    variables: { o: org, m: [{ userEmail: `${fresh()}@example.com`, role: 'ORG_ADMIN' }] },
  }),
  updateOrganizationMember: async (org) => ({
    query: `mutation($o: ID!, $u: ID!) { updateOrganizationMember(organizationId: $o, userId: $u, input: { role: ORG_ADMIN, maxBudgetInOrganization: 5 }) { role } }`,
    variables: { o: org, u: await member(org) },
  }),
  removeOrganizationMembers: async (org) => ({ query: `mutation($o: ID!, $u: [ID!]!) { removeOrganizationMembers(organizationId: $o, userIds: $u) { id } }`, variables: { o: org, u: [await member(org)] } }),
};

type Expect = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
const MEMBER_CALLS = ['addOrganizationMembers', 'updateOrganizationMember', 'removeOrganizationMembers'];
const ORG_CALLS = ['createOrganization', 'updateOrganization', 'deleteOrganizations'];

/** caller → [where, expectation per mutation] */
const MATRIX: [string, 'A' | 'B', Record<string, Expect>][] = [
  ['proxy admin', 'A', Object.fromEntries([...ORG_CALLS, ...MEMBER_CALLS].map((c) => [c, 'ok']))],
  ['admin viewer', 'A', Object.fromEntries([...ORG_CALLS, ...MEMBER_CALLS].map((c) => [c, 'FORBIDDEN']))],
  ['org admin', 'A', { ...Object.fromEntries(ORG_CALLS.map((c) => [c, 'FORBIDDEN'])), ...Object.fromEntries(MEMBER_CALLS.map((c) => [c, 'ok'])) }],
  // outside: B is an organization the org admin does not belong to
  ['org admin', 'B', { ...Object.fromEntries(ORG_CALLS.map((c) => [c, 'FORBIDDEN'])), ...Object.fromEntries(MEMBER_CALLS.map((c) => [c, 'NOT_FOUND'])) }],
  // a plain member of B elsewhere: seen, not administered
  ['org admin, member of B', 'B', { ...Object.fromEntries(ORG_CALLS.map((c) => [c, 'FORBIDDEN'])), ...Object.fromEntries(MEMBER_CALLS.map((c) => [c, 'FORBIDDEN'])) }],
  // team admin of a team inside A: team power gives no organization power
  ['team admin', 'A', { ...Object.fromEntries(ORG_CALLS.map((c) => [c, 'FORBIDDEN'])), ...Object.fromEntries(MEMBER_CALLS.map((c) => [c, 'NOT_FOUND'])) }],
  ['team admin', 'B', { ...Object.fromEntries(ORG_CALLS.map((c) => [c, 'FORBIDDEN'])), ...Object.fromEntries(MEMBER_CALLS.map((c) => [c, 'NOT_FOUND'])) }],
  ['internal user', 'A', Object.fromEntries([...ORG_CALLS, ...MEMBER_CALLS].map((c) => [c, 'FORBIDDEN']))],
  ['internal user viewer', 'A', Object.fromEntries([...ORG_CALLS, ...MEMBER_CALLS].map((c) => [c, 'FORBIDDEN']))],
];

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  orgA = await makeOrganization(t, 'org-a');
  orgB = await makeOrganization(t, 'org-b');
  const teamInA = await makeTeam(t, 'team-in-a', orgA);
  who['proxy admin'] = await makePrincipal(t, { role: 'proxy_admin' });
  who['admin viewer'] = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  who['org admin'] = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  who['org admin, member of B'] = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA], orgMemberOf: [orgB] });
  who['team admin'] = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamInA] });
  who['internal user'] = await makePrincipal(t, { role: 'internal_user', orgMemberOf: [orgA] });
  who['internal user viewer'] = await makePrincipal(t, { role: 'internal_user_viewer', orgMemberOf: [orgA] });
});
afterAll(() => t.close());

describe.each(MATRIX)('%s on organization %s', (caller, where, expected) => {
  test.each(Object.entries(expected))('%s: %s', async (mutation, outcome) => {
    // deletes act on an organization of their own, so the matrix keeps A and B
    const org = mutation === 'deleteOrganizations' && outcome === 'ok' ? await makeOrganization(t, fresh()) : where === 'A' ? orgA : orgB;
    const { query, variables } = await CALLS[mutation](org);
    const before = await fingerprint();
    const r = await t.gql(query, variables, who[caller].rawKey);
    if (outcome === 'ok') {
      expect(r.errors).toBeUndefined();
      expect(await fingerprint()).not.toBe(before);
    } else {
      expect(codes(r)).toEqual([outcome]);
      expect(await fingerprint()).toBe(before);
    }
  });
});

describe('an org admin cannot raise their own power', () => {
  test('their own role or budget in the organization: FORBIDDEN, nothing written', async () => {
    const me = who['org admin'];
    const before = await fingerprint();
    for (const input of ['{ maxBudgetInOrganization: 1000000 }', '{ role: INTERNAL_USER }']) {
      const r = await t.gql(`mutation($o: ID!, $u: ID!) { updateOrganizationMember(organizationId: $o, userId: $u, input: ${input}) { role } }`, { o: orgA, u: me.userId }, me.rawKey);
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
    expect(await fingerprint()).toBe(before);
  });

  test('their organization budget (updateOrganization) and another organization: FORBIDDEN / NOT_FOUND', async () => {
    const me = who['org admin'];
    expect(codes(await t.gql(`mutation($id: ID!) { updateOrganization(id: $id, input: { maxBudget: 1e6 }) { id } }`, { id: orgA }, me.rawKey))).toEqual(['FORBIDDEN']);
    const r = await t.gql(`mutation($o: ID!) { addOrganizationMembers(organizationId: $o, members: [{ userId: "${me.userId}", role: ORG_ADMIN }]) { id } }`, { o: orgB }, me.rawKey);
    expect(codes(r)).toEqual(['NOT_FOUND']);
  });

  test('a user_id nobody has yet is made only by proxy admins; by email an org admin may add a new user', async () => {
    const me = who['org admin'];
    const before = await fingerprint();
    const r = await t.gql(`mutation($o: ID!) { addOrganizationMembers(organizationId: $o, members: [{ userId: "future-admin", role: INTERNAL_USER }]) { id } }`, { o: orgA }, me.rawKey);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
    const ok = await t.gql(`mutation($o: ID!) { addOrganizationMembers(organizationId: $o, members: [{ userEmail: "invitee@example.com", role: INTERNAL_USER }]) { id } }`, { o: orgA }, me.rawKey);
    expect(ok.errors).toBeUndefined();
    const [row] = await t.db.ds.query(`SELECT u.user_role, m.user_role AS org_role FROM "LiteLLM_UserTable" u JOIN "LiteLLM_OrganizationMembership" m USING (user_id) WHERE u.user_email = 'invitee@example.com'`);
    expect(row).toEqual({ user_role: 'internal_user', org_role: 'internal_user' });
  });
});

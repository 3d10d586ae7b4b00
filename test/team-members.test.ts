import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, manyUsers, userLookupPlans } from './helpers/world';

// addTeamMembers / removeTeamMembers write what LiteLLM's /team/member_add and /team/member_delete write,
// in one transaction under LiteLLM's own per-team advisory lock.

let t: TestGateway;
let org: string;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const ADD = `mutation($t: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $t, members: $m) { id members(first: 100) { nodes { userId userEmail role } } } }`;
const REMOVE = `mutation($t: ID!, $u: [ID!], $e: [String!]) { removeTeamMembers(teamId: $t, userIds: $u, userEmails: $e) { id members(first: 100) { nodes { userId } } } }`;

const roster = async (team: string) => (await q(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;
/** Every row a member mutation may touch, to show that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const tables = ['LiteLLM_TeamTable', 'LiteLLM_UserTable', 'LiteLLM_TeamMembership', 'LiteLLM_BudgetTable', 'LiteLLM_VerificationToken', 'LiteLLM_DeletedVerificationToken'];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  org = await makeOrganization(t, 'members-org');
});
afterAll(() => t.close());

test('50 concurrent adds to one team keep all 50 members, each once, and each user has the team once', async () => {
  const team = await makeTeam(t, 'busy', org);
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => t.gql(ADD, { t: team, m: [i % 2 ? { userEmail: `racer${i}@example.com` } : { userId: `racer-${i}`, userEmail: `racer${i}@example.com`, role: 'ADMIN' }] })),
  );
  for (const r of results) expect(r.errors).toBeUndefined();
  const entries = await roster(team);
  expect(entries).toHaveLength(50);
  expect(new Set(entries.map((e: any) => e.user_email)).size).toBe(50);
  const users = await q(`SELECT user_id, teams FROM "LiteLLM_UserTable" WHERE user_email LIKE 'racer%'`);
  expect(users).toHaveLength(50);
  for (const u of users) expect(u.teams).toEqual([team]);
  expect(new Set(entries.map((e: any) => e.user_id))).toEqual(new Set(users.map((u: any) => u.user_id)));
});

test('the same member added by 10 concurrent calls is in the team once: one succeeds, the others are CONFLICT', async () => {
  const team = await makeTeam(t, 'same-member', org);
  const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(ADD, { t: team, m: [{ userId: 'twin', userEmail: 'twin@example.com' }] })));
  expect(results.filter((r) => !r.errors)).toHaveLength(1);
  expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(9);
  expect(await roster(team)).toHaveLength(1);
  expect((await q(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = 'twin'`))[0].teams).toEqual([team]);
});

test("a new member by email is created as LiteLLM creates one, and the entry is LiteLLM's shape", async () => {
  const team = await makeTeam(t, 'shape', org);
  const r = await t.gql(ADD, { t: team, m: [{ userEmail: 'New.Person@example.com' }] });
  expect(r.errors).toBeUndefined();
  const [user] = await q(`SELECT user_id, user_email, user_role, teams, models, spend FROM "LiteLLM_UserTable" WHERE user_email = 'New.Person@example.com'`);
  expect(user).toMatchObject({ user_email: 'New.Person@example.com', user_role: 'internal_user', teams: [team], models: [], spend: 0 });
  expect(user.user_id).toMatch(/^[0-9a-f-]{36}$/);
  const [text] = await q(`SELECT members_with_roles::text AS t FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]);
  expect(text.t).toBe(`[{"role": "user", "user_id": "${user.user_id}", "user_email": "New.Person@example.com"}]`);
  expect(await q(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE user_id = $1`, [user.user_id])).toEqual([]);
  // the same email in another case finds that user
  const other = await makeTeam(t, 'shape-2', org);
  await t.gql(ADD, { t: other, m: [{ userEmail: 'new.person@EXAMPLE.com' }] });
  expect((await q(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [user.user_id]))[0].teams).toEqual([team, other]);
});

test('an existing user by id: the team is appended once, and the entry carries their email', async () => {
  const team = await makeTeam(t, 'existing', org);
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams) VALUES ('known-1', 'known@example.com', 'internal_user', ARRAY['elsewhere'])`);
  const r = await t.gql(ADD, { t: team, m: [{ userId: 'known-1', role: 'ADMIN' }] });
  expect(r.data.addTeamMembers.members.nodes).toEqual([{ userId: 'known-1', userEmail: 'known@example.com', role: 'ADMIN' }]);
  expect((await q(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = 'known-1'`))[0].teams).toEqual(['elsewhere', team]);
});

test('maxBudgetInTeam makes a tier and a TeamMembership row; without it, the team member budget tier is copied', async () => {
  const team = await makeTeam(t, 'budgets', org);
  const r = await t.gql(ADD, { t: team, m: [{ userId: 'budgeted', maxBudgetInTeam: 12.5, budgetDuration: '30d' }] });
  expect(r.errors).toBeUndefined();
  const [m] = await q(`SELECT tm.spend, b.max_budget, b.budget_duration, b.budget_reset_at FROM "LiteLLM_TeamMembership" tm JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE tm.user_id = 'budgeted' AND tm.team_id = $1`, [team]);
  expect(m).toMatchObject({ spend: 0, max_budget: 12.5, budget_duration: '30d' });
  expect(m.budget_reset_at).not.toBeNull();
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, tpm_limit, created_by, updated_by) VALUES ('member-tier', 3, 100, 'x', 'x')`);
  await q(`UPDATE "LiteLLM_TeamTable" SET metadata = '{"team_member_budget_id": "member-tier"}' WHERE team_id = $1`, [team]);
  await t.gql(ADD, { t: team, m: [{ userId: 'defaulted' }] });
  const [copy] = await q(`SELECT b.budget_id, b.max_budget, b.tpm_limit FROM "LiteLLM_TeamMembership" tm JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE tm.user_id = 'defaulted'`);
  expect(copy).toMatchObject({ max_budget: 3, tpm_limit: 100 });
  expect(copy.budget_id).not.toBe('member-tier');
});

test('a member already in the team: CONFLICT alone, skipped in a list', async () => {
  const team = await makeTeam(t, 'dupes', org);
  await t.gql(ADD, { t: team, m: [{ userId: 'dup-1' }] });
  const before = await fingerprint();
  const again = await t.gql(ADD, { t: team, m: [{ userId: 'dup-1' }] });
  expect(codes(again)).toEqual(['CONFLICT']);
  expect(again.errors![0].message).toMatch(/User already in team/);
  expect(await fingerprint()).toBe(before);
  const list = await t.gql(ADD, { t: team, m: [{ userId: 'dup-1' }, { userId: 'dup-2' }, { userId: 'dup-2' }] });
  expect(list.errors).toBeUndefined();
  expect(list.data.addTeamMembers.members.nodes.map((n: any) => n.userId)).toEqual(['dup-1', 'dup-2']);
});

test.each([
  ['no id and no email', [{ role: 'USER' }], 'BAD_USER_INPUT', /Either user_id or user_email/],
  ['an email of another user', [{ userId: 'someone-else', userEmail: 'known@example.com' }], 'BAD_USER_INPUT', /do not belong to the same user/],
  ['a negative budget', [{ userId: 'x1', maxBudgetInTeam: -1 }], 'BAD_USER_INPUT', /maxBudgetInTeam/],
  ['a bad duration', [{ userId: 'x1', maxBudgetInTeam: 1, budgetDuration: 'soon' }], 'BAD_USER_INPUT', /budgetDuration/],
  ['no members', [], 'BAD_USER_INPUT', /give 1 to 500 members/],
])('%s: refused, nothing written', async (_name, members, code, message) => {
  const team = (await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE team_alias = 'existing'`))[0].team_id;
  const before = await fingerprint();
  const r = await t.gql(ADD, { t: team, m: members });
  expect(codes(r)).toEqual([code]);
  expect(r.errors![0].message).toMatch(message);
  expect(await fingerprint()).toBe(before);
});

test("who may add: team and org admins existing users only; members and other teams' admins nobody", async () => {
  const team = await makeTeam(t, 'guarded', org);
  const other = await makeTeam(t, 'other', org);
  const teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [team] });
  const orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [org] });
  const member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team] });
  const outsider = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [other] });
  await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams) VALUES ('joiner', 'joiner@example.com', 'internal_user', '{}')`);
  // a team of an organization takes that organization's users (test/security/org-teams-take-only-their-organizations-users.test.ts)
  await q(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ('joiner', $1, 'internal_user')`, [org]);
  expect((await t.gql(ADD, { t: team, m: [{ userId: 'joiner' }] }, teamAdmin.rawKey)).errors).toBeUndefined();
  expect((await t.gql(ADD, { t: team, m: [{ userEmail: 'org-added@example.com' }] }, orgAdmin.rawKey)).errors).toBeUndefined();
  const before = await fingerprint();
  const ghost = await t.gql(ADD, { t: team, m: [{ userId: 'no-such-user-yet' }] }, teamAdmin.rawKey);
  expect(codes(ghost)).toEqual(['FORBIDDEN']);
  expect(ghost.errors![0].message).toMatch(/Only proxy admins can add a user_id that does not exist yet/);
  for (const key of [member.rawKey, outsider.rawKey]) {
    const r = await t.gql(ADD, { t: team, m: [{ userId: 'joiner' }] }, key);
    expect(codes(r)[0]).toMatch(/FORBIDDEN|NOT_FOUND/);
  }
  expect(codes(await t.gql(ADD, { t: team, m: [{ userId: 'joiner' }] }, member.rawKey))).toEqual(['FORBIDDEN']);
  expect(codes(await t.gql(REMOVE, { t: team, u: ['joiner'] }, member.rawKey))).toEqual(['FORBIDDEN']);
  expect(await fingerprint()).toBe(before);
});

test('removing a member: the entry, the team in UserTable.teams, the membership row and their keys in the team go; other keys stay', async () => {
  const team = await makeTeam(t, 'leaving', org);
  await t.gql(ADD, { t: team, m: [{ userId: 'leaver', userEmail: 'leaver@example.com', maxBudgetInTeam: 5 }, { userId: 'stayer' }] });
  const inTeam = await insertKey(t, { userId: 'leaver', teamId: team });
  const personal = await insertKey(t, { userId: 'leaver' });
  const r = await t.gql(REMOVE, { t: team, e: ['leaver@example.com'] });
  expect(r.errors).toBeUndefined();
  expect(r.data.removeTeamMembers.members.nodes).toEqual([{ userId: 'stayer' }]);
  expect((await q(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = 'leaver'`))[0].teams).toEqual([]);
  expect(await q(`SELECT 1 FROM "LiteLLM_TeamMembership" WHERE user_id = 'leaver' AND team_id = $1`, [team])).toEqual([]);
  expect(await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = 'leaver'`)).toEqual([{ token: personal.token }]);
  expect(await q(`SELECT token, team_id FROM "LiteLLM_DeletedVerificationToken" WHERE token = $1`, [inTeam.token])).toEqual([{ token: inTeam.token, team_id: team }]);
  const before = await fingerprint();
  const gone = await t.gql(REMOVE, { t: team, u: ['leaver'] });
  expect(codes(gone)).toEqual(['NOT_FOUND']);
  expect(gone.errors![0].message).toMatch(/User not found in team/);
  expect(codes(await t.gql(REMOVE, { t: team }))).toEqual(['BAD_USER_INPUT']);
  expect(await fingerprint()).toBe(before);
});

test('a member add costs the same statements whatever its width: 3 or 60 members, new and existing, own tiers and the team default tier', async () => {
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, rpm_limit, budget_duration, created_by, updated_by) VALUES ('wide-tier', 7, 60, '1d', 'x', 'x') ON CONFLICT DO NOTHING`);
  const add = async (width: number, tag: string) => {
    const team = await makeTeam(t, `wide-${tag}`, org);
    await q(`UPDATE "LiteLLM_TeamTable" SET metadata = '{"team_member_budget_id": "wide-tier"}' WHERE team_id = $1`, [team]);
    // a third existing users (one in the organization), a third new by email, a third new by id with a tier of their own
    const members = [];
    for (let i = 0; i < width; i++) {
      if (i % 3 === 0) {
        const id = `wide-${tag}-old-${i}`;
        await q(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, teams) VALUES ($1, $2, '{}')`, [id, `${id}@Example.com`]);
        await q(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ($1, $2, 'internal_user')`, [id, org]);
        members.push({ userEmail: `${id}@example.COM` });
      } else if (i % 3 === 1) members.push({ userEmail: `wide-${tag}-new-${i}@example.com`, role: 'ADMIN' });
      else members.push({ userId: `wide-${tag}-id-${i}`, maxBudgetInTeam: 2, budgetDuration: '7d' });
    }
    const r = await t.gql(ADD, { t: team, m: members });
    expect(r.errors).toBeUndefined();
    expect(r.data.addTeamMembers.members.nodes).toHaveLength(width);
    // every member has a tier: a copy of the team default or their own, each a row of its own
    const tiers = await q(`SELECT tm.user_id, b.budget_id, b.max_budget FROM "LiteLLM_TeamMembership" tm JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE tm.team_id = $1`, [team]);
    expect(tiers).toHaveLength(width);
    expect(new Set(tiers.map((x: any) => x.budget_id)).size).toBe(width);
    expect(tiers.filter((x: any) => x.max_budget === 2)).toHaveLength(members.filter((m) => m.maxBudgetInTeam).length);
    // existing users were found by email case-insensitively: no new user for them; everyone has the team once
    const users = await q(`SELECT user_id, teams FROM "LiteLLM_UserTable" WHERE $1 = ANY(teams)`, [team]);
    expect(users).toHaveLength(width);
    for (const u of users) expect(u.teams).toEqual([team]);
    return r.statements.length;
  };
  expect(await add(60, 'b')).toBe(await add(3, 'a'));
});

test("finding the named users reads UserTable's indexes, not every user (a LiteLLM deployment may hold many)", async () => {
  await manyUsers(t);
  const team = await makeTeam(t, 'indexed');
  const r = await t.gql(ADD, { t: team, m: [{ userEmail: 'Bulk-7@example.com' }, { userId: 'bulk-8' }] });
  expect(r.errors).toBeUndefined();
  const plans = await userLookupPlans(t, r.statements, [['bulk-8'], ['Bulk-7@example.com'], org]);
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on "LiteLLM_UserTable"/);
});

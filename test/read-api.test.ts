import { makeTeam } from './helpers/world';
import { hashKey } from '../src/services/key-format';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

describe('roots answer with the stored values', () => {
  test('organizations: every row with alias, spend and budget, ordered by id', async () => {
    const rows = await q(`SELECT o.organization_id, o.organization_alias, o.spend, b.max_budget FROM "LiteLLM_OrganizationTable" o
                            JOIN "LiteLLM_BudgetTable" b USING (budget_id) ORDER BY o.organization_id`);
    const r = await t.gql(`{ organizations { totalCount nodes { id alias spend budget { maxBudget } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.organizations.totalCount).toBe(rows.length);
    expect(r.data.organizations.nodes).toEqual(
      rows.map((o: any) => ({ id: o.organization_id, alias: o.organization_alias, spend: o.spend, budget: { maxBudget: o.max_budget } })),
    );
  });

  test('organization(id) and its teams equal the rows of LiteLLM_TeamTable', async () => {
    const [org] = await q(`SELECT organization_id FROM "LiteLLM_OrganizationTable" ORDER BY 1 LIMIT 1`);
    const teams = await q(`SELECT team_id, team_alias, spend, max_budget, tpm_limit FROM "LiteLLM_TeamTable" WHERE organization_id = $1 ORDER BY team_id`, [org.organization_id]);
    const r = await t.gql(`query($id: ID!) { organization(id: $id) { id teams { totalCount nodes { id alias spend maxBudget tpmLimit organization { id } } } } }`, { id: org.organization_id });
    expect(r.data.organization.teams.totalCount).toBe(teams.length);
    expect(r.data.organization.teams.nodes).toEqual(
      teams.map((x: any) => ({ id: x.team_id, alias: x.team_alias, spend: x.spend, maxBudget: x.max_budget, tpmLimit: x.tpm_limit, organization: { id: org.organization_id } })),
    );
    expect(typeof r.data.organization.teams.nodes[0].tpmLimit).toBe('number');
  });

  test('unknown ids answer null, not an error', async () => {
    const r = await t.gql(`{ organization(id: "nope") { id } team(id: "nope") { id } user(id: "nope") { id } key(token: "nope") { token } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ organization: null, team: null, user: null, key: null });
  });

  test('team members merge members_with_roles with TeamMembership (spend, budget)', async () => {
    const [team] = await q(`SELECT t.team_id, t.members_with_roles FROM "LiteLLM_TeamTable" t
                              WHERE EXISTS (SELECT 1 FROM "LiteLLM_TeamMembership" m WHERE m.team_id = t.team_id) ORDER BY 1 LIMIT 1`);
    const memberships = await q(`SELECT m.user_id, m.spend, b.max_budget FROM "LiteLLM_TeamMembership" m JOIN "LiteLLM_BudgetTable" b USING (budget_id) WHERE m.team_id = $1`, [team.team_id]);
    const r = await t.gql(`query($id: ID!) { team(id: $id) { members(first: 100) { totalCount nodes { userId userEmail role spend budget { maxBudget } user { id email } team { id } } } } }`, { id: team.team_id });
    const nodes = r.data.team.members.nodes;
    expect(nodes).toHaveLength(team.members_with_roles.length);
    expect(r.data.team.members.totalCount).toBe(team.members_with_roles.length);
    for (const [i, m] of team.members_with_roles.entries()) {
      const ms = memberships.find((x: any) => x.user_id === m.user_id);
      expect(nodes[i]).toEqual({
        userId: m.user_id,
        userEmail: m.user_email,
        role: m.role.toUpperCase(),
        spend: ms ? ms.spend : null,
        budget: ms ? { maxBudget: ms.max_budget } : null,
        user: { id: m.user_id, email: m.user_email },
        team: { id: team.team_id },
      });
    }
    expect(nodes.some((n: any) => n.spend === null)).toBe(true);
    expect(nodes.some((n: any) => n.spend !== null)).toBe(true);
  });

  test("a team holding LiteLLM's '{}' has no members; an email-only entry has no user", async () => {
    const [empty] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE members_with_roles = '{}'::jsonb LIMIT 1`);
    expect(empty).toBeDefined();
    const [other] = await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE members_with_roles <> '{}'::jsonb ORDER BY 1 LIMIT 1`);
    await q(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = members_with_roles || '[{"user_email": "invitee@example.com", "role": "user"}]'::jsonb WHERE team_id = $1`, [other.team_id]);
    const r = await t.gql(`query($a: ID!, $b: ID!) { a: team(id: $a) { members { totalCount nodes { userId } } }
                                                    b: team(id: $b) { members(first: 100) { nodes { userId userEmail role user { id } spend } } } }`, { a: empty.team_id, b: other.team_id });
    expect(r.errors).toBeUndefined();
    expect(r.data.a.members).toEqual({ totalCount: 0, nodes: [] });
    expect(r.data.b.members.nodes.at(-1)).toEqual({ userId: null, userEmail: 'invitee@example.com', role: 'USER', user: null, spend: null });
  });

  // members with nothing to join are paged from the team row in memory, members with their user or spend
  // in SQL (src/reads/members.ts): both read members_with_roles the same way
  test.each([
    ['in memory', 'userId userEmail role', {}],
    ['in SQL, with user and spend joined', 'userId userEmail role user { id } spend', { user: null, spend: null }],
  ])('entries of members_with_roles that are not objects are skipped (%s): positions, cursors and counts count members only', async (_how, fields, joined) => {
    const team = { team_id: await makeTeam(t, 'odd-entries') };
    await q(
      `UPDATE "LiteLLM_TeamTable" SET members_with_roles = '["junk", {"user_id": 7, "user_email": "a@example.com", "role": "admin"}, 42, null, {"user_email": "b@example.com", "role": true}, {"user_email": "c@example.com", "role": "ADMIN"}]'::jsonb WHERE team_id = $1`,
      [team.team_id],
    );
    const page = (after: string | null) =>
      t.gql(`query($t: ID!, $a: String) { team(id: $t) { members(first: 1, after: $a) { totalCount nodes { ${fields} } pageInfo { endCursor hasNextPage hasPreviousPage } } } }`, { t: team.team_id, a: after });
    const seen = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const r = await page(after);
      expect(r.errors).toBeUndefined();
      const m = r.data.team.members;
      expect(m.totalCount).toBe(3);
      expect(m.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(m.pageInfo.hasNextPage).toBe(i < 2);
      seen.push(...m.nodes);
      after = m.pageInfo.endCursor;
    }
    // a user_id that is not a string is no user id; only the JSON string "admin" is an admin
    expect(seen).toEqual([
      { userId: null, userEmail: 'a@example.com', role: 'ADMIN', ...joined },
      { userId: null, userEmail: 'b@example.com', role: 'USER', ...joined },
      { userId: null, userEmail: 'c@example.com', role: 'USER', ...joined },
    ]);
    await q(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = '[]' WHERE team_id = $1`, [team.team_id]);
  });

  test('users: email filter is case-insensitive; teams and organizations resolve', async () => {
    const [u] = await q(`SELECT user_id, user_email, teams, organization_id FROM "LiteLLM_UserTable" WHERE cardinality(teams) > 0 ORDER BY user_id LIMIT 1`);
    const r = await t.gql(`query($e: String) { users(filter: { email: $e }) { nodes { id email teams { id } organizations { id } memberships { role organization { id } } } } }`, { e: u.user_email.toUpperCase() });
    expect(r.data.users.nodes).toHaveLength(1);
    const node = r.data.users.nodes[0];
    expect(node.id).toBe(u.user_id);
    expect(node.teams.map((x: any) => x.id).sort()).toEqual([...u.teams].sort());
    expect(node.organizations).toEqual([{ id: u.organization_id }]);
    expect(node.memberships[0].organization).toEqual({ id: u.organization_id });
  });

  test('key(token:) takes the raw key or its hash; key(alias:) the alias; relations resolve', async () => {
    const p = t.seed!.principals.find((x) => x.teamId)!;
    const token = hashKey(p.rawKey);
    const [row] = await q(`SELECT key_alias, key_name, spend, team_id, user_id, organization_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [token]);
    const sel = `token keyName keyAlias spend user { id } team { id } organization { id }`;
    const r = await t.gql(`query($raw: String, $hash: String, $alias: String) { a: key(token: $raw) { ${sel} } b: key(token: $hash) { ${sel} } c: key(alias: $alias) { ${sel} } }`, {
      raw: p.rawKey,
      hash: token,
      alias: row.key_alias,
    });
    const expected = { token, keyName: row.key_name, keyAlias: row.key_alias, spend: row.spend, user: { id: row.user_id }, team: { id: row.team_id }, organization: { id: row.organization_id } };
    expect(r.data).toEqual({ a: expected, b: expected, c: expected });
    expect(JSON.stringify(r.body)).not.toContain(p.rawKey);
  });

  test('key() refuses both or neither argument', async () => {
    expect(codes(await t.gql(`{ key { token } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ key(token: "a", alias: "b") { token } }`))).toEqual(['BAD_USER_INPUT']);
  });

  test('keys filtered by team and by user equal the SQL', async () => {
    const [k] = await q(`SELECT team_id, user_id FROM "LiteLLM_VerificationToken" WHERE team_id IS NOT NULL AND user_id IS NOT NULL ORDER BY token LIMIT 1`);
    const byTeam = await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1 ORDER BY token`, [k.team_id]);
    const byUser = await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = $1 ORDER BY token DESC`, [k.user_id]);
    const r = await t.gql(`query($t: ID, $u: ID) { a: keys(filter: { teamId: $t }, first: 100) { totalCount nodes { token } } b: keys(filter: { userId: $u }, orderBy: TOKEN_DESC) { nodes { token } } }`, { t: k.team_id, u: k.user_id });
    expect(r.data.a.totalCount).toBe(byTeam.length);
    expect(r.data.a.nodes.map((n: any) => n.token)).toEqual(byTeam.map((x: any) => x.token));
    expect(r.data.b.nodes.map((n: any) => n.token)).toEqual(byUser.map((x: any) => x.token));
  });

  test('end users, budgets, invitations and model access requests list their rows', async () => {
    const [[e], [b], [i], [m]] = await Promise.all([
      q(`SELECT count(*)::int n FROM "LiteLLM_EndUserTable"`),
      q(`SELECT count(*)::int n FROM "LiteLLM_BudgetTable"`),
      q(`SELECT count(*)::int n FROM "LiteLLM_InvitationLink"`),
      q(`SELECT count(*)::int n FROM "LiteLLM_UserNotifications"`),
    ]);
    const r = await t.gql(`{ endUsers(first: 100) { totalCount nodes { id spend budget { id } } }
                             budgets(first: 100) { totalCount nodes { id maxBudget budgetDuration } }
                             invitations { totalCount nodes { id isAccepted user { id } } }
                             modelAccessRequests { totalCount nodes { id status models justification user { id } } } }`);
    expect(r.errors).toBeUndefined();
    expect([r.data.endUsers.totalCount, r.data.budgets.totalCount, r.data.invitations.totalCount, r.data.modelAccessRequests.totalCount]).toEqual([e.n, b.n, i.n, m.n]);
    expect(r.data.endUsers.nodes).toHaveLength(e.n);
    const [eu] = await q(`SELECT user_id, spend FROM "LiteLLM_EndUserTable" ORDER BY user_id LIMIT 1`);
    expect(r.data.endUsers.nodes[0]).toMatchObject({ id: eu.user_id, spend: eu.spend });
    expect(r.data.invitations.nodes.every((n: any) => n.user?.id)).toBe(true);
  });

  test('models never reveal credentials from litellm_params', async () => {
    const r = await t.gql(`{ models { nodes { id modelName litellmParams modelInfo } } }`);
    expect(r.data.models.nodes.length).toBeGreaterThan(0);
    for (const m of r.data.models.nodes) {
      expect(m.litellmParams).toHaveProperty('model');
      expect(m.litellmParams).not.toHaveProperty('api_key');
    }
    expect(JSON.stringify(r.body)).not.toMatch(/API_KEY/);
  });
});

describe('connections', () => {
  test('cursors walk every key exactly once, in order', async () => {
    const all = (await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token`)).map((r: any) => r.token);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await t.gql(`query($after: String) { keys(first: 7, after: $after) { edges { cursor node { token } } pageInfo { hasNextPage endCursor hasPreviousPage } } }`, { after });
      seen.push(...r.data.keys.edges.map((e: any) => e.node.token));
      expect(r.data.keys.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!r.data.keys.pageInfo.hasNextPage) break;
      after = r.data.keys.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });

  test('first above 100, negative first and forged cursors are BAD_USER_INPUT', async () => {
    for (const query of [`{ keys(first: 101) { nodes { token } } }`, `{ teams(first: -1) { nodes { id } } }`, `{ keys(after: "garbage") { nodes { token } } }`,
                         `{ organizations { nodes { teams(first: 500) { nodes { id } } } } }`]) {
      const r = await t.gql(query);
      expect(codes(r)).toContain('BAD_USER_INPUT');
    }
  });

  test('totalCount costs a statement only when selected', async () => {
    const without = await t.gql(`{ teams { nodes { id } } }`);
    const withCount = await t.gql(`{ teams { totalCount nodes { id } } }`);
    expect(without.statements).toHaveLength(1);
    expect(withCount.statements).toHaveLength(2);
    expect(withCount.statements[1]).toMatch(/count\(\*\)/);
  });
});

describe('backward paging', () => {
  test('last/before walks the keys from the end, in list order, and meets the forward pages', async () => {
    const all = (await q(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token`)).map((r: any) => r.token);
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 100; i++) {
      const r: any = await t.gql(`query($before: String) { keys(last: 6, before: $before) { nodes { token } pageInfo { hasPreviousPage hasNextPage startCursor } } }`, { before });
      expect(r.errors).toBeUndefined();
      seen.unshift(...r.data.keys.nodes.map((n: any) => n.token));
      expect(r.data.keys.pageInfo.hasNextPage).toBe(before !== null);
      if (!r.data.keys.pageInfo.hasPreviousPage) break;
      before = r.data.keys.pageInfo.startCursor;
    }
    expect(seen).toEqual(all);
  });

  test('team members and nested keys page backward too; after with before is refused', async () => {
    const [team] = await q(`SELECT team_id, members_with_roles FROM "LiteLLM_TeamTable" WHERE jsonb_typeof(members_with_roles) = 'array' ORDER BY jsonb_array_length(members_with_roles) DESC LIMIT 1`);
    const emails = team.members_with_roles.map((m: any) => m.user_email);
    const r = await t.gql(`query($t: ID!) { team(id: $t) { members(last: 2) { nodes { userEmail } pageInfo { hasPreviousPage hasNextPage startCursor } } } }`, { t: team.team_id });
    expect(r.data.team.members.nodes.map((n: any) => n.userEmail)).toEqual(emails.slice(-2));
    expect(r.data.team.members.pageInfo).toMatchObject({ hasPreviousPage: emails.length > 2, hasNextPage: false });
    const prev = await t.gql(`query($t: ID!, $b: String) { team(id: $t) { members(last: 1, before: $b) { nodes { userEmail } } } }`, { t: team.team_id, b: r.data.team.members.pageInfo.startCursor });
    expect(prev.data.team.members.nodes.map((n: any) => n.userEmail)).toEqual(emails.slice(-3, -2));
    const keys = (await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1 ORDER BY token`, [team.team_id])).map((x: any) => x.token);
    const nested = await t.gql(`query($t: ID!) { team(id: $t) { keys(last: 2) { nodes { token } } } }`, { t: team.team_id });
    expect(nested.data.team.keys.nodes.map((n: any) => n.token)).toEqual(keys.slice(-2));
    expect(codes(await t.gql(`{ keys(after: "WyJhIl0", before: "WyJiIl0") { nodes { token } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`{ keys(last: 101) { nodes { token } } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

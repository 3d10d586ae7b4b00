import { startTestGateway, TestGateway } from '../helpers/gateway';
import { ids, makePrincipal, MadePrincipal, refused, sqlIds } from '../helpers/roles';
import { insertKey } from '../helpers/world';

// Who reads issue 16's types. Credentials and access groups are global proxy configuration: proxy admins and
// admin viewers only. Tags too, except that, as LiteLLM's /tag/list, anyone sees the tags its own keys spent under
// (with their budget tier, and usage of its own keys only). Projects follow their team: its members (admins included) and the admins of its
// organization. A permission set (objectPermission) and a team's model aliases are read by whoever sees the
// key, team, user, organization or project that points to them.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);
let orgA: string;
let teamA: string; // a team of orgA
let teamA2: string; // the other team of orgA
let teamB: string; // a team of orgB
let admin: MadePrincipal, viewer: MadePrincipal, orgAdmin: MadePrincipal, teamAdmin: MadePrincipal, member: MadePrincipal, loner: MadePrincipal;
let serviceKeyA: string;

const ALL = `{ projects(first: 100) { totalCount nodes { projectId } } }`;

beforeAll(async () => {
  t = await startTestGateway();
  orgA = t.seed!.organizations[0];
  [teamA, teamA2] = (await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = $1 ORDER BY team_id`, [orgA])).map((r: any) => r.team_id);
  [teamB] = (await q(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = $1 ORDER BY team_id`, [t.seed!.organizations[1]])).map((r: any) => r.team_id);
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('tier-proj-a', 7, 'a', 'a')`);
  await q(`INSERT INTO "LiteLLM_ObjectPermissionTable" (object_permission_id, mcp_servers) VALUES ('perm-x', '{mcp-x}')`);
  await q(`INSERT INTO "LiteLLM_ProjectTable" (project_id, team_id, budget_id, created_by, updated_by) VALUES
            ('p-a', $1, 'tier-proj-a', 'a', 'a'), ('p-a2', $2, NULL, 'a', 'a'), ('p-b', $3, NULL, 'a', 'a'), ('p-none', NULL, NULL, 'a', 'a')`, [teamA, teamA2, teamB]);
  await q(`INSERT INTO "LiteLLM_TagTable" (tag_name, created_by) VALUES ('t1', 'a'), ('t2', 'a')`);
  await q(`INSERT INTO "LiteLLM_CredentialsTable" (credential_id, credential_name, credential_values, created_by, updated_by) VALUES ('c1', 'one', '{"api_key": "x"}', 'a', 'a')`);
  await q(`INSERT INTO "LiteLLM_AccessGroupTable" (access_group_id, access_group_name) VALUES ('g1', 'one')`);
  serviceKeyA = (await insertKey(t, { userId: null, teamId: teamA })).token;
  await q(`UPDATE "LiteLLM_VerificationToken" SET project_id = 'p-a', object_permission_id = 'perm-x' WHERE token = $1`, [serviceKeyA]);
  await q(`UPDATE "LiteLLM_TeamTable" SET object_permission_id = 'perm-x' WHERE team_id IN ($1, $2)`, [teamA, teamB]);

  admin = await makePrincipal(t, { role: 'proxy_admin' });
  viewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
  teamAdmin = await makePrincipal(t, { role: 'internal_user', teamAdminOf: [teamA] });
  member = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [teamA] });
  loner = await makePrincipal(t, { role: 'internal_user' });
  await q(`UPDATE "LiteLLM_UserTable" SET object_permission_id = 'perm-x' WHERE user_id = $1`, [loner.userId]);
});
afterAll(() => t.close());

const GLOBAL = {
  credentials: `{ credentials { totalCount nodes { credentialName } } }`,
  accessGroups: `{ accessGroups { totalCount nodes { accessGroupName } } }`,
};

test('proxy admins and admin viewers read credentials and access groups; nobody else does', async () => {
  for (const p of [admin, viewer]) {
    const [credentials, groups] = await Promise.all(Object.values(GLOBAL).map((g) => t.gql(g, {}, p.rawKey)));
    expect(credentials.data.credentials.nodes).toEqual([{ credentialName: 'one' }]);
    expect(groups.data.accessGroups.nodes).toEqual([{ accessGroupName: 'one' }]);
  }
  for (const p of [orgAdmin, teamAdmin, member, loner]) for (const g of Object.values(GLOBAL)) refused(await t.gql(g, {}, p.rawKey), 'FORBIDDEN');
});

test("tags: admins and viewers every tag with its spend; others the tags their own keys spent under, their own usage, no global spend", async () => {
  const today = new Date().toISOString().slice(0, 10);
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('tier-t1', 3, 'a', 'a')`);
  await q(`UPDATE "LiteLLM_TagTable" SET budget_id = 'tier-t1', spend = 100 WHERE tag_name = 't1'`);
  const other = await insertKey(t, { userId: teamAdmin.userId });
  await q(`INSERT INTO "LiteLLM_DailyTagSpend" (id, tag, date, api_key, model, spend, api_requests, updated_at) VALUES
            ('r1', 't1', $1, $2, 'gpt-4o', 1.5, 2, now()), ('r2', 't1', $1, $3, 'gpt-4o', 40, 9, now()), ('r3', 't2', $1, $3, 'gpt-4o', 5, 1, now())`, [today, member.token, other.token]);
  const TAGS = `query($d: Date!) { tags(first: 100) { totalCount nodes { tagName spend budget { maxBudget } usage(from: $d, to: $d) { spend requests } } } }`;
  const allTags = await sqlIds(t, `SELECT tag_name AS id FROM "LiteLLM_TagTable"`);
  expect(allTags).toEqual(expect.arrayContaining(['t1', 't2']));
  for (const p of [admin, viewer]) {
    const r = await t.gql(TAGS, { d: today }, p.rawKey);
    expect(r.data.tags.nodes.map((n: any) => n.tagName).sort()).toEqual(allTags);
    expect(r.data.tags.nodes.find((n: any) => n.tagName === 't1')).toEqual({ tagName: 't1', spend: 100, budget: { maxBudget: 3 }, usage: { spend: 41.5, requests: 11 } });
  }
  const mine = await t.gql(TAGS, { d: today }, member.rawKey);
  expect(mine.errors).toBeUndefined();
  expect(mine.data.tags).toEqual({ totalCount: 1, nodes: [{ tagName: 't1', spend: null, budget: { maxBudget: 3 }, usage: { spend: 1.5, requests: 2 } }] });
  const theirs = await t.gql(TAGS, { d: today }, teamAdmin.rawKey);
  expect(theirs.data.tags.nodes.map((n: any) => [n.tagName, n.usage.spend])).toEqual([['t1', 40], ['t2', 5]]);
  for (const p of [orgAdmin, loner]) expect((await t.gql(TAGS, { d: today }, p.rawKey)).data.tags).toEqual({ totalCount: 0, nodes: [] });
  // the tier of a tag it does not see stays hidden
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('tier-t2', 4, 'a', 'a')`);
  await q(`UPDATE "LiteLLM_TagTable" SET budget_id = 'tier-t2' WHERE tag_name = 't2'`);
  expect((await t.gql(`{ budget(id: "tier-t2") { maxBudget } }`, {}, member.rawKey)).data.budget).toBeNull();
  expect((await t.gql(`{ budget(id: "tier-t2") { maxBudget } }`, {}, teamAdmin.rawKey)).data.budget).toEqual({ maxBudget: 4 });
});

test('projects: admins and viewers all; an org admin those of its teams; team admins and members their team\'s; others none', async () => {
  const all = await sqlIds(t, `SELECT project_id AS id FROM "LiteLLM_ProjectTable"`);
  expect(all).toEqual(['p-a', 'p-a2', 'p-b', 'p-none']);
  expect(ids(await t.gql(ALL, {}, admin.rawKey), 'projects', 'projectId')).toEqual(all);
  expect(ids(await t.gql(ALL, {}, viewer.rawKey), 'projects', 'projectId')).toEqual(all);
  expect(ids(await t.gql(ALL, {}, orgAdmin.rawKey), 'projects', 'projectId')).toEqual(['p-a', 'p-a2']);
  expect(ids(await t.gql(ALL, {}, teamAdmin.rawKey), 'projects', 'projectId')).toEqual(['p-a']);
  expect(ids(await t.gql(ALL, {}, member.rawKey), 'projects', 'projectId')).toEqual(['p-a']);
  const none = await t.gql(ALL, {}, loner.rawKey);
  expect(none.data.projects).toEqual({ totalCount: 0, nodes: [] });
  // a filter does not widen the scope
  const other = await t.gql(`query($f: ProjectFilter) { projects(filter: $f) { totalCount } }`, { f: { teamId: teamB } }, orgAdmin.rawKey);
  expect(other.data.projects.totalCount).toBe(0);
});

test("a member reads its team's project, with its budget tier, through the project and through the team's key", async () => {
  const r = await t.gql(`{ projects { nodes { projectId budget { maxBudget } team { id } } } keys(first: 100) { nodes { token project { projectId } objectPermission { mcpServers } } } }`, {}, member.rawKey);
  expect(r.errors).toBeUndefined();
  expect(r.data.projects.nodes).toEqual([{ projectId: 'p-a', budget: { maxBudget: 7 }, team: { id: teamA } }]);
  const key = r.data.keys.nodes.find((k: any) => k.token === serviceKeyA);
  expect(key).toEqual({ token: serviceKeyA, project: { projectId: 'p-a' }, objectPermission: { mcpServers: ['mcp-x'] } });
  // through the budget root too; the tier of another team's project stays hidden
  expect((await t.gql(`{ budget(id: "tier-proj-a") { maxBudget } }`, {}, member.rawKey)).data.budget).toEqual({ maxBudget: 7 });
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('tier-proj-b', 9, 'a', 'a')`);
  await q(`UPDATE "LiteLLM_ProjectTable" SET budget_id = 'tier-proj-b' WHERE project_id = 'p-b'`);
  expect((await t.gql(`{ budget(id: "tier-proj-b") { maxBudget } }`, {}, member.rawKey)).data.budget).toBeNull();
  expect((await t.gql(`{ budget(id: "tier-proj-b") { maxBudget } }`, {}, viewer.rawKey)).data.budget).toEqual({ maxBudget: 9 });
});

test("objectPermission follows its parent: a member sees its team's and its own user's, not another team's", async () => {
  const teams = await t.gql(`{ teams(first: 100) { nodes { id objectPermission { mcpServers } } } }`, {}, member.rawKey);
  expect(teams.data.teams.nodes).toEqual([{ id: teamA, objectPermission: { mcpServers: ['mcp-x'] } }]);
  const own = await t.gql(`{ viewer { user { id objectPermission { mcpServers } } } }`, {}, loner.rawKey);
  expect(own.data.viewer.user).toEqual({ id: loner.userId, objectPermission: { mcpServers: ['mcp-x'] } });
  const theirs = await t.gql(`query($t: ID!) { team(id: $t) { objectPermission { mcpServers } } }`, { t: teamB }, member.rawKey);
  expect(theirs.data.team).toBeNull();
  const byOrgAdmin = await t.gql(`{ teams(first: 100) { nodes { id objectPermission { mcpServers } } } }`, {}, orgAdmin.rawKey);
  expect(byOrgAdmin.data.teams.nodes.map((n: any) => n.id).sort()).toEqual([teamA, teamA2].sort());
  expect(byOrgAdmin.data.teams.nodes.find((n: any) => n.id === teamA).objectPermission).toEqual({ mcpServers: ['mcp-x'] });
});

test("a key whose allowed_routes grant only /key/list reads no project through its keys; /project/list grants it", async () => {
  const onlyKeys = await insertKey(t, { userId: member.userId, allowedRoutes: ['/key/list'] });
  refused(await t.gql(`{ keys(first: 5) { nodes { project { projectId } } } }`, {}, onlyKeys.rawKey), 'FORBIDDEN');
  const both = await insertKey(t, { userId: member.userId, allowedRoutes: ['/key/list', '/project/list'] });
  expect((await t.gql(`{ keys(first: 5) { nodes { project { projectId } } } }`, {}, both.rawKey)).errors).toBeUndefined();
});

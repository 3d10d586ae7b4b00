import { randomUUID } from 'node:crypto';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makeTeam } from '../helpers/world';

/**
 * Calls that take several teams' advisory locks take them in one order (team id), whatever order the caller
 * lists the teams in: two createUser calls naming the same teams in opposite orders must both succeed. Every
 * call that deletes a team takes its lock, so a member write racing it ends applied or NOT_FOUND.
 */
let t: TestGateway;
let teams: string[];

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  teams = [await makeTeam(t, 'a'), await makeTeam(t, 'b'), await makeTeam(t, 'c')];
});
afterAll(() => t.close());

test('createUser with the same teams in opposite orders, concurrently: no deadlock, every user in every team', async () => {
  const create = (order: string[]) => t.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`, { i: { autoCreateKey: false, teams: order.map((teamId) => ({ teamId })) } });
  const calls = Array.from({ length: 8 }, (_, i) => create(i % 2 ? [...teams].reverse() : teams));
  const results = await Promise.all(calls);
  for (const r of results) expect(codes(r)).toEqual([]);
  const rosters: { n: number }[] = await t.db.ds.query(`SELECT jsonb_array_length(members_with_roles) AS n FROM "LiteLLM_TeamTable" WHERE team_id = ANY($1::text[])`, [teams]);
  expect(rosters.map((r) => Number(r.n))).toEqual([8, 8, 8]);
});

test("deleteOrganizations takes its teams' locks: a member add racing it ends applied or NOT_FOUND, never a 5xx", async () => {
  const org = await makeOrganization(t, 'going');
  const team = await makeTeam(t, 'in going org', org);
  const user = `u-${randomUUID().slice(0, 8)}`;
  await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, teams) VALUES ($1, '{}')`, [user]);
  // hold the team row so both calls queue behind it: the delete first, then the add
  const holder = t.db.ds.createQueryRunner();
  await holder.connect();
  await holder.startTransaction();
  await holder.query(`SELECT 1 FROM "LiteLLM_TeamTable" WHERE team_id = $1 FOR UPDATE`, [team]);
  const del = t.gql(`mutation($o: ID!) { deleteOrganizations(ids: [$o]) }`, { o: org });
  await new Promise((r) => setTimeout(r, 400));
  const add = t.gql(`mutation($t: ID!, $u: ID!) { addTeamMembers(teamId: $t, members: [{ userId: $u }]) { id } }`, { t: team, u: user });
  await new Promise((r) => setTimeout(r, 400));
  await holder.commitTransaction();
  await holder.release();
  const [d, a] = await Promise.all([del, add]);
  expect(d.errors).toBeUndefined();
  expect(codes(a)).toEqual(['NOT_FOUND']);
  // and the user does not keep a team that is gone
  expect((await t.db.ds.query(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [user]))[0].teams).toEqual([]);
});

test('concurrent adds of one new email (to teams and organizations) make one user, not one each', async () => {
  const email = `new-${randomUUID().slice(0, 8)}@example.com`;
  const org = await makeOrganization(t, 'email race');
  const targets = [await makeTeam(t, 'r1'), await makeTeam(t, 'r2'), await makeTeam(t, 'r3'), await makeTeam(t, 'r4')];
  const calls = [
    ...targets.map((team) => t.gql(`mutation($t: ID!, $e: String!) { addTeamMembers(teamId: $t, members: [{ userEmail: $e }]) { id } }`, { t: team, e: email })),
    t.gql(`mutation($o: ID!, $e: String!) { addOrganizationMembers(organizationId: $o, members: [{ userEmail: $e, role: INTERNAL_USER }]) { id } }`, { o: org, e: email }),
  ];
  for (const r of await Promise.all(calls)) expect(codes(r)).toEqual([]);
  const users: { user_id: string; teams: string[] }[] = await t.db.ds.query(`SELECT user_id, teams FROM "LiteLLM_UserTable" WHERE lower(user_email) = lower($1)`, [email]);
  expect(users.length).toBe(1);
  expect([...users[0].teams].sort()).toEqual([...targets].sort());
});

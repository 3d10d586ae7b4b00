import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeTeam } from '../helpers/world';

/**
 * Calls that take several teams' advisory locks take them in one order (team id), whatever order the caller
 * lists the teams in: two createUser calls naming the same teams in opposite orders must both succeed.
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

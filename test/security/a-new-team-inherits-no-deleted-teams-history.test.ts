import { randomUUID } from 'node:crypto';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

/**
 * Spend logs, key tombstones and daily team spend carry team_id and outlive the team. A team created
 * with the id of a deleted team would make its admins the readers of that history: an org admin could
 * recreate another organization's deleted team in their own and read its requests and deleted keys.
 */
let t: TestGateway;
let orgA: string, orgB: string;
let orgAdmin: MadePrincipal;

const createTeam = (teamId: string, key: string) =>
  t.gql(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }`, { i: { teamId, organizationId: orgA, teamAlias: 'mine now' } }, key);
const from = new Date(Date.now() - 86400000).toISOString();
const to = new Date(Date.now() + 86400000).toISOString();

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  orgA = await makeOrganization(t, 'a');
  orgB = await makeOrganization(t, 'b');
  orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [orgA] });
});
afterAll(() => t.close());

async function deletedTeamOfB(): Promise<string> {
  const team = await makeTeam(t, 'b-research', orgB);
  const owner = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [team], orgMemberOf: [orgB] });
  const { token } = await insertKey(t, { userId: owner.userId, teamId: team });
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, "startTime", "endTime", model, api_key, team_id, "user", organization_id, spend)
     VALUES ($1, 'acompletion', now(), now(), 'gpt-4o', $2, $3, $4, $5, 1.5)`,
    [randomUUID(), token, team, owner.userId, orgB],
  );
  const r = await t.gql(`mutation($t: ID!) { deleteTeams(ids: [$t]) }`, { t: team });
  expect(r.errors).toBeUndefined();
  return team;
}

test("an org admin cannot take a deleted team's id (of another organization) for a new team in their own", async () => {
  const old = await deletedTeamOfB();
  const r = await createTeam(old, orgAdmin.rawKey);
  expect(codes(r)).toEqual(['CONFLICT']);
  expect(await t.db.ds.query(`SELECT 1 FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [old])).toEqual([]);
  // and so reads nothing of the old team's history
  const logs = await t.gql(
    `query($f: SpendLogFilter!) { spendLogs(first: 10, filter: $f) { totalCount nodes { requestId deletedKey { keyAlias userId } } } }`,
    { f: { from, to, teamId: old } },
    orgAdmin.rawKey,
  );
  expect(logs.errors).toBeUndefined();
  expect(logs.data.spendLogs.totalCount).toBe(0);
});

test("nor a team id that only deleted keys or daily team spend still carry", async () => {
  const keysOnly = `team-${randomUUID().slice(0, 8)}`;
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_DeletedVerificationToken" (id, token, team_id, deleted_at) VALUES ($1, $2, $3, now())`,
    [randomUUID(), randomUUID().replace(/-/g, ''), keysOnly],
  );
  expect(codes(await createTeam(keysOnly, orgAdmin.rawKey))).toEqual(['CONFLICT']);

  const spendOnly = `team-${randomUUID().slice(0, 8)}`;
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_DailyTeamSpend" (id, team_id, date, api_key, spend, updated_at) VALUES ($1, $2, '2026-01-01', 'k', 3, now())`,
    [randomUUID(), spendOnly],
  );
  expect(codes(await createTeam(spendOnly, orgAdmin.rawKey))).toEqual(['CONFLICT']);
});

test('a fresh team id is still taken', async () => {
  const r = await createTeam(`team-${randomUUID().slice(0, 8)}`, orgAdmin.rawKey);
  expect(r.errors).toBeUndefined();
});

import pg from 'pg';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeTeam } from '../helpers/world';

// Keys and the rows that point at them: a key made while its team is being deleted waits for the delete and
// is refused; a key a JWT claim mapping uses is not deleted out from under it.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
});
afterAll(() => t.close());

test('generateKey for a team whose delete is in flight waits for it, then answers NOT_FOUND and writes no key', async () => {
  const team = await makeTeam(t, 'doomed');
  const deleter = new pg.Client({ connectionString: t.db.url });
  await deleter.connect();
  try {
    await deleter.query('BEGIN');
    // as deleteTeams holds the row while it copies and deletes the team's keys
    await deleter.query(`SELECT 1 FROM "LiteLLM_TeamTable" WHERE team_id = $1 FOR UPDATE`, [team]);
    const made = t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { key } }`, { t: team });
    let settled = false;
    void made.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    await deleter.query(`DELETE FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]);
    await deleter.query('COMMIT');
    expect(codes(await made)).toEqual(['NOT_FOUND']);
    expect(await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1`, [team])).toEqual([]);
  } finally {
    await deleter.end();
  }
});

test('a key a JWT claim mapping uses is not deleted (LiteLLM restricts that foreign key): CONFLICT, nothing written, by any path', async () => {
  const team = await makeTeam(t, 'mapped');
  const g = await t.gql(`mutation($t: ID) { generateKey(input: { teamId: $t, userId: null }) { info { token } } }`, { t: team });
  const token = g.data.generateKey.info.token;
  await q(`INSERT INTO "LiteLLM_JWTKeyMapping" (id, jwt_claim_name, jwt_claim_value, token, created_at, updated_at) VALUES ('m-1', 'sub', 'svc-1', $1, now(), now())`, [token]);
  const before = await q(`SELECT (SELECT count(*) FROM "LiteLLM_VerificationToken") AS keys, (SELECT count(*) FROM "LiteLLM_DeletedVerificationToken") AS tombs, (SELECT count(*) FROM "LiteLLM_TeamTable") AS teams`);
  expect(codes(await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [token] }))).toEqual(['CONFLICT']);
  expect(codes(await t.gql(`mutation($i: [ID!]!) { deleteTeams(ids: $i) }`, { i: [team] }))).toEqual(['CONFLICT']);
  expect(await q(`SELECT (SELECT count(*) FROM "LiteLLM_VerificationToken") AS keys, (SELECT count(*) FROM "LiteLLM_DeletedVerificationToken") AS tombs, (SELECT count(*) FROM "LiteLLM_TeamTable") AS teams`)).toEqual(before);
  await q(`DELETE FROM "LiteLLM_JWTKeyMapping" WHERE id = 'm-1'`);
  expect((await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [token] })).errors).toBeUndefined();
});

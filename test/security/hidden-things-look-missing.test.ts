import { randomUUID } from 'node:crypto';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

let t: TestGateway;
let myTeam: string, theirTeam: string, theirOrg: string, hiddenTier: string, myTier: string;
let me: MadePrincipal, stranger: MadePrincipal;
let theirKey: { token: string };

/** An error as a caller sees it, with the id it named blanked out. */
const shape = (r: any, id: string) => ({ codes: codes(r), message: r.errors?.[0]?.message.replace(id, '<id>') });

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  theirOrg = await makeOrganization(t, 'theirs');
  myTeam = await makeTeam(t, 'mine');
  theirTeam = await makeTeam(t, 'theirs', theirOrg);
  me = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [myTeam] });
  stranger = await makePrincipal(t, { role: 'internal_user', teamMemberOf: [theirTeam] });
  hiddenTier = randomUUID();
  myTier = randomUUID();
  for (const id of [hiddenTier, myTier]) await t.db.ds.query(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ($1, 10, 'x', 'x')`, [id]);
  theirKey = await insertKey(t, { userId: stranger.userId, teamId: theirTeam, budgetId: hiddenTier });
  await t.db.ds.query(`UPDATE "LiteLLM_VerificationToken" SET key_alias = 'their-alias' WHERE token = $1`, [theirKey.token]);
  await insertKey(t, { userId: me.userId, teamId: myTeam, budgetId: myTier });
});
afterAll(() => t.close());

test('a hidden alias, key, user, team, organization or budget tier answers exactly as a missing one', async () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [`mutation($a: [String!]) { deleteKeys(aliases: $a) }`, { a: ['their-alias'] }, 'their-alias', 'no-such-alias'],
    [`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 1 }) { token } }`, { t: theirKey.token }, theirKey.token, 'f'.repeat(64)],
    [`mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: theirKey.token }, theirKey.token, 'f'.repeat(64)],
    [`mutation($t: String!) { blockKey(token: $t) { token } }`, { t: theirKey.token }, theirKey.token, 'f'.repeat(64)],
    [`mutation($u: ID) { generateKey(input: { userId: $u }) { key } }`, { u: stranger.userId }, stranger.userId, 'no-such-user'],
    [`mutation($t: ID) { generateKey(input: { teamId: $t }) { key } }`, { t: theirTeam }, theirTeam, 'no-such-team'],
    [`mutation($o: ID) { generateKey(input: { organizationId: $o }) { key } }`, { o: theirOrg }, theirOrg, 'no-such-org'],
    [`mutation($b: ID) { generateKey(input: { budgetId: $b }) { key } }`, { b: hiddenTier }, hiddenTier, 'no-such-tier'],
  ];
  for (const [query, vars, hidden, missing] of cases) {
    const hiddenAnswer = await t.gql(query, vars, me.rawKey);
    const missingVars = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, Array.isArray(v) ? [missing] : missing]));
    const missingAnswer = await t.gql(query, missingVars, me.rawKey);
    expect(shape(hiddenAnswer, hidden)).toEqual(shape(missingAnswer, missing));
    expect(codes(hiddenAnswer)).toEqual(['NOT_FOUND']);
  }
  expect((await t.db.ds.query(`SELECT max_budget, blocked FROM "LiteLLM_VerificationToken" WHERE token = $1`, [theirKey.token]))[0]).toEqual({ max_budget: null, blocked: null });
});

test('key.budget never shows what budget(id:) refuses, and a tier one may read can be attached', async () => {
  const hidden = await t.gql(`query($b: ID!) { budget(id: $b) { id } }`, { b: hiddenTier }, me.rawKey);
  expect(hidden.errors).toBeUndefined();
  expect(hidden.data.budget).toBeNull();
  const mine = await t.gql(`query($b: ID!) { budget(id: $b) { id maxBudget } keys { nodes { budget { id } } } }`, { b: myTier }, me.rawKey);
  expect(mine.data.budget).toEqual({ id: myTier, maxBudget: 10 });
  expect(mine.data.keys.nodes.map((k: any) => k.budget?.id)).toContain(myTier);
  const attached = await t.gql(`mutation($b: ID, $t: ID) { generateKey(input: { budgetId: $b, teamId: $t }) { info { budget { id } } } }`, { b: myTier, t: myTeam }, me.rawKey);
  expect(attached.data.generateKey.info.budget).toEqual({ id: myTier });
  // the stranger sees the tier of their own key
  const viaStranger = await t.gql(`{ keys { nodes { budget { id } } } }`, {}, stranger.rawKey);
  expect(viaStranger.data.keys.nodes.map((k: any) => k.budget?.id)).toContain(hiddenTier);
});

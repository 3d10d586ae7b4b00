import { codes, startTestGateway, TestGateway } from '../helpers/gateway';
import { makeOrganization, makePrincipal, makeTeam, MadePrincipal } from '../helpers/world';

// Who may call each team mutation, as LiteLLM decides (and where the gateway is stricter, docs/api.md "Teams"): every role
// against a team inside its reach (T, in organization O, where the team admin is admin and the internal users
// are members) and, for org and team admins, a team outside it (U, in organization P). A refusal writes nothing.

let t: TestGateway;
let O: string;
let P: string;
const who: Record<string, MadePrincipal> = {};
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

type Role = 'proxyAdmin' | 'adminViewer' | 'orgAdminIn' | 'orgAdminOut' | 'teamAdminIn' | 'teamAdminOut' | 'internalUser' | 'internalViewer';
const KEY_OF: Record<Role, string> = {
  proxyAdmin: 'proxyAdmin',
  adminViewer: 'adminViewer',
  orgAdminIn: 'orgAdmin',
  orgAdminOut: 'orgAdmin',
  teamAdminIn: 'teamAdmin',
  teamAdminOut: 'teamAdmin',
  internalUser: 'internalUser',
  internalViewer: 'internalViewer',
};
const OUTSIDE = new Set<Role>(['orgAdminOut', 'teamAdminOut']);
const ROLES = Object.keys(KEY_OF) as Role[];

async function enroll(team: string, userId: string, role: 'admin' | 'user'): Promise<void> {
  await q(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = members_with_roles || jsonb_build_array(jsonb_build_object('user_id', $2::text, 'user_email', NULL, 'role', $3::text)) WHERE team_id = $1`, [team, userId, role]);
  await q(`UPDATE "LiteLLM_UserTable" SET teams = array_append(teams, $2) WHERE user_id = $1`, [userId, team]);
}

async function fingerprint(): Promise<string> {
  const parts = [];
  for (const table of ['LiteLLM_TeamTable', 'LiteLLM_UserTable', 'LiteLLM_BudgetTable', 'LiteLLM_ModelTable', 'LiteLLM_TeamMembership', 'LiteLLM_VerificationToken', 'LiteLLM_DeletedTeamTable'])
    parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false });
  O = await makeOrganization(t, 'role-org');
  P = await makeOrganization(t, 'other-org');
  who.proxyAdmin = await makePrincipal(t, { role: 'proxy_admin' });
  who.adminViewer = await makePrincipal(t, { role: 'proxy_admin_viewer' });
  who.orgAdmin = await makePrincipal(t, { role: 'internal_user', orgAdminOf: [O] });
  who.teamAdmin = await makePrincipal(t, { role: 'internal_user' });
  who.internalUser = await makePrincipal(t, { role: 'internal_user' });
  who.internalViewer = await makePrincipal(t, { role: 'internal_user_viewer' });
});
afterAll(() => t.close());

/** A fresh team in O with the team admin and the internal users in it, and one in P with nobody. */
async function world(): Promise<{ inside: string; outside: string }> {
  const inside = await makeTeam(t, 'inside', O);
  const outside = await makeTeam(t, 'outside', P);
  await enroll(inside, who.teamAdmin.userId, 'admin');
  await enroll(inside, who.internalUser.userId, 'user');
  await enroll(inside, who.internalViewer.userId, 'user');
  await q(`UPDATE "LiteLLM_TeamTable" SET models = ARRAY['m1', 'm2'] WHERE team_id = ANY($1)`, [[inside, outside]]);
  return { inside, outside };
}

type Ok = 'ok';
type Expect = Record<Role, Ok | 'FORBIDDEN' | 'NOT_FOUND'>;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
/** Proxy admins, the team's admins and its organization's admins. */
const MANAGERS: Expect = { proxyAdmin: 'ok', adminViewer: F, orgAdminIn: 'ok', orgAdminOut: N, teamAdminIn: 'ok', teamAdminOut: N, internalUser: F, internalViewer: F };
/** Proxy admins and the team's organization admins: what the team may spend or call. */
const WIDENERS: Expect = { ...MANAGERS, teamAdminIn: F };

const CASES: [string, (team: string, org: string) => [string, Record<string, unknown>], Expect][] = [
  [
    'createTeam',
    (_team, org) => [`mutation($o: ID) { createTeam(input: { teamAlias: "new", organizationId: $o }) { id } }`, { o: org }],
    { proxyAdmin: 'ok', adminViewer: F, orgAdminIn: 'ok', orgAdminOut: F, teamAdminIn: F, teamAdminOut: F, internalUser: F, internalViewer: F },
  ],
  ['updateTeam alias', (team) => [`mutation($t: ID!) { updateTeam(id: $t, input: { teamAlias: "renamed" }) { id } }`, { t: team }], MANAGERS],
  ['updateTeam budget', (team) => [`mutation($t: ID!) { updateTeam(id: $t, input: { maxBudget: 1 }) { id } }`, { t: team }], WIDENERS],
  ['deleteTeams', (team) => [`mutation($t: ID!) { deleteTeams(ids: [$t]) }`, { t: team }], MANAGERS],
  ['blockTeam', (team) => [`mutation($t: ID!) { blockTeam(id: $t) { id } }`, { t: team }], WIDENERS],
  ['unblockTeam', (team) => [`mutation($t: ID!) { unblockTeam(id: $t) { id } }`, { t: team }], WIDENERS],
  ['addTeamModels', (team) => [`mutation($t: ID!) { addTeamModels(id: $t, models: ["m3"]) { id } }`, { t: team }], WIDENERS],
  ['removeTeamModels', (team) => [`mutation($t: ID!) { removeTeamModels(id: $t, models: ["m1"]) { id } }`, { t: team }], MANAGERS],
];

describe.each(CASES)('%s', (_name, operation, expected) => {
  test.each(ROLES)('%s', async (role) => {
    const { inside, outside } = await world();
    const [query, variables] = operation(OUTSIDE.has(role) ? outside : inside, OUTSIDE.has(role) ? P : O);
    const before = await fingerprint();
    const r = await t.gql(query, variables, who[KEY_OF[role]].rawKey);
    if (expected[role] === 'ok') {
      expect(r.errors).toBeUndefined();
      expect(await fingerprint()).not.toBe(before);
    } else {
      expect(codes(r)).toEqual([expected[role]]);
      expect(await fingerprint()).toBe(before);
    }
  });
});

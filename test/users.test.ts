import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { hashKey } from '../src/services/key-format';
import { codes, startTestGateway, TestGateway } from './helpers/gateway';
import { insertKey, makeOrganization, makePrincipal, makeTeam } from './helpers/world';

// createUser / updateUser / updateUsers / deleteUsers write what LiteLLM's /user/new, /user/update,
// /user/bulk_update and /user/delete write, each in one transaction.

let t: TestGateway;
let org: string;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email alias role models maxBudget budgetDuration budgetResetAt tpmLimit rpmLimit maxParallelRequests metadata teamIds } key { key info { token userId models keyAlias } } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id email alias role models maxBudget budgetDuration budgetResetAt tpmLimit rpmLimit metadata } }`;
const UPDATES = `mutation($u: [UserUpdateInput!]!) { updateUsers(updates: $u) { id maxBudget role } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteUsers(ids: $ids) }`;

/** Every row a user mutation may touch, to show that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const tables = [
    'LiteLLM_UserTable',
    'LiteLLM_TeamTable',
    'LiteLLM_TeamMembership',
    'LiteLLM_OrganizationMembership',
    'LiteLLM_BudgetTable',
    'LiteLLM_VerificationToken',
    'LiteLLM_DeletedVerificationToken',
    'LiteLLM_InvitationLink',
    'LiteLLM_AuditLog',
  ];
  const parts = [];
  for (const table of tables) parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

const userRow = async (id: string) => (await q(`SELECT * FROM "LiteLLM_UserTable" WHERE user_id = $1`, [id]))[0];
const roster = async (team: string) => (await q(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m;

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true, timezone: 'UTC' } });
  org = await makeOrganization(t, 'users-org');
});
afterAll(() => t.close());

describe('createUser', () => {
  test("writes LiteLLM's user row, joins the teams as /team/member_add does, and makes the first key as /user/new does", async () => {
    const team = await makeTeam(t, 'joins', org);
    const other = await makeTeam(t, 'joins-as-admin', org);
    const started = Date.now();
    const r = await t.gql(CREATE, {
      i: {
        userEmail: 'Ada@example.com',
        userAlias: 'Ada',
        userRole: 'internal_user',
        models: ['gpt-4o'],
        maxBudget: 20,
        budgetDuration: '1mo',
        tpmLimit: 1000,
        rpmLimit: 10,
        maxParallelRequests: 3,
        metadata: { dept: 'r&d' },
        teams: [{ teamId: team }, { teamId: other, role: 'ADMIN' }],
        keyAlias: 'ada-first',
        duration: '30d',
      },
    });
    expect(r.errors).toBeUndefined();
    const { user, key } = r.data.createUser;
    expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const row = await userRow(user.id);
    expect(row).toMatchObject({
      user_email: 'Ada@example.com',
      user_alias: 'Ada',
      user_role: 'internal_user',
      models: ['gpt-4o'],
      max_budget: 20,
      budget_duration: '1mo',
      tpm_limit: 1000,
      rpm_limit: 10,
      max_parallel_requests: 3,
      metadata: { dept: 'r&d' },
      spend: 0,
      teams: [team, other],
      allowed_cache_controls: [],
      model_spend: {},
      model_max_budget: {},
      team_id: null,
      organization_id: null,
      password: null,
      sso_user_id: null,
    });
    // calendar-aligned: the first of next month, midnight UTC
    expect([row.budget_reset_at.getUTCDate(), row.budget_reset_at.getUTCHours()]).toEqual([1, 0]);
    expect(row.budget_reset_at.getTime()).toBeGreaterThan(started);
    expect(await roster(team)).toEqual([{ user_id: user.id, user_email: 'Ada@example.com', role: 'user' }]);
    expect(await roster(other)).toEqual([{ user_id: user.id, user_email: 'Ada@example.com', role: 'admin' }]);

    expect(key.key).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
    expect(key.info.token).toBe(hashKey(key.key));
    const [k] = await q(`SELECT * FROM "LiteLLM_VerificationToken" WHERE token = $1`, [key.info.token]);
    // generate_key_helper_fn(request_type="user"): the user's models, limits and metadata; no key budget, no creator
    expect(k).toMatchObject({
      user_id: user.id,
      team_id: null,
      key_alias: 'ada-first',
      key_name: `sk-...${key.key.slice(-4)}`,
      models: ['gpt-4o'],
      tpm_limit: 1000,
      rpm_limit: 10,
      max_parallel_requests: 3,
      metadata: { dept: 'r&d' },
      max_budget: null,
      budget_duration: null,
      budget_reset_at: null,
      budget_id: null,
      spend: 0,
      aliases: {},
      config: {},
      permissions: {},
      model_max_budget: {},
      allowed_routes: [],
      blocked: null,
      created_by: null,
      updated_by: null,
    });
    expect(k.expires.getTime() - started).toBeGreaterThanOrEqual(30 * 86400000 - 2000);
    const audits = await q(`SELECT table_name, action FROM "LiteLLM_AuditLog" WHERE object_id IN ($1, $2, $3, $4) ORDER BY updated_at`, [user.id, team, other, key.info.token]);
    expect(audits).toEqual([
      { table_name: 'LiteLLM_UserTable', action: 'created' },
      { table_name: 'LiteLLM_TeamTable', action: 'updated' },
      { table_name: 'LiteLLM_TeamTable', action: 'updated' },
      { table_name: 'LiteLLM_VerificationToken', action: 'created' },
    ]);
  });

  test('a given id, autoCreateKey false, no role: the row LiteLLM writes with its defaults, and no key', async () => {
    const r = await t.gql(CREATE, { i: { userId: 'plain-user', autoCreateKey: false } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createUser.key).toBeNull();
    expect(await userRow('plain-user')).toMatchObject({ user_email: null, user_role: null, models: [], teams: [], metadata: {}, max_budget: null, budget_duration: null, budget_reset_at: null, spend: 0 });
    expect(await q(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE user_id = 'plain-user'`)).toEqual([]);
  });

  test.each([
    [{ userId: 'plain-user' }, 'CONFLICT', /User with id plain-user already exists/],
    [{ userEmail: 'ADA@example.com' }, 'CONFLICT', /User with email Ada@example.com already exists/],
    [{ userRole: 'god' }, 'BAD_USER_INPUT', /userRole: must be one of/],
    [{ maxBudget: -1 }, 'BAD_USER_INPUT', /maxBudget: must not be negative/],
    [{ budgetDuration: '0d' }, 'BAD_USER_INPUT', /Invalid budget_duration/],
    [{ metadata: [1] }, 'BAD_USER_INPUT', /metadata: must be a JSON object/],
    [{ models: [''] }, 'BAD_USER_INPUT', /models: entries must be non-empty/],
    [{ userId: 'a\u0001b' }, 'BAD_USER_INPUT', /userId: must be 1 to 512 characters/],
    [{ duration: 'forever' }, 'BAD_USER_INPUT', /duration/],
    [{ autoCreateKey: false, keyAlias: 'x' }, 'BAD_USER_INPUT', /autoCreateKey/],
    [{ keyAlias: 'k'.repeat(256) }, 'BAD_USER_INPUT', /keyAlias: must be 1 to 255 characters/],
    [{ teams: [{ teamId: 'no-such-team' }] }, 'NOT_FOUND', /team 'no-such-team' not found/],
  ])('%p → %s, nothing written', async (input, code, message) => {
    const before = await fingerprint();
    const r = await t.gql(CREATE, { i: input });
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0].message).toMatch(message);
    expect(await fingerprint()).toBe(before);
  });

  test('a team join that fails (a blocked team) refuses the whole call: no user, no key, no member (LiteLLM keeps the user)', async () => {
    const open = await makeTeam(t, 'open', org);
    const blocked = await makeTeam(t, 'blocked', org);
    await q(`UPDATE "LiteLLM_TeamTable" SET blocked = true WHERE team_id = $1`, [blocked]);
    const before = await fingerprint();
    const r = await t.gql(CREATE, { i: { userId: 'half-made', teams: [{ teamId: open }, { teamId: blocked }] } });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toBe(before);
    expect(await userRow('half-made')).toBeUndefined();
  });

  test('a key alias already taken is CONFLICT and the user is not created', async () => {
    await insertKey(t, { userId: null });
    await q(`UPDATE "LiteLLM_VerificationToken" SET key_alias = 'taken-alias' WHERE key_alias IS NULL`);
    const before = await fingerprint();
    const r = await t.gql(CREATE, { i: { userId: 'alias-clash', keyAlias: 'taken-alias' } });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(await fingerprint()).toBe(before);
  });

  test('10 concurrent creates with one email (in different cases) make one user; the others are CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gql(CREATE, { i: { userEmail: i % 2 ? 'racer@example.com' : 'RACER@example.com', autoCreateKey: false } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(9);
    expect(await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE lower(user_email) = 'racer@example.com'`)).toHaveLength(1);
  });

  test('a user already listed in a team (by a stale entry) joins it once: LiteLLM skips members already in the team', async () => {
    const team = await makeTeam(t, 'stale', org);
    await q(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = '[{"user_id": "returning", "role": "user"}]' WHERE team_id = $1`, [team]);
    const r = await t.gql(CREATE, { i: { userId: 'returning', teams: [{ teamId: team }], autoCreateKey: false } });
    expect(r.errors).toBeUndefined();
    expect(await roster(team)).toEqual([{ user_id: 'returning', role: 'user' }]);
  });
});

describe('updateUser', () => {
  test('changes the fields given, leaves the rest; a budgetDuration sets the next reset; metadata is replaced whole', async () => {
    await t.gql(CREATE, { i: { userId: 'upd-1', userEmail: 'upd1@example.com', models: ['a'], tpmLimit: 5, metadata: { keep: false }, autoCreateKey: false } });
    const r = await t.gql(UPDATE, { id: 'upd-1', i: { userAlias: 'Upd', userRole: 'internal_user_viewer', maxBudget: 7.5, budgetDuration: '7d', metadata: { team: 'x' } } });
    expect(r.errors).toBeUndefined();
    const row = await userRow('upd-1');
    expect(row).toMatchObject({ user_alias: 'Upd', user_role: 'internal_user_viewer', max_budget: 7.5, budget_duration: '7d', metadata: { team: 'x' }, models: ['a'], tpm_limit: 5, user_email: 'upd1@example.com' });
    expect(row.budget_reset_at.getTime()).toBeGreaterThan(Date.now());
    expect(row.updated_at.getTime()).toBeGreaterThan(row.created_at.getTime() - 1);
    // null clears
    await t.gql(UPDATE, { id: 'upd-1', i: { maxBudget: null, budgetDuration: null } });
    expect(await userRow('upd-1')).toMatchObject({ max_budget: null, budget_duration: null, budget_reset_at: null });
  });

  test.each([
    [{ userEmail: 'UPD1@example.com' }, 'upd-2', 'CONFLICT'],
    [{ userRole: 'root' }, 'upd-2', 'BAD_USER_INPUT'],
    [{}, 'upd-2', 'BAD_USER_INPUT'],
    [{ maxBudget: 1 }, 'no-such-user', 'NOT_FOUND'],
  ])('%p on %s → %s, nothing written', async (input, id, code) => {
    await t.gql(CREATE, { i: { userId: 'upd-2', autoCreateKey: false } });
    const before = await fingerprint();
    const r = await t.gql(UPDATE, { id, i: input });
    expect(codes(r)).toEqual([code]);
    expect(await fingerprint()).toBe(before);
  });

  test('a user changes their own alias, and nothing else of theirs', async () => {
    const me = await makePrincipal(t, { role: 'internal_user' });
    const ok = await t.gql(UPDATE, { id: me.userId, i: { userAlias: 'me myself' } }, me.rawKey);
    expect(ok.errors).toBeUndefined();
    expect((await userRow(me.userId)).user_alias).toBe('me myself');
    for (const input of [{ maxBudget: 1000 }, { userRole: 'proxy_admin' }, { models: [] }, { userEmail: 'admin@example.com' }, { metadata: { model_rpm_limit: { a: 1 } } }]) {
      const before = await fingerprint();
      const r = await t.gql(UPDATE, { id: me.userId, i: input }, me.rawKey);
      expect(codes(r)).toEqual(['FORBIDDEN']);
      expect(await fingerprint()).toBe(before);
    }
  });
});

describe('updateUsers', () => {
  test('all or nothing: one unknown user refuses every update; then all are applied in one call', async () => {
    for (const id of ['bulk-1', 'bulk-2']) await t.gql(CREATE, { i: { userId: id, autoCreateKey: false } });
    const before = await fingerprint();
    const refused = await t.gql(UPDATES, { u: [{ userId: 'bulk-1', input: { maxBudget: 1 } }, { userId: 'bulk-missing', input: { maxBudget: 2 } }] });
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toBe(before);
    const bad = await t.gql(UPDATES, { u: [{ userId: 'bulk-1', input: { maxBudget: 1 } }, { userId: 'bulk-2', input: { maxBudget: -2 } }] });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toMatch(/^updates\[1\]\.input\.maxBudget: /);
    expect(await fingerprint()).toBe(before);
    const ok = await t.gql(UPDATES, { u: [{ userId: 'bulk-1', input: { maxBudget: 1 } }, { userId: 'bulk-2', input: { maxBudget: 2, userRole: 'internal_user' } }] });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateUsers).toEqual([{ id: 'bulk-1', maxBudget: 1, role: null }, { id: 'bulk-2', maxBudget: 2, role: 'internal_user' }]);
  });

  test("more than LiteLLM's 500, none, or one user twice: BAD_USER_INPUT", async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ userId: `u${i}`, input: { maxBudget: 1 } }));
    expect(codes(await t.gql(UPDATES, { u: many }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATES, { u: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATES, { u: [{ userId: 'bulk-1', input: { maxBudget: 1 } }, { userId: 'bulk-1', input: { maxBudget: 2 } }] }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('deleteUsers', () => {
  test("LiteLLM's whole cascade in one transaction: team entries, keys (tombstoned), invitations, memberships, then the user", async () => {
    const a = await makeTeam(t, 'del-a', org);
    const b = await makeTeam(t, 'del-b', org);
    await t.gql(CREATE, { i: { userId: 'stay', userEmail: 'stay@example.com', teams: [{ teamId: a }, { teamId: b }], autoCreateKey: false } });
    const made = await t.gql(CREATE, { i: { userId: 'gone', userEmail: 'gone@example.com', teams: [{ teamId: a }, { teamId: b, role: 'ADMIN' }] } });
    expect(made.errors).toBeUndefined();
    // an entry by email only (LiteLLM matches those too), a team key, a membership budget, an org seat, invitations
    await q(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = members_with_roles || '[{"user_email": "gone@example.com", "role": "user"}]' WHERE team_id = $1`, [a]);
    const teamKey = await insertKey(t, { userId: 'gone', teamId: a });
    const otherKey = await insertKey(t, { userId: 'stay', teamId: a });
    await q(`INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend) VALUES ('gone', $1, 3)`, [a]);
    await q(`INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role) VALUES ('gone', $1, 'internal_user'), ('stay', $1, 'internal_user')`, [org]);
    const invite = `INSERT INTO "LiteLLM_InvitationLink" (id, user_id, expires_at, created_at, created_by, updated_at, updated_by) VALUES ($1, $2, now(), now(), $3, now(), $4)`;
    await q(invite, ['inv-for', 'gone', 'stay', 'stay']);
    await q(invite, ['inv-by', 'stay', 'gone', 'stay']);
    await q(invite, ['inv-upd', 'stay', 'stay', 'gone']);
    await q(invite, ['inv-keep', 'stay', 'stay', 'stay']);
    const tokens = (await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = 'gone' ORDER BY token`)).map((r: any) => r.token);
    expect(tokens).toHaveLength(2);

    const r = await t.gql(DELETE, { ids: ['gone'] });
    expect(r.errors).toBeUndefined();
    expect(r.data.deleteUsers).toEqual(['gone']);
    expect(await userRow('gone')).toBeUndefined();
    expect(await roster(a)).toEqual([{ user_id: 'stay', user_email: 'stay@example.com', role: 'user' }]);
    expect(await roster(b)).toEqual([{ user_id: 'stay', user_email: 'stay@example.com', role: 'user' }]);
    expect((await userRow('stay')).teams).toEqual([a, b]);
    expect(await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = 'gone'`)).toEqual([]);
    expect(await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE token = $1`, [otherKey.token])).toHaveLength(1);
    const tomb = await q(`SELECT token, user_id, team_id, deleted_by FROM "LiteLLM_DeletedVerificationToken" WHERE user_id = 'gone' ORDER BY token`);
    expect(tomb.map((x: any) => x.token)).toEqual(tokens);
    expect(tomb.find((x: any) => x.token === teamKey.token)).toMatchObject({ team_id: a, deleted_by: 'default_user_id' });
    expect((await q(`SELECT id FROM "LiteLLM_InvitationLink" ORDER BY id`)).map((x: any) => x.id)).toEqual(['inv-keep']);
    expect(await q(`SELECT 1 FROM "LiteLLM_TeamMembership" WHERE user_id = 'gone'`)).toEqual([]);
    expect(await q(`SELECT user_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1`, [org])).toEqual([{ user_id: 'stay' }]);
    expect(await q(`SELECT action, before_value->>'user_id' AS id FROM "LiteLLM_AuditLog" WHERE object_id = 'gone' AND table_name = 'LiteLLM_UserTable' AND action = 'deleted'`)).toEqual([
      { action: 'deleted', id: 'gone' },
    ]);
  });

  test('deletes racing member adds to the same teams lose no member and never deadlock (team locks, then user rows)', async () => {
    const teams = [await makeTeam(t, 'race-1', org), await makeTeam(t, 'race-2', org)];
    const doomed = [];
    for (let i = 0; i < 6; i++) {
      await t.gql(CREATE, { i: { userId: `doomed-${i}`, teams: teams.map((teamId) => ({ teamId })), autoCreateKey: false } });
      doomed.push(`doomed-${i}`);
    }
    const ADD = `mutation($t: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $t, members: $m) { id } }`;
    const results = await Promise.all([
      ...doomed.map((id) => t.gql(DELETE, { ids: [id] })),
      ...Array.from({ length: 20 }, (_, i) => t.gql(ADD, { t: teams[i % 2], m: [{ userId: `joiner-${i}` }] })),
      // a doomed user joining a third team meanwhile
      ...doomed.slice(0, 2).map((id) => t.gql(ADD, { t: teams[0], m: [{ userId: id }] })),
    ]);
    for (const r of results.slice(0, 26)) expect(r.errors).toBeUndefined();
    for (const [i, team] of teams.entries()) {
      const ids = (await roster(team)).map((e: any) => e.user_id).sort();
      const joiners = Array.from({ length: 20 }, (_, j) => j).filter((j) => j % 2 === i).map((j) => `joiner-${j}`);
      // a doomed user re-added after their delete is a new user of that team; one deleted later is gone
      expect(ids.filter((x: string) => !x.startsWith('doomed-'))).toEqual(joiners.sort());
      for (const x of ids.filter((y: string) => y.startsWith('doomed-'))) expect(await userRow(x)).toBeDefined();
    }
  });

  test('updates racing a delete of the same user are applied before it or NOT_FOUND after it, never a 5xx', async () => {
    await t.gql(CREATE, { i: { userId: 'contested', autoCreateKey: false } });
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => t.gql(UPDATES, { u: [{ userId: 'contested', input: { maxBudget: i } }] })),
      t.gql(DELETE, { ids: ['contested'] }),
      ...Array.from({ length: 8 }, (_, i) => t.gql(UPDATE, { id: 'contested', i: { userAlias: `a${i}` } })),
    ]);
    for (const r of results) expect(r.errors === undefined || codes(r)[0] === 'NOT_FOUND').toBe(true);
    expect(results[8].errors).toBeUndefined();
    expect(await userRow('contested')).toBeUndefined();
  });

  test('one unknown id, none, or one twice: nothing deleted', async () => {
    await t.gql(CREATE, { i: { userId: 'del-keep' } });
    const before = await fingerprint();
    const r = await t.gql(DELETE, { ids: ['del-keep', 'no-such-user'] });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.errors![0].message).toMatch(/no-such-user/);
    expect(codes(await t.gql(DELETE, { ids: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DELETE, { ids: ['del-keep', 'del-keep'] }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toBe(before);
  });
});

describe("LiteLLM's new-user defaults (default_internal_user_params, max_internal_user_budget, internal_user_budget_duration)", () => {
  test('are read from proxy_config.yaml and checked; a field the gateway does not apply is refused at start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'users-config-'));
    const load = (text: string) => {
      const file = path.join(dir, `c${Math.random()}.yaml`);
      fs.writeFileSync(file, text);
      return loadConfig(['--config', file], {});
    };
    const c = load(`litellm_settings:
  max_internal_user_budget: 10
  internal_user_budget_duration: 30d
  default_internal_user_params:
    user_role: internal_user_viewer
    models: [gpt-4o]
    max_budget: 5
    teams: [t1, { team_id: t2, user_role: admin }]
    available_teams: [t3]
`);
    expect(c.newUserDefaults).toEqual({
      params: { userRole: 'internal_user_viewer', models: ['gpt-4o'], maxBudget: 5, teams: [{ teamId: 't1', role: 'user' }, { teamId: 't2', role: 'admin' }] },
      maxInternalUserBudget: 10,
      internalUserBudgetDuration: '30d',
    });
    expect(loadConfig([], {}).newUserDefaults).toEqual({ params: null, maxInternalUserBudget: null, internalUserBudgetDuration: null });
    expect(() => load('litellm_settings:\n  default_internal_user_params: { sso_user_id: x }\n')).toThrow(/default_internal_user_params\.sso_user_id: is not a field this gateway applies/);
    expect(() => load('litellm_settings:\n  default_internal_user_params: { user_role: root }\n')).toThrow(/user_role/);
    expect(() => load('litellm_settings:\n  internal_user_budget_duration: soon\n')).toThrow(/internal_user_budget_duration/);
  });

  test('createUser fills what is not given, as /user/new does; a proxy_admin gets none of them', async () => {
    const g = await startTestGateway({
      seed: false,
      config: {
        newUserDefaults: {
          params: { userRole: 'internal_user_viewer', models: ['gpt-4o'], maxBudget: 5, tpmLimit: 50, metadata: { from: 'defaults' }, teams: [] },
          maxInternalUserBudget: 10,
          internalUserBudgetDuration: '30d',
        },
      },
    });
    try {
      const team = await makeTeam(g, 'default-team');
      g.config.newUserDefaults.params!.teams = [{ teamId: team, role: 'admin' }];
      const row = async (id: string) => (await g.db.ds.query(`SELECT user_role, models, max_budget, budget_duration, tpm_limit, metadata, teams FROM "LiteLLM_UserTable" WHERE user_id = $1`, [id]))[0];
      const made = (i: Record<string, unknown>) => g.gql(CREATE, { i: { autoCreateKey: false, ...i } });
      expect((await made({ userId: 'd-plain' })).errors).toBeUndefined();
      expect(await row('d-plain')).toEqual({ user_role: 'internal_user_viewer', models: ['gpt-4o'], max_budget: 5, budget_duration: null, tpm_limit: 50, metadata: {}, teams: [team] });
      expect((await g.db.ds.query(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team]))[0].m).toEqual([{ user_id: 'd-plain', user_email: null, role: 'admin' }]);
      // given fields win; an internal_user gets the internal user budget duration; teams given replace the default teams
      expect((await made({ userId: 'd-internal', userRole: 'internal_user', maxBudget: 7, models: ['claude'], metadata: null, teams: [] })).errors).toBeUndefined();
      expect(await row('d-internal')).toEqual({ user_role: 'internal_user', models: ['claude'], max_budget: 7, budget_duration: '30d', tpm_limit: 50, metadata: { from: 'defaults' }, teams: [] });
      expect((await made({ userId: 'd-admin', userRole: 'proxy_admin', teams: [] })).errors).toBeUndefined();
      expect(await row('d-admin')).toEqual({ user_role: 'proxy_admin', models: [], max_budget: null, budget_duration: null, tpm_limit: null, metadata: {}, teams: [] });
      // /user/update: a role set to internal_user brings the internal user budget and duration not given
      expect((await g.gql(UPDATE, { id: 'd-admin', i: { userRole: 'internal_user' } })).errors).toBeUndefined();
      expect(await row('d-admin')).toMatchObject({ user_role: 'internal_user', max_budget: 10, budget_duration: '30d' });
      expect((await g.gql(UPDATE, { id: 'd-plain', i: { userRole: 'internal_user', maxBudget: 3 } })).errors).toBeUndefined();
      expect(await row('d-plain')).toMatchObject({ user_role: 'internal_user', max_budget: 3, budget_duration: '30d' });
    } finally {
      await g.close();
    }
  });
});

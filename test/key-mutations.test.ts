import { hashKey, generateRawKey } from '../src/services/key-format';
import { codes, GqlResult, startTestGateway, TestGateway } from './helpers/gateway';

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

/** A fingerprint of every row of the tables a key mutation may touch. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = ['LiteLLM_VerificationToken', 'LiteLLM_BudgetTable', 'LiteLLM_DeletedVerificationToken', 'LiteLLM_DeprecatedVerificationToken', 'LiteLLM_AuditLog'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [{ h }] = await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), 'empty') AS h FROM "${table}" x`);
    out[table] = h;
  }
  return out;
}

const GEN = `mutation($input: GenerateKeyInput!) { generateKey(input: $input) { key info { token keyName keyAlias expires models maxBudget budgetDuration budgetResetAt tpmLimit rpmLimit maxParallelRequests metadata blocked user { id } team { id } organization { id } budget { id softBudget } } } }`;
const gen = (input: Record<string, unknown>, key?: string) => t.gql(GEN, { input }, key);

function principal(role: string) {
  return t.seed!.principals.find((p) => p.role === role && p.teamId)!;
}

async function teamOf(teamId: string) {
  const [team] = await q(`SELECT team_id, organization_id, models, max_budget, tpm_limit, rpm_limit, members_with_roles FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [teamId]);
  return team;
}

beforeAll(async () => {
  t = await startTestGateway({ config: { storeAuditLogs: true, timezone: 'UTC' } });
});
afterAll(() => t.close());

describe('generateKey', () => {
  test('writes a key LiteLLM accepts: sk- + 22 URL-safe chars, SHA-256 token, key_name, calendar reset, moved metadata', async () => {
    const admin = t.seed!.principals.find((p) => p.role === 'internal_user')!;
    const started = Date.now();
    const r = await gen({ keyAlias: 'ci-bot', duration: '30d', models: ['gpt-4o'], maxBudget: 25, budgetDuration: '1mo', tpmLimit: 1000, rpmLimit: 10, maxParallelRequests: 2, userId: admin.userId, metadata: { env: 'ci' }, tags: ['prod'], guardrails: ['pii'] });
    expect(r.errors).toBeUndefined();
    const { key, info } = r.data.generateKey;
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
    expect(info.token).toBe(hashKey(key));
    expect(info.token).toMatch(/^[0-9a-f]{64}$/);
    expect(info.keyName).toBe(`sk-...${key.slice(-4)}`);
    const expires = new Date(info.expires).getTime();
    expect(expires - started).toBeGreaterThanOrEqual(30 * 86400000 - 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 86400000);
    const reset = new Date(info.budgetResetAt);
    expect([reset.getUTCDate(), reset.getUTCHours(), reset.getUTCMinutes()]).toEqual([1, 0, 0]);
    expect(reset.getTime()).toBeGreaterThan(Date.now());
    expect(info).toMatchObject({ keyAlias: 'ci-bot', models: ['gpt-4o'], maxBudget: 25, tpmLimit: 1000, rpmLimit: 10, maxParallelRequests: 2, blocked: null, user: { id: admin.userId }, team: null });
    expect(info.metadata).toEqual({ env: 'ci', tags: ['prod'], guardrails: ['pii'] });
    const [row] = await q(`SELECT created_by, updated_by, spend, user_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [info.token]);
    expect(row).toEqual({ created_by: 'default_user_id', updated_by: 'default_user_id', spend: 0, user_id: admin.userId });
    // the raw key is stored nowhere
    const [{ n }] = await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" v, "LiteLLM_AuditLog" a WHERE v::text LIKE $1 OR a::text LIKE $1`, [`%${key}%`]);
    expect(n).toBe(0);
    expect(t.logs.join('\n')).not.toContain(key);
  });

  test('the generated key authenticates as its owner', async () => {
    const owner = principal('internal_user');
    const r = await gen({ userId: owner.userId });
    const me = await t.gql(`{ viewer { role isMasterKey user { id } key { token } } }`, {}, r.data.generateKey.key);
    expect(me.data.viewer).toEqual({ role: 'internal_user', isMasterKey: false, user: { id: owner.userId }, key: { token: r.data.generateKey.info.token } });
  });

  test('a caller-supplied key must start with sk-; its hash is stored', async () => {
    const before = await fingerprint();
    const bad = await gen({ key: 'pk-live-123456789' });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toMatch(/must start with 'sk-'\. Received: pk-l\*\*\*\*6789/);
    expect(await fingerprint()).toEqual(before);
    const ok = await gen({ key: 'sk-my-own-key-0001' });
    expect(ok.data.generateKey).toMatchObject({ key: 'sk-my-own-key-0001', info: { token: hashKey('sk-my-own-key-0001'), keyName: 'sk-...0001' } });
    expect(codes(await gen({ key: 'sk-my-own-key-0001' }))).toEqual(['CONFLICT']);
  });

  test('softBudget creates a budget tier linked by budget_id', async () => {
    const r = await gen({ softBudget: 5, modelMaxBudget: { 'gpt-4o': { budget_limit: 1, time_period: '1d' } } });
    const budget = r.data.generateKey.info.budget;
    expect(budget.softBudget).toBe(5);
    const [row] = await q(`SELECT soft_budget, model_max_budget FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [budget.id]);
    expect(row).toEqual({ soft_budget: 5, model_max_budget: { 'gpt-4o': { budget_limit: 1, time_period: '1d' } } });
  });

  test.each([
    [{ maxBudget: -1 }, 'BAD_USER_INPUT', /maxBudget: must not be negative/],
    [{ softBudget: -0.5 }, 'BAD_USER_INPUT', /softBudget/],
    [{ duration: '10' }, 'BAD_USER_INPUT', /duration: '10' has no unit/],
    [{ duration: 'forever' }, 'BAD_USER_INPUT', /duration: 'forever' is not a duration/],
    [{ budgetDuration: 'soon' }, 'BAD_USER_INPUT', /budgetDuration/],
    [{ budgetDuration: '0d' }, 'BAD_USER_INPUT', /Invalid budget_duration/],
    [{ metadata: [1, 2] }, 'BAD_USER_INPUT', /metadata: must be a JSON object, got an array/],
    [{ metadata: 'text' }, 'BAD_USER_INPUT', /metadata: must be a JSON object/],
    [{ tpmLimit: -5 }, 'BAD_USER_INPUT', /tpmLimit/],
    [{ maxParallelRequests: -1 }, 'BAD_USER_INPUT', /maxParallelRequests/],
    [{ softBudget: 1, budgetId: 'x' }, 'BAD_USER_INPUT', /softBudget or budgetId/],
    [{ teamId: 'no-such-team' }, 'NOT_FOUND', /team 'no-such-team' not found/],
    [{ organizationId: 'no-such-org' }, 'NOT_FOUND', /organization 'no-such-org' not found/],
    [{ budgetId: 'no-such-budget' }, 'NOT_FOUND', /budget 'no-such-budget' not found/],
  ])('%p → %s, nothing written', async (input, code, message) => {
    const before = await fingerprint();
    const r = await gen(input);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0].message).toMatch(message);
    expect(await fingerprint()).toEqual(before);
  });

  test('a userId without a user row: a proxy admin gets the key and no user is created (LiteLLM #9163); anyone else NOT_FOUND, nothing written', async () => {
    const r = await gen({ userId: 'no-such-user' });
    expect(r.errors).toBeUndefined();
    expect(r.data.generateKey.info.user).toBeNull();
    expect(await q(`SELECT user_id FROM "LiteLLM_VerificationToken" WHERE token = $1`, [r.data.generateKey.info.token])).toEqual([{ user_id: 'no-such-user' }]);
    expect(await q(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = 'no-such-user'`)).toEqual([]);
    const member = principal('internal_user');
    const before = await fingerprint();
    const refused = await gen({ userId: 'no-such-user-2' }, member.rawKey);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(refused.errors![0].message).toMatch(/user 'no-such-user-2' not found/);
    expect(await fingerprint()).toEqual(before);
  });

  test("team rules: models the team allows, limits within the team's, owner a member", async () => {
    const member = principal('internal_user');
    const team = await teamOf(member.teamId!);
    const outsider = (await q(`SELECT user_id FROM "LiteLLM_UserTable" WHERE NOT ($1 = ANY(coalesce(teams, '{}'))) AND user_role = 'internal_user' LIMIT 1`, [team.team_id]))[0];
    const before = await fingerprint();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ models: ['gpt-4o', 'o1-pro'] }, /does not allow o1-pro/],
      [{ maxBudget: team.max_budget + 1 }, /exceeds the team's max budget/],
      [{ tpmLimit: team.tpm_limit + 1 }, /exceeds the team's tpm limit/],
      [{ rpmLimit: team.rpm_limit + 1 }, /exceeds the team's rpm limit/],
      [{ userId: outsider.user_id }, /is not a member of team/],
    ];
    for (const [input, message] of cases) {
      const r = await gen({ teamId: team.team_id, userId: member.userId, ...input });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(message);
    }
    expect(await fingerprint()).toEqual(before);
    const ok = await gen({ teamId: team.team_id, userId: member.userId, models: ['gpt-4o'], maxBudget: team.max_budget });
    expect(ok.data.generateKey.info).toMatchObject({ team: { id: team.team_id }, organization: { id: team.organization_id } });
  });

  test('aliases are unique: a second key with the alias is a CONFLICT', async () => {
    await gen({ keyAlias: 'unique-one' });
    const before = await fingerprint();
    const r = await gen({ keyAlias: 'unique-one' });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.errors![0].message).toBe("Key with alias 'unique-one' already exists. Unique key aliases across all keys are required.");
    expect(await fingerprint()).toEqual(before);
  });

  test('fifty simultaneous generateKey calls with one alias create exactly one key', async () => {
    const results: GqlResult[] = await Promise.all(Array.from({ length: 50 }, () => gen({ keyAlias: 'race-alias' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(49);
    const [{ n }] = await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE key_alias = 'race-alias'`);
    expect(n).toBe(1);
  });

  test('permissions: internal users for themselves only; team admins service accounts for their team; viewers never', async () => {
    const user = principal('internal_user');
    const own = await gen({ teamId: user.teamId }, user.rawKey);
    expect(own.errors).toBeUndefined();
    expect(own.data.generateKey.info.user).toEqual({ id: user.userId });
    const other = t.seed!.principals.find((p) => p.userId !== user.userId && p.role === 'internal_user')!;
    const before = await fingerprint();
    const forOther = await gen({ userId: other.userId }, user.rawKey);
    expect(codes(forOther)).toEqual(['FORBIDDEN']);
    expect(forOther.errors![0].message).toMatch(/User can only create keys for themselves/);
    const viewer = t.seed!.principals.find((p) => p.role === 'internal_user_viewer' || p.role === 'proxy_admin_viewer')!;
    expect(codes(await gen({}, viewer.rawKey))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toEqual(before);

    const [adminRow] = await q(`SELECT t.team_id, m->>'user_id' AS user_id FROM "LiteLLM_TeamTable" t, jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]' END) m WHERE m->>'role' = 'admin' LIMIT 1`);
    const admin = await gen({ userId: adminRow.user_id });
    const service = await gen({ teamId: adminRow.team_id, userId: null }, admin.data.generateKey.key);
    expect(service.errors).toBeUndefined();
    expect(service.data.generateKey.info).toMatchObject({ user: null, team: { id: adminRow.team_id } });
  });
});

describe('updateKey', () => {
  test('changes only the fields given; duration -1 clears expires; metadata replaces; budgetDuration recomputes the reset', async () => {
    const created = await gen({ keyAlias: 'upd-1', duration: '1d', maxBudget: 10, metadata: { a: 1 }, models: ['gpt-4o'] });
    const token = created.data.generateKey.info.token;
    const [before] = await q(`SELECT * FROM "LiteLLM_VerificationToken" WHERE token = $1`, [token]);
    const others = await q(`SELECT md5(string_agg(x::text, '|' ORDER BY token)) h FROM "LiteLLM_VerificationToken" x WHERE token <> $1`, [token]);
    const r = await t.gql(`mutation($t: String!, $i: UpdateKeyInput!) { updateKey(token: $t, input: $i) { maxBudget metadata expires budgetDuration budgetResetAt models keyAlias } }`, {
      t: created.data.generateKey.key,
      i: { maxBudget: 20, metadata: { b: 2 }, duration: '-1', budgetDuration: '7d' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateKey).toMatchObject({ maxBudget: 20, metadata: { b: 2 }, expires: null, budgetDuration: '7d', models: ['gpt-4o'], keyAlias: 'upd-1' });
    expect(new Date(r.data.updateKey.budgetResetAt).getUTCDay()).toBe(1);
    const [after] = await q(`SELECT * FROM "LiteLLM_VerificationToken" WHERE token = $1`, [token]);
    for (const col of Object.keys(before)) {
      if (['max_budget', 'metadata', 'expires', 'budget_duration', 'budget_reset_at', 'updated_at', 'updated_by'].includes(col)) continue;
      expect({ col, value: after[col] }).toEqual({ col, value: before[col] });
    }
    expect(await q(`SELECT md5(string_agg(x::text, '|' ORDER BY token)) h FROM "LiteLLM_VerificationToken" x WHERE token <> $1`, [token])).toEqual(others);
    // a null budgetDuration is ignored, as in LiteLLM
    const again = await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { budgetDuration: null }) { budgetDuration } }`, { t: token });
    expect(again.data.updateKey.budgetDuration).toBe('7d');
  });

  test('alias uniqueness excludes the key itself; bad input, unknown key and foreign user change nothing', async () => {
    const a = await gen({ keyAlias: 'upd-a' });
    await gen({ keyAlias: 'upd-b' });
    const token = a.data.generateKey.info.token;
    const same = await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { keyAlias: "upd-a" }) { keyAlias } }`, { t: token });
    expect(same.errors).toBeUndefined();
    const before = await fingerprint();
    expect(codes(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { keyAlias: "upd-b" }) { keyAlias } }`, { t: token }))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: -3 }) { keyAlias } }`, { t: token }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`mutation { updateKey(token: "sk-nope-nope-nope", input: { maxBudget: 3 }) { keyAlias } }`))).toEqual(['NOT_FOUND']);
    const user = principal('internal_user');
    const own = await q(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = $1 LIMIT 1`, [user.userId]);
    const other = t.seed!.principals.find((p) => p.userId !== user.userId && p.role === 'internal_user')!;
    const move = await t.gql(`mutation($t: String!, $u: ID) { updateKey(token: $t, input: { userId: $u }) { keyAlias } }`, { t: own[0].token, u: other.userId }, user.rawKey);
    expect(codes(move)).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('deleteKeys', () => {
  test('by raw key, hash and alias: tombstones first, then the rows; nothing else changes', async () => {
    const k1 = await gen({ keyAlias: 'del-1' });
    const k2 = await gen({ keyAlias: 'del-2' });
    const k3 = await gen({ keyAlias: 'del-3' });
    const [{ n: total }] = await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`);
    const r = await t.gql(`mutation($t: [String!], $a: [String!]) { deleteKeys(tokens: $t, aliases: $a) }`, { t: [k1.data.generateKey.key, k2.data.generateKey.info.token], a: ['del-3'] });
    expect(r.errors).toBeUndefined();
    const hashes = [k1, k2, k3].map((k) => k.data.generateKey.info.token);
    expect([...r.data.deleteKeys].sort()).toEqual([...hashes].sort());
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken"`))[0].n).toBe(total - 3);
    const tomb = await q(`SELECT token, key_alias, deleted_by FROM "LiteLLM_DeletedVerificationToken" WHERE token = ANY($1) ORDER BY key_alias`, [hashes]);
    expect(tomb).toEqual([
      { token: hashes[0], key_alias: 'del-1', deleted_by: 'default_user_id' },
      { token: hashes[1], key_alias: 'del-2', deleted_by: 'default_user_id' },
      { token: hashes[2], key_alias: 'del-3', deleted_by: 'default_user_id' },
    ]);
    expect(codes(await t.gql(`{ viewer { role } }`, {}, k1.data.generateKey.key))).toEqual(['UNAUTHENTICATED']);
  });

  test('one unknown key, no input, or a key the caller may not see: NOT_FOUND / BAD_USER_INPUT / NOT_FOUND and nothing deleted', async () => {
    const k = await gen({ keyAlias: 'del-keep' });
    const before = await fingerprint();
    const missing = await t.gql(`mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [k.data.generateKey.info.token, 'sk-not-there-at-all'] });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    expect(missing.errors![0].message).toContain('sk-n****-all');
    expect(missing.errors![0].message).not.toContain('sk-not-there-at-all');
    expect(codes(await t.gql(`mutation { deleteKeys }`))).toEqual(['BAD_USER_INPUT']);
    const user = principal('internal_user');
    expect(codes(await t.gql(`mutation($a: [String!]) { deleteKeys(aliases: $a) }`, { a: ['del-keep'] }, user.rawKey))).toEqual(['NOT_FOUND']);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('regenerateKey, blockKey, unblockKey, resetKeySpend', () => {
  test('regenerate: same row, new token and key_name; with a grace period the old key works until revoke_at', async () => {
    const k = await gen({ keyAlias: 'rot-1', maxBudget: 7 });
    const old = k.data.generateKey;
    const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t, input: { gracePeriod: "1h" }) { key info { token keyName keyAlias maxBudget } } }`, { t: old.key });
    expect(r.errors).toBeUndefined();
    const fresh = r.data.regenerateKey;
    expect(fresh.key).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
    expect(fresh.info).toEqual({ token: hashKey(fresh.key), keyName: `sk-...${fresh.key.slice(-4)}`, keyAlias: 'rot-1', maxBudget: 7 });
    expect(await q(`SELECT count(*)::int n FROM "LiteLLM_VerificationToken" WHERE token = $1`, [old.info.token])).toEqual([{ n: 0 }]);
    const [row] = await q(`SELECT rotation_count, last_rotation_at IS NOT NULL AS rotated FROM "LiteLLM_VerificationToken" WHERE token = $1`, [fresh.info.token]);
    expect(row).toEqual({ rotation_count: 1, rotated: true });
    expect(await q(`SELECT count(*)::int n FROM "LiteLLM_DeletedVerificationToken" WHERE token = $1`, [old.info.token])).toEqual([{ n: 1 }]);
    const [dep] = await q(`SELECT active_token_id, revoke_at FROM "LiteLLM_DeprecatedVerificationToken" WHERE token = $1`, [old.info.token]);
    expect(dep.active_token_id).toBe(fresh.info.token);
    expect(dep.revoke_at.getTime() - Date.now()).toBeGreaterThan(3500000);
    expect((await t.gql(`{ viewer { key { token } } }`, {}, old.key)).data.viewer.key.token).toBe(fresh.info.token);
    expect((await t.gql(`{ viewer { key { token } } }`, {}, fresh.key)).data.viewer.key.token).toBe(fresh.info.token);
    await q(`UPDATE "LiteLLM_DeprecatedVerificationToken" SET revoke_at = now() - interval '1 second' WHERE token = $1`, [old.info.token]);
    expect(codes(await t.gql(`{ viewer { role } }`, {}, old.key))).toEqual(['UNAUTHENTICATED']);
  });

  test('regenerate without grace: the old key stops at once; a bad new key or grace changes nothing', async () => {
    const k = await gen({});
    const before = await fingerprint();
    expect(codes(await t.gql(`mutation($t: String!) { regenerateKey(token: $t, input: { newKey: "nope" }) { key } }`, { t: k.data.generateKey.key }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(`mutation($t: String!) { regenerateKey(token: $t, input: { gracePeriod: "x" }) { key } }`, { t: k.data.generateKey.key }))).toEqual(['BAD_USER_INPUT']);
    expect(await fingerprint()).toEqual(before);
    const r = await t.gql(`mutation($t: String!) { regenerateKey(token: $t, input: { newKey: "sk-chosen-new-key-1" }) { key } }`, { t: k.data.generateKey.key });
    expect(r.data.regenerateKey.key).toBe('sk-chosen-new-key-1');
    expect(codes(await t.gql(`{ viewer { role } }`, {}, k.data.generateKey.key))).toEqual(['UNAUTHENTICATED']);
  });

  test('block and unblock', async () => {
    const owner = principal('internal_user');
    const k = await gen({ userId: owner.userId });
    const { key, info } = k.data.generateKey;
    expect((await t.gql(`mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: info.token })).data.blockKey.blocked).toBe(true);
    expect(codes(await t.gql(`{ viewer { role } }`, {}, key))).toEqual(['UNAUTHENTICATED']);
    expect((await t.gql(`mutation($t: String!) { unblockKey(token: $t) { blocked } }`, { t: key })).data.unblockKey.blocked).toBe(false);
    expect((await t.gql(`{ viewer { role } }`, {}, key)).data.viewer.role).toBe('internal_user');
  });

  test('resetKeySpend: within 0..spend and max budget; admins and team admins only', async () => {
    const owner = principal('internal_user');
    const k = await gen({ userId: owner.userId, maxBudget: 3 });
    const { token } = k.data.generateKey.info;
    await q(`UPDATE "LiteLLM_VerificationToken" SET spend = 2.5 WHERE token = $1`, [token]);
    const before = await fingerprint();
    for (const [resetTo, code] of [[3, 'BAD_USER_INPUT'], [-1, 'BAD_USER_INPUT']] as const) {
      expect(codes(await t.gql(`mutation($t: String!, $v: Float!) { resetKeySpend(token: $t, resetTo: $v) { spend } }`, { t: token, v: resetTo }))).toEqual([code]);
    }
    expect(codes(await t.gql(`mutation($t: String!) { resetKeySpend(token: $t, resetTo: 0) { spend } }`, { t: token }, owner.rawKey))).toEqual(['FORBIDDEN']);
    expect(await fingerprint()).toEqual(before);
    expect((await t.gql(`mutation($t: String!) { resetKeySpend(token: $t, resetTo: 1) { spend } }`, { t: token })).data.resetKeySpend.spend).toBe(1);
  });
});

describe('audit log (store_audit_logs on)', () => {
  test('each change writes a row in the same transaction, key-like fields masked', async () => {
    const k = await gen({ keyAlias: 'audited' });
    const { key, info } = k.data.generateKey;
    await t.gql(`mutation($t: String!) { updateKey(token: $t, input: { maxBudget: 9 }) { token } }`, { t: info.token });
    await t.gql(`mutation($t: String!) { blockKey(token: $t) { token } }`, { t: info.token });
    await t.gql(`mutation($t: String!) { unblockKey(token: $t) { token } }`, { t: info.token });
    const rows = await q(`SELECT action, table_name, changed_by, before_value, updated_values FROM "LiteLLM_AuditLog" WHERE object_id = $1 ORDER BY updated_at, action`, [info.token]);
    expect(rows.map((r: any) => r.action)).toEqual(['created', 'updated', 'blocked', 'unblocked']);
    expect(rows.every((r: any) => r.table_name === 'LiteLLM_VerificationToken' && r.changed_by === 'default_user_id')).toBe(true);
    expect(rows[0].before_value).toBeNull();
    expect(rows[0].updated_values.key).toBe(`sk-****${key.slice(-4)}`);
    // LiteLLM masks every field whose name contains "key", key_alias included
    expect(rows[0].updated_values.key_alias).toBe('****');
    expect(rows[0].updated_values.token).toBe(info.token);
    expect(rows[1].before_value.max_budget).toBeNull();
    expect(rows[1].updated_values).toEqual({ max_budget: 9 });
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  test('a failed mutation writes no audit row', async () => {
    const [{ n }] = await q(`SELECT count(*)::int n FROM "LiteLLM_AuditLog"`);
    await gen({ keyAlias: 'audited' });
    expect(await q(`SELECT count(*)::int n FROM "LiteLLM_AuditLog"`)).toEqual([{ n }]);
  });
});

test("generated keys are LiteLLM's shape, and none repeats across refills of the random pool", () => {
  const keys = Array.from({ length: 1000 }, () => generateRawKey());
  for (const k of keys) expect(k).toMatch(/^sk-[A-Za-z0-9_-]{22}$/);
  expect(new Set(keys).size).toBe(keys.length);
  // 16 KB drawn: the 4 KB pool was refilled three times
  expect(new Set(keys.map((k) => k.slice(3, 9))).size).toBeGreaterThan(990);
});

describe("key parity with LiteLLM's settings", () => {
  test('the alias format is checked only with litellm_settings.enable_key_alias_format_validation on', async () => {
    const strict = await startTestGateway({ db: t.db, config: { keyAliasFormatValidation: true } });
    try {
      for (const alias of ['-bad-', 'a', 'x'.repeat(256), 'with space']) {
        const before = await fingerprint();
        const r = await strict.gql(GEN, { input: { keyAlias: alias } });
        expect(codes(r)).toEqual(['BAD_USER_INPUT']);
        expect(r.errors![0].message).toMatch(/keyAlias: '.*' is not a valid alias/);
        expect(await fingerprint()).toEqual(before);
      }
    } finally {
      await strict.close();
    }
    // off (LiteLLM's default): any alias LiteLLM stores, and updateKey can send a stored one back unchanged
    for (const alias of ['a', 'an alias with spaces', 'ünïcode ✓']) {
      const made = await gen({ keyAlias: alias });
      expect(made.errors).toBeUndefined();
      expect(made.data.generateKey.info.keyAlias).toBe(alias);
      const again = await t.gql(`mutation($t: String!, $a: String) { updateKey(token: $t, input: { keyAlias: $a, maxBudget: 3 }) { keyAlias maxBudget } }`, { t: made.data.generateKey.key, a: alias });
      expect(again.errors).toBeUndefined();
      expect(again.data.updateKey).toEqual({ keyAlias: alias, maxBudget: 3 });
    }
  });

  test("a key the caller chooses needs only LiteLLM's sk- prefix", async () => {
    const short = await gen({ key: 'sk-abc' });
    expect(short.errors).toBeUndefined();
    expect(short.data.generateKey.key).toBe('sk-abc');
    expect(short.data.generateKey.info.token).toBe(hashKey('sk-abc'));
    expect(short.data.generateKey.info.keyName).toBe('sk-...-abc');
    const before = await fingerprint();
    const bad = await gen({ key: 'abc-no-prefix' });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].message).toMatch(/must start with 'sk-'/);
    expect(await fingerprint()).toEqual(before);
  });

  test('DISABLE_KEY_NAME=True (as LiteLLM reads it) stores no key_name', async () => {
    const off = await startTestGateway({ db: t.db, env: { DISABLE_KEY_NAME: 'True' } });
    try {
      const r = await off.gql(GEN, { input: {} });
      expect(r.errors).toBeUndefined();
      expect(r.data.generateKey.info.keyName).toBeNull();
      const [row] = await q(`SELECT key_name FROM "LiteLLM_VerificationToken" WHERE token = $1`, [r.data.generateKey.info.token]);
      expect(row.key_name).toBeNull();
    } finally {
      await off.close();
    }
  });
});

describe("litellm_settings' default and upper-bound key params (LiteLLM's generate rules)", () => {
  let bounded: TestGateway;
  beforeAll(async () => {
    bounded = await startTestGateway({
      db: t.db,
      config: {
        keyGenerateDefaults: { maxBudget: 2, models: ['gpt-4o-mini'], metadata: { tier: 'free' }, budgetDuration: '1d' },
        keyGenerateUpperBounds: { maxBudget: 50, tpmLimit: 1000, duration: '30d', budgetDuration: '7d' },
      },
    });
  });
  afterAll(() => bounded.close());

  test('defaults fill what is not given; bounds fill what is still missing', async () => {
    const r = await bounded.gql(GEN, { input: {} });
    expect(r.errors).toBeUndefined();
    const info = r.data.generateKey.info;
    expect(info).toMatchObject({ maxBudget: 2, models: ['gpt-4o-mini'], metadata: { tier: 'free' }, budgetDuration: '1d', tpmLimit: 1000 });
    // duration came from the bound: the key expires in 30 days
    expect(Math.round((Date.parse(info.expires) - Date.now()) / 86400000)).toBe(30);
    const given = await bounded.gql(GEN, { input: { maxBudget: 10, models: ['o1'], metadata: { team: 'x' }, tpmLimit: 10, duration: '1d' } });
    expect(given.data.generateKey.info).toMatchObject({ maxBudget: 10, models: ['o1'], metadata: { team: 'x' }, tpmLimit: 10 });
  });

  test.each([
    [{ maxBudget: 51 }, /max_budget is over max limit set in config - user_value=51; max_value=50/],
    [{ tpmLimit: 1001 }, /tpm_limit is over max limit set in config/],
    [{ duration: '31d' }, /duration is over max limit set in config - user_value=31d; max_value=30d/],
    [{ duration: '2mo' }, /duration is over max limit/],
    [{ budgetDuration: '14d' }, /budget_duration is over max limit/],
  ])('%p is over a bound: BAD_USER_INPUT, nothing written', async (input, message) => {
    const before = await fingerprint();
    const r = await bounded.gql(GEN, { input });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(message);
    expect(await fingerprint()).toEqual(before);
  });
});

import { codes, startTestGateway, TestGateway } from './helpers/gateway';

// createEndUser, updateEndUser, deleteEndUsers, blockEndUsers and unblockEndUsers write what LiteLLM's
// /customer/new, /update, /delete and /block write, one transaction each, with audit rows.

let t: TestGateway;
const q = (sql: string, params: unknown[] = []) => t.db.ds.query(sql, params);

const CREATE = `mutation($i: CreateEndUserInput!) { createEndUser(input: $i) { id alias spend blocked allowedModelRegion defaultModel budgetId budget { id maxBudget } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateEndUserInput!) { updateEndUser(id: $id, input: $i) { id alias blocked allowedModelRegion defaultModel budgetId budget { id maxBudget budgetDuration } } }`;
const DELETE = `mutation($ids: [ID!]!) { deleteEndUsers(ids: $ids) }`;
const BLOCK = `mutation($ids: [ID!]!) { blockEndUsers(ids: $ids) }`;
const UNBLOCK = `mutation($ids: [ID!]!) { unblockEndUsers(ids: $ids) }`;

const row = async (id: string) => (await q(`SELECT * FROM "LiteLLM_EndUserTable" WHERE user_id = $1`, [id]))[0];
const tier = async (id: string) => (await q(`SELECT * FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [id]))[0];
const audits = async (id: string) => q(`SELECT action, table_name, changed_by, before_value, updated_values FROM "LiteLLM_AuditLog" WHERE object_id = $1 ORDER BY updated_at`, [id]);

/** Every row an end user mutation may touch, to show that a refusal wrote nothing. */
async function fingerprint(): Promise<string> {
  const parts = [];
  for (const table of ['LiteLLM_EndUserTable', 'LiteLLM_BudgetTable', 'LiteLLM_AuditLog'])
    parts.push((await q(`SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${table}" x`))[0].h);
  return parts.join(',');
}

async function refusedUnchanged(query: string, variables: Record<string, unknown>, code: string, message?: RegExp) {
  const before = await fingerprint();
  const r = await t.gql(query, variables);
  expect(codes(r)).toEqual([code]);
  if (message) expect(r.errors![0].message).toMatch(message);
  expect(await fingerprint()).toBe(before);
}

beforeAll(async () => {
  t = await startTestGateway({ seed: false, config: { storeAuditLogs: true } });
  await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('free_tier', 5, 'x', 'x')`);
});
afterAll(() => t.close());

describe('createEndUser (/customer/new)', () => {
  test('with budget fields: a new tier as LiteLLM makes it (reset at now + duration, created by the caller) and the row, spend 0', async () => {
    const started = Date.now();
    const r = await t.gql(CREATE, {
      i: { userId: 'cust-a', alias: 'Acme', allowedModelRegion: 'eu', defaultModel: 'gpt-4o', maxBudget: 10, softBudget: 8, tpmLimit: 1000, rpmLimit: 10, maxParallelRequests: 2, budgetDuration: '7d', modelMaxBudget: { 'gpt-4o': { max_budget: 1, budget_duration: '1d' } } },
    });
    expect(r.errors).toBeUndefined();
    const e = await row('cust-a');
    expect(e).toEqual({ user_id: 'cust-a', alias: 'Acme', spend: 0, allowed_model_region: 'eu', default_model: 'gpt-4o', budget_id: expect.stringMatching(/^[0-9a-f-]{36}$/), blocked: false, object_permission_id: null });
    expect(r.data.createEndUser).toMatchObject({ id: 'cust-a', spend: 0, blocked: false, budgetId: e.budget_id, budget: { id: e.budget_id, maxBudget: 10 } });
    const b = await tier(e.budget_id);
    expect(b).toMatchObject({ max_budget: 10, soft_budget: 8, tpm_limit: 1000, rpm_limit: 10, max_parallel_requests: 2, budget_duration: '7d', model_max_budget: { 'gpt-4o': { max_budget: 1, budget_duration: '1d' } }, created_by: 'default_user_id', updated_by: 'default_user_id' });
    // naive UTC timestamp: now + 7 days, not the calendar boundary
    const reset = (await q(`SELECT extract(epoch FROM budget_reset_at) * 1000 AS ms FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [e.budget_id]))[0].ms;
    expect(Number(reset)).toBeGreaterThanOrEqual(started + 7 * 86400000 - 1000);
    expect(Number(reset)).toBeLessThanOrEqual(Date.now() + 7 * 86400000 + 1000);
    const [a] = await audits('cust-a');
    expect(a).toMatchObject({ action: 'created', table_name: 'LiteLLM_EndUserTable', changed_by: 'default_user_id', before_value: null });
    expect(a.updated_values).toMatchObject({ user_id: 'cust-a', budget_id: e.budget_id, blocked: false });
  });

  test('with budgetId: links the tier, makes none; without budget fields: no tier at all', async () => {
    const tiers = (await q(`SELECT count(*)::int n FROM "LiteLLM_BudgetTable"`))[0].n;
    expect((await t.gql(CREATE, { i: { userId: 'cust-linked', budgetId: 'free_tier', blocked: true } })).errors).toBeUndefined();
    expect(await row('cust-linked')).toMatchObject({ budget_id: 'free_tier', blocked: true, spend: 0, alias: null });
    expect((await t.gql(CREATE, { i: { userId: 'cust-plain' } })).errors).toBeUndefined();
    expect(await row('cust-plain')).toMatchObject({ budget_id: null, blocked: false, spend: 0, allowed_model_region: null, default_model: null });
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_BudgetTable"`))[0].n).toBe(tiers);
  });

  test("a taken id is CONFLICT with LiteLLM's message, and the tier it would have made is not left behind", async () => {
    await refusedUnchanged(CREATE, { i: { userId: 'cust-a', maxBudget: 3 } }, 'CONFLICT', /^Customer already exists, passed user_id=cust-a\. Please pass a new user_id\.$/);
  });

  test('10 concurrent creates of one id: one row, one tier, nine CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(CREATE, { i: { userId: 'cust-race', maxBudget: 1 } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codes(r)[0] === 'CONFLICT')).toHaveLength(9);
    const e = await row('cust-race');
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_BudgetTable" WHERE max_budget = 1 AND budget_id NOT IN (SELECT budget_id FROM "LiteLLM_EndUserTable" WHERE budget_id IS NOT NULL)`))[0].n).toBe(0);
    expect(e.budget_id).not.toBeNull();
  });

  test.each([
    ['maxBudget and budgetId', { userId: 'n1', maxBudget: 1, budgetId: 'free_tier' }, 'BAD_USER_INPUT', /Set either 'max_budget' or 'budget_id', not both\./],
    ['budgetId and another budget field', { userId: 'n1', tpmLimit: 5, budgetId: 'free_tier' }, 'BAD_USER_INPUT', /budgetId: give budgetId or budget fields \(tpmLimit\)/],
    ['an unknown budgetId', { userId: 'n1', budgetId: 'no-such-tier' }, 'NOT_FOUND', /budget 'no-such-tier' not found/],
    ['an empty id', { userId: '' }, 'BAD_USER_INPUT', /^userId: must not be empty/],
    ['a region outside eu/us', { userId: 'n1', allowedModelRegion: 'asia' }, 'BAD_USER_INPUT', /^allowedModelRegion: Input should be 'eu' or 'us'/],
    ['a negative budget', { userId: 'n1', maxBudget: -1 }, 'BAD_USER_INPUT', /^maxBudget: must not be negative/],
    ['a soft budget above the max', { userId: 'n1', maxBudget: 1, softBudget: 2 }, 'BAD_USER_INPUT', /^softBudget: 2 is above the max budget of 1/],
    ['a bad duration', { userId: 'n1', budgetDuration: 'soon' }, 'BAD_USER_INPUT', /^budgetDuration: /],
    ['a model budget that is not an object', { userId: 'n1', modelMaxBudget: { 'gpt-4o': 5 } }, 'BAD_USER_INPUT', /^modelMaxBudget\.gpt-4o: must be an object/],
    ['a model budget with a bad duration', { userId: 'n1', modelMaxBudget: { 'gpt-4o': { budget_duration: 'x' } } }, 'BAD_USER_INPUT', /^modelMaxBudget\.gpt-4o\.budget_duration: /],
    ['blocked null', { userId: 'n1', blocked: null }, 'BAD_USER_INPUT', /^blocked: must be true or false/],
    ['an id of 513 characters', { userId: 'x'.repeat(513) }, 'BAD_USER_INPUT', /^userId: must be at most 512 characters/],
  ])('%s: refused, nothing written', async (_name, input, code, message) => {
    await refusedUnchanged(CREATE, { i: input }, code, message);
  });
});

describe('updateEndUser (/customer/update)', () => {
  test("changes the customer's columns; omitted fields stay; null clears; false unblocks (LiteLLM drops false and 0)", async () => {
    await t.gql(CREATE, { i: { userId: 'cust-u', alias: 'Old', allowedModelRegion: 'us', defaultModel: 'm1', blocked: true } });
    const r = await t.gql(UPDATE, { id: 'cust-u', i: { alias: 'New', blocked: false, defaultModel: null } });
    expect(r.errors).toBeUndefined();
    expect(await row('cust-u')).toMatchObject({ alias: 'New', blocked: false, allowed_model_region: 'us', default_model: null, budget_id: null, spend: 0 });
    const [, a] = await audits('cust-u');
    expect(a).toMatchObject({ action: 'updated', before_value: { alias: 'Old', blocked: true }, updated_values: { alias: 'New', blocked: false, default_model: null } });
  });

  test('budget fields make the customer a tier when it has none, then change that tier in place (next calendar-aligned reset)', async () => {
    const first = await t.gql(UPDATE, { id: 'cust-u', i: { maxBudget: 4 } });
    expect(first.errors).toBeUndefined();
    const id = (await row('cust-u')).budget_id;
    expect(await tier(id)).toMatchObject({ max_budget: 4, created_by: 'default_user_id', budget_duration: null, budget_reset_at: null });
    const second = await t.gql(UPDATE, { id: 'cust-u', i: { maxBudget: 0, budgetDuration: '1d', alias: 'Again' } });
    expect(second.data.updateEndUser).toMatchObject({ alias: 'Again', budgetId: id, budget: { id, maxBudget: 0, budgetDuration: '1d' } });
    const [{ h, m }] = await q(`SELECT extract(hour FROM budget_reset_at)::int h, extract(minute FROM budget_reset_at)::int m FROM "LiteLLM_BudgetTable" WHERE budget_id = $1`, [id]);
    expect([h, m]).toEqual([0, 0]);
  });

  test('a tier shared with other customers is left alone: the customer gets a tier of its own', async () => {
    await t.gql(CREATE, { i: { userId: 'cust-shared', budgetId: 'free_tier' } });
    const r = await t.gql(UPDATE, { id: 'cust-shared', i: { maxBudget: 50 } });
    expect(r.errors).toBeUndefined();
    expect(await tier('free_tier')).toMatchObject({ max_budget: 5 });
    const mine = (await row('cust-shared')).budget_id;
    expect(mine).not.toBe('free_tier');
    expect(await tier(mine)).toMatchObject({ max_budget: 50 });
  });

  test("a tier that a key also uses is left alone too: the key's limits do not change", async () => {
    await q(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, max_budget, created_by, updated_by) VALUES ('key-tier', 7, 'x', 'x')`);
    await q(`INSERT INTO "LiteLLM_VerificationToken" (token, budget_id, models, spend) VALUES ('tok-with-tier', 'key-tier', '{}', 0)`);
    await t.gql(CREATE, { i: { userId: 'cust-keytier', budgetId: 'key-tier' } });
    expect((await t.gql(UPDATE, { id: 'cust-keytier', i: { maxBudget: 70 } })).errors).toBeUndefined();
    expect(await tier('key-tier')).toMatchObject({ max_budget: 7 });
    const mine = (await row('cust-keytier')).budget_id;
    expect(mine).not.toBe('key-tier');
    expect(await tier(mine)).toMatchObject({ max_budget: 70 });
  });

  test('budgetId links another tier; null unlinks', async () => {
    expect((await t.gql(UPDATE, { id: 'cust-plain', i: { budgetId: 'free_tier' } })).errors).toBeUndefined();
    expect((await row('cust-plain')).budget_id).toBe('free_tier');
    expect((await t.gql(UPDATE, { id: 'cust-plain', i: { budgetId: null } })).errors).toBeUndefined();
    expect((await row('cust-plain')).budget_id).toBeNull();
  });

  test.each([
    ['an unknown customer', 'nobody', { alias: 'x' }, 'NOT_FOUND', /^End User Id=nobody does not exist in db$/],
    ['budgetId with budget fields', 'cust-u', { budgetId: 'free_tier', maxBudget: 1 }, 'BAD_USER_INPUT', /^budgetId: give budgetId or budget fields/],
    ['an unknown tier', 'cust-u', { budgetId: 'nope' }, 'NOT_FOUND', /budget 'nope' not found/],
    ['an unknown tier with other changes', 'cust-u', { budgetId: 'nope', alias: 'changed' }, 'NOT_FOUND', /budget 'nope' not found/],
    ['a bad region', 'cust-u', { allowedModelRegion: 'EU' }, 'BAD_USER_INPUT', /^allowedModelRegion: /],
    ['blocked null', 'cust-u', { blocked: null }, 'BAD_USER_INPUT', /^blocked: /],
    ['a negative tpm limit', 'cust-u', { tpmLimit: -1 }, 'BAD_USER_INPUT', /^tpmLimit: /],
  ])('%s: refused, nothing written', async (_name, id, input, code, message) => {
    await refusedUnchanged(UPDATE, { id, i: input }, code, message);
  });
});

describe('blockEndUsers / unblockEndUsers (/customer/block, /customer/unblock)', () => {
  test('block upserts: an existing customer is blocked, an id never seen gets a row with blocked = true and spend 0', async () => {
    const r = await t.gql(BLOCK, { ids: ['cust-u', 'never-seen', 'never-seen'] });
    expect(r.data.blockEndUsers).toEqual(['cust-u', 'never-seen']);
    expect(await row('cust-u')).toMatchObject({ blocked: true, alias: 'Again' });
    expect(await row('never-seen')).toEqual({ user_id: 'never-seen', alias: null, spend: 0, allowed_model_region: null, default_model: null, budget_id: null, blocked: true, object_permission_id: null });
    expect(await audits('never-seen')).toEqual([expect.objectContaining({ action: 'blocked', before_value: null, updated_values: { blocked: true } })]);
  });

  test('unblock sets blocked = false; any unknown id refuses the whole call', async () => {
    await refusedUnchanged(UNBLOCK, { ids: ['cust-u', 'ghost-1', 'ghost-2'] }, 'NOT_FOUND', /^End User Id\(s\)=ghost-1, ghost-2 do not exist in db$/);
    expect((await row('cust-u')).blocked).toBe(true);
    const r = await t.gql(UNBLOCK, { ids: ['cust-u', 'never-seen'] });
    expect(r.data.unblockEndUsers).toEqual(['cust-u', 'never-seen']);
    expect((await row('cust-u')).blocked).toBe(false);
    expect((await row('never-seen')).blocked).toBe(false);
    expect((await audits('never-seen')).map((a: any) => a.action)).toEqual(['blocked', 'unblocked']);
  });

  test('concurrent blocks of overlapping lists in opposite orders neither deadlock nor fail', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `race-${i}`);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gql(BLOCK, { ids: i % 2 ? ids : [...ids].reverse() })));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect((await q(`SELECT count(*)::int n FROM "LiteLLM_EndUserTable" WHERE user_id LIKE 'race-%' AND blocked`))[0].n).toBe(20);
  });

  test.each([
    ['no ids', BLOCK, [], /^ids: give 1 to 1000 end user ids/],
    ['an empty id', UNBLOCK, ['cust-u', ''], /^ids\[1\]: must not be empty/],
    ['1001 ids', BLOCK, Array.from({ length: 1001 }, (_, i) => `many-${i}`), /^ids: give 1 to 1000/],
  ])('%s: refused, nothing written', async (_name, query, ids, message) => {
    await refusedUnchanged(query, { ids }, 'BAD_USER_INPUT', message);
  });
});

describe('deleteEndUsers (/customer/delete)', () => {
  test('deletes the rows, all or nothing: unknown ids are NOT_FOUND with their names; tiers stay', async () => {
    await t.gql(CREATE, { i: { userId: 'del-1', maxBudget: 9 } });
    await t.gql(CREATE, { i: { userId: 'del-2', budgetId: 'free_tier' } });
    const own = (await row('del-1')).budget_id;
    await refusedUnchanged(DELETE, { ids: ['del-1', 'ghost', 'del-2'] }, 'NOT_FOUND', /^End User Id\(s\)=ghost do not exist in db$/);
    expect(await row('del-1')).toBeDefined();
    const r = await t.gql(DELETE, { ids: ['del-1', 'del-2'] });
    expect(r.data.deleteEndUsers).toEqual(['del-1', 'del-2']);
    expect(await q(`SELECT user_id FROM "LiteLLM_EndUserTable" WHERE user_id IN ('del-1', 'del-2')`)).toEqual([]);
    expect(await tier(own)).toMatchObject({ max_budget: 9 });
    expect(await tier('free_tier')).toBeDefined();
    const [, d] = await audits('del-1');
    expect(d).toMatchObject({ action: 'deleted', before_value: { user_id: 'del-1', budget_id: own } });
  });

  test('an empty list is refused', async () => {
    await refusedUnchanged(DELETE, { ids: [] }, 'BAD_USER_INPUT', /^ids: give 1 to 1000/);
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { EndUser } from '../../entities';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { insertReturning } from '../db/rows';
import { badInput, conflict, GatewayError } from '../graphql/errors';
import { audit, columnJson, snakeJson } from './audit';
import { BudgetFields, BudgetService, checkEndUserBudget, SetBudgetArgs, validateBudget } from './budgets';
import { addDuration } from './durations';
import * as v from './validate';

/** LiteLLM's NewCustomerRequest: the customer, and either a new budget tier from the budget fields or budgetId. */
export interface CreateEndUserArgs extends Omit<BudgetFields, 'allowedModels'> {
  userId: string;
  alias?: string | null;
  blocked?: boolean | null;
  allowedModelRegion?: string | null;
  defaultModel?: string | null;
  budgetId?: string | null;
}

/** LiteLLM's UpdateCustomerRequest: omitted fields stay; null clears alias, region, default model and budgetId. */
export interface UpdateEndUserArgs extends SetBudgetArgs {
  alias?: string | null;
  blocked?: boolean | null;
  allowedModelRegion?: string | null;
  defaultModel?: string | null;
}

const MAX_IDS = 1000;
const MAX_ID_LENGTH = 512;
const MAX_TEXT = 1024;
// LiteLLM's AllowedModelRegion
const REGIONS = ['eu', 'us'];
const BUDGET_FIELDS = ['maxBudget', 'softBudget', 'maxParallelRequests', 'tpmLimit', 'rpmLimit', 'modelMaxBudget', 'budgetDuration', 'budgetResetAt'] as const;

function endUserId(field: string, id: string): void {
  if (!id.length) throw badInput(field, 'must not be empty');
  if (id.length > MAX_ID_LENGTH) throw badInput(field, `must be at most ${MAX_ID_LENGTH} characters`);
}

function customerFields(a: { alias?: string | null; allowedModelRegion?: string | null; defaultModel?: string | null; blocked?: boolean | null }): void {
  if (a.alias != null && a.alias.length > MAX_TEXT) throw badInput('alias', `must be at most ${MAX_TEXT} characters`);
  // LiteLLM's wording of its 422 for a region outside AllowedModelRegion
  if (a.allowedModelRegion != null && !REGIONS.includes(a.allowedModelRegion)) throw badInput('allowedModelRegion', `Input should be 'eu' or 'us', got ${JSON.stringify(a.allowedModelRegion.slice(0, 40))}`);
  if (a.defaultModel != null) v.names('defaultModel', [a.defaultModel]);
  if (a.blocked === null) throw badInput('blocked', 'must be true or false');
}

/** LiteLLM's GenericBudgetConfigType: {model: {max_budget?, budget_duration?, tpm_limit?, rpm_limit?}}. */
function modelMaxBudget(value: Record<string, unknown> | null | undefined): void {
  if (value == null) return;
  v.jsonObject('modelMaxBudget', value);
  for (const [model, config] of Object.entries(value)) {
    const at = `modelMaxBudget.${model.slice(0, 40)}`;
    if (!config || typeof config !== 'object' || Array.isArray(config)) throw badInput(at, 'must be an object {max_budget, budget_duration, tpm_limit, rpm_limit}');
    const c = config as Record<string, unknown>;
    if (c.max_budget != null && typeof c.max_budget !== 'number') throw badInput(`${at}.max_budget`, 'must be a number');
    v.money(`${at}.max_budget`, c.max_budget as number | null | undefined);
    if (c.budget_duration != null && typeof c.budget_duration !== 'string') throw badInput(`${at}.budget_duration`, 'must be a duration string');
    v.budgetDuration(`${at}.budget_duration`, c.budget_duration as string | null | undefined);
    for (const f of ['tpm_limit', 'rpm_limit'])
      if (c[f] != null && (typeof c[f] !== 'number' || !Number.isSafeInteger(c[f]) || (c[f] as number) < 0)) throw badInput(`${at}.${f}`, 'must be a whole number from 0');
  }
}

// LiteLLM's wording
const missing = (ids: string[], field: string) =>
  new GatewayError('NOT_FOUND', ids.length === 1 && field === 'id' ? `End User Id=${ids[0]} does not exist in db` : `End User Id(s)=${ids.join(', ')} do not exist in db`, { field });

/**
 * End users (customers) as LiteLLM's /customer/new, /update, /delete and /block write them, each call one
 * transaction with its audit rows; rows are locked in id order, so concurrent calls neither lose an update
 * nor deadlock. Proxy admins only, as in LiteLLM.
 */
export class EndUserService {
  private readonly budgets: BudgetService;

  constructor(
    private readonly ds: DataSource,
    private readonly policy: Policy,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.budgets = new BudgetService(ds, config, policy, now);
  }

  /** The rows of these ids that exist, locked in id order. */
  private locked(em: EntityManager, ids: string[]): Promise<EndUser[]> {
    return em.find(EndUser, { where: { id: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** The rows of all these ids, locked in id order; NOT_FOUND naming those that do not exist. */
  private async lockedAll(em: EntityManager, ids: string[]): Promise<EndUser[]> {
    const rows = await this.locked(em, ids);
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw missing(unknown, 'ids');
    return rows;
  }

  /**
   * LiteLLM's /customer/new: the budget fields make a new tier (its budget_reset_at, when only
   * budgetDuration is given, is now plus the duration, as /customer/new computes it), or budgetId links one;
   * then the end user row, spend 0.
   */
  async create(a: CreateEndUserArgs): Promise<EndUser> {
    this.policy.assertCanManageEndUsers('create end users');
    endUserId('userId', a.userId);
    customerFields(a);
    const tierFields = Object.fromEntries(BUDGET_FIELDS.filter((f) => a[f] != null).map((f) => [f, a[f]])) as BudgetFields;
    // LiteLLM's wording
    if (a.maxBudget != null && a.budgetId != null) throw badInput('budgetId', "Set either 'max_budget' or 'budget_id', not both.");
    if (a.budgetId != null && Object.keys(tierFields).length) throw badInput('budgetId', `give budgetId or budget fields (${Object.keys(tierFields).join(', ')}), not both`);
    if (a.budgetId != null) endUserId('budgetId', a.budgetId);
    validateBudget(tierFields);
    modelMaxBudget(a.modelMaxBudget);
    const duration = v.budgetDuration('budgetDuration', a.budgetDuration);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      let budgetId: string | null = null;
      if (a.budgetId != null) {
        const tiers: unknown[] = await em.query(`SELECT 1 FROM "LiteLLM_BudgetTable" WHERE budget_id = $1 FOR KEY SHARE`, [a.budgetId]);
        if (!tiers.length) throw new GatewayError('NOT_FOUND', `budget '${a.budgetId}' not found`, { field: 'budgetId' });
        budgetId = a.budgetId;
      } else if (Object.keys(tierFields).length) {
        const resetAt = tierFields.budgetResetAt ?? (duration ? addDuration(now, duration) : undefined);
        budgetId = (await this.budgets.insertTier(em, randomUUID(), { ...tierFields, budgetResetAt: resetAt }, now)).id;
      }
      const row = await insertReturning(em, EndUser, {
        id: a.userId,
        alias: a.alias ?? null,
        spend: 0,
        allowedModelRegion: a.allowedModelRegion ?? null,
        defaultModel: a.defaultModel ?? null,
        budgetId,
        blocked: a.blocked ?? false,
      });
      // LiteLLM's wording
      if (!row) throw conflict(`Customer already exists, passed user_id=${a.userId}. Please pass a new user_id.`, 'userId');
      await audit(em, this.config, this.policy.caller, { action: 'created', table: 'LiteLLM_EndUserTable', objectId: row.id, before: null, after: columnJson(em, EndUser, row) });
      return row;
    });
  }

  /** LiteLLM's /customer/update: the customer's columns, and its budget as setEndUserBudget changes it. */
  async update(id: string, a: UpdateEndUserArgs): Promise<EndUser> {
    this.policy.assertCanManageEndUsers('update end users');
    endUserId('id', id);
    customerFields(a);
    const { alias, blocked, allowedModelRegion, defaultModel, ...budget } = a;
    checkEndUserBudget(budget);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const [before] = await this.locked(em, [id]);
      if (!before) throw missing([id], 'id');
      await this.budgets.applyEndUserBudget(em, before, budget, now);
      const changes: Partial<EndUser> = { id };
      if (alias !== undefined) changes.alias = alias;
      if (blocked != null) changes.blocked = blocked;
      if (allowedModelRegion !== undefined) changes.allowedModelRegion = allowedModelRegion;
      if (defaultModel !== undefined) changes.defaultModel = defaultModel;
      await em.update(EndUser, { id }, changes);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_EndUserTable', objectId: id, before: columnJson(em, EndUser, before), after: snakeJson(a) });
      return em.findOneByOrFail(EndUser, { id });
    });
  }

  /** LiteLLM's /customer/delete: all the ids exist or nothing is deleted; their budget tiers stay. */
  async delete(ids: string[]): Promise<string[]> {
    this.policy.assertCanManageEndUsers('delete end users');
    const wanted = v.idList('ids', ids, MAX_IDS, 'end user ids', MAX_ID_LENGTH);
    return this.ds.transaction(async (em) => {
      const rows = await this.lockedAll(em, wanted);
      await em.query(`DELETE FROM "LiteLLM_EndUserTable" WHERE user_id = ANY($1::text[])`, [wanted]);
      for (const row of rows) await audit(em, this.config, this.policy.caller, { action: 'deleted', table: 'LiteLLM_EndUserTable', objectId: row.id, before: columnJson(em, EndUser, row), after: {} });
      return wanted;
    });
  }

  /** LiteLLM's /customer/block: an upsert per id, so an id never seen before gets a row with blocked = true. */
  async block(ids: string[]): Promise<string[]> {
    this.policy.assertCanManageEndUsers('block end users');
    const wanted = v.idList('ids', ids, MAX_IDS, 'end user ids', MAX_ID_LENGTH);
    return this.ds.transaction(async (em) => {
      const before = new Map((await this.locked(em, wanted)).map((r) => [r.id, r]));
      await em.query(
        `INSERT INTO "LiteLLM_EndUserTable" (user_id, blocked) SELECT id, true FROM unnest($1::text[]) AS id ORDER BY id
         ON CONFLICT (user_id) DO UPDATE SET blocked = true`,
        [wanted],
      );
      for (const id of wanted) {
        const row = before.get(id);
        await audit(em, this.config, this.policy.caller, { action: 'blocked', table: 'LiteLLM_EndUserTable', objectId: id, before: row ? { blocked: row.blocked } : null, after: { blocked: true } });
      }
      return wanted;
    });
  }

  /** /customer/unblock as a write: blocked = false on existing end users; unknown ids refuse the call. */
  async unblock(ids: string[]): Promise<string[]> {
    this.policy.assertCanManageEndUsers('unblock end users');
    const wanted = v.idList('ids', ids, MAX_IDS, 'end user ids', MAX_ID_LENGTH);
    return this.ds.transaction(async (em) => {
      const rows = await this.lockedAll(em, wanted);
      await em.query(`UPDATE "LiteLLM_EndUserTable" SET blocked = false WHERE user_id = ANY($1::text[])`, [wanted]);
      for (const row of rows) await audit(em, this.config, this.policy.caller, { action: 'unblocked', table: 'LiteLLM_EndUserTable', objectId: row.id, before: { blocked: row.blocked }, after: { blocked: false } });
      return wanted;
    });
  }
}

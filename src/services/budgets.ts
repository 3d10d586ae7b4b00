import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Budget, EndUser, Organization, OrganizationMember, Team, User } from '../../entities';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { badInput, conflict, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson, snakeJson } from './audit';
import { nextReset } from './durations';
import * as v from './validate';

export interface BudgetFields {
  maxBudget?: number | null;
  softBudget?: number | null;
  maxParallelRequests?: number | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  modelMaxBudget?: Record<string, unknown> | null;
  budgetDuration?: string | null;
  budgetResetAt?: Date | null;
  allowedModels?: string[] | null;
}

export interface SetBudgetArgs {
  maxBudget?: number | null;
  softBudget?: number | null;
  budgetDuration?: string | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  maxParallelRequests?: number | null;
  budgetId?: string | null;
}

const BUDGET_ID = /^[A-Za-z0-9._:@/-]{1,128}$/;

export function validateBudget(a: BudgetFields | SetBudgetArgs, current?: { maxBudget: number | null; softBudget?: number | null }): void {
  v.money('maxBudget', a.maxBudget);
  v.money('softBudget', a.softBudget);
  v.limits(a);
  if ('modelMaxBudget' in a) v.jsonObject('modelMaxBudget', a.modelMaxBudget);
  if ('allowedModels' in a) v.names('allowedModels', a.allowedModels);
  const max = a.maxBudget !== undefined ? a.maxBudget : current?.maxBudget;
  const soft = a.softBudget !== undefined ? a.softBudget : current?.softBudget;
  if (soft != null && max != null && soft > max) throw badInput('softBudget', `${soft} is above the max budget of ${max}`);
}

/** Is a member's (or an end user's) tier also anyone else's? Then changing it in place would change theirs too. */
export async function tierShared(
  em: EntityManager,
  id: string,
  owner: { userId: string; teamId: string } | { userId: string; organizationId: string } | { endUserId: string } | { tierOfOrganization: string },
): Promise<boolean> {
  const member = 'teamId' in owner ? owner : null;
  const orgMember = 'organizationId' in owner ? owner : null;
  const endUser = 'endUserId' in owner ? owner.endUserId : null;
  const organization = 'tierOfOrganization' in owner ? owner.tierOfOrganization : null;
  const [{ shared }] = await em.query(
    `SELECT EXISTS (SELECT 1 FROM "LiteLLM_TeamMembership" WHERE budget_id = $1 AND (user_id, team_id) IS DISTINCT FROM ($2::text, $3::text))
         OR EXISTS (SELECT 1 FROM "LiteLLM_OrganizationMembership" WHERE budget_id = $1 AND (user_id, organization_id) IS DISTINCT FROM ($5::text, $6::text))
         OR EXISTS (SELECT 1 FROM "LiteLLM_OrganizationTable" WHERE budget_id = $1 AND organization_id IS DISTINCT FROM $7::text)
         OR EXISTS (SELECT 1 FROM "LiteLLM_EndUserTable" WHERE budget_id = $1 AND user_id IS DISTINCT FROM $4::text)
         OR EXISTS (SELECT 1 FROM "LiteLLM_TagTable" WHERE budget_id = $1)
         OR EXISTS (SELECT 1 FROM "LiteLLM_ProjectTable" WHERE budget_id = $1)
         OR EXISTS (SELECT 1 FROM "LiteLLM_VerificationToken" WHERE budget_id = $1) AS shared`,
    [id, member?.userId ?? null, member?.teamId ?? null, endUser, orgMember?.userId ?? null, orgMember?.organizationId ?? null, organization],
  );
  return shared;
}

// LiteLLM's special model name: an empty models list means every proxy model
export const ALL_PROXY_MODELS = 'all-proxy-models';

/** LiteLLM's validate_team_org_change: the organization must allow the team's models (unless left out), budget and limits. */
export async function assertTeamFitsOrganization(em: EntityManager, org: Organization, team: { models?: string[] | null; maxBudget: number | null; tpmLimit: number | null; rpmLimit: number | null }): Promise<void> {
  const orgModels = org.models ?? [];
  if (team.models !== undefined && orgModels.length && !orgModels.includes(ALL_PROXY_MODELS)) {
    const teamModels = team.models ?? [];
    // LiteLLM's wording
    if (!teamModels.length) throw badInput('models', 'Cannot move team to organization. Team has access to all proxy models, but the organization does not.');
    const outside = teamModels.filter((m) => !orgModels.includes(m));
    if (outside.length) throw badInput('models', `The organization ${org.id} does not allow model(s) ${outside.join(', ')}`);
  }
  const tier = await em.findOneBy(Budget, { id: org.budgetId });
  if (!tier) return;
  if (team.maxBudget && tier.maxBudget && team.maxBudget > tier.maxBudget)
    throw badInput('maxBudget', `Cannot move team to organization. Team has max_budget ${team.maxBudget} that is greater than the organization's max_budget ${tier.maxBudget}.`);
  if (team.tpmLimit && tier.tpmLimit && team.tpmLimit > tier.tpmLimit)
    throw badInput('tpmLimit', `Cannot move team to organization. Team has tpm_limit ${team.tpmLimit} that is greater than the organization's tpm_limit ${tier.tpmLimit}.`);
  if (team.rpmLimit && tier.rpmLimit && team.rpmLimit > tier.rpmLimit)
    throw badInput('rpmLimit', `Cannot move team to organization. Team has rpm_limit ${team.rpmLimit} that is greater than the organization's rpm_limit ${tier.rpmLimit}.`);
}

/** The inline budget of a user (UserTable): no soft budget and no tier in LiteLLM. */
export function validateUserBudget(a: SetBudgetArgs): void {
  if (a.softBudget != null) throw badInput('softBudget', "LiteLLM's users have no soft budget");
  if (a.budgetId != null) throw badInput('budgetId', 'users carry their budget inline in LiteLLM; set maxBudget and budgetDuration');
  validateBudget(a);
}

/** Budget tiers and the inline budgets of teams, users, organizations, organization members and end users. */
export class BudgetService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly policy: Policy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private resetAt(duration: string | null | undefined, now: Date): Date | null {
    return nextReset(duration, now, { timezone: this.config.timezone, resetTime: this.config.budgetResetTime });
  }

  private tierChanges(a: BudgetFields | SetBudgetArgs, now: Date): Partial<Budget> {
    const changes: Partial<Budget> = { updatedAt: now, updatedBy: actorOf(this.policy.caller) };
    for (const f of ['maxBudget', 'softBudget', 'maxParallelRequests', 'tpmLimit', 'rpmLimit', 'modelMaxBudget', 'allowedModels'] as const)
      if (f in a && (a as Record<string, unknown>)[f] !== undefined) (changes as Record<string, unknown>)[f] = (a as Record<string, unknown>)[f];
    if (a.budgetDuration !== undefined) {
      changes.budgetDuration = a.budgetDuration;
      changes.budgetResetAt = 'budgetResetAt' in a && a.budgetResetAt ? a.budgetResetAt : this.resetAt(a.budgetDuration, now);
    } else if ('budgetResetAt' in a && a.budgetResetAt !== undefined) changes.budgetResetAt = a.budgetResetAt;
    return changes;
  }

  /** A new tier with these fields, created and updated by the caller. */
  async insertTier(em: EntityManager, id: string, a: BudgetFields | SetBudgetArgs, now: Date): Promise<Budget> {
    const actor = actorOf(this.policy.caller);
    await em.insert(Budget, em.create(Budget, { id, createdAt: now, createdBy: actor, ...this.tierChanges(a, now) }));
    return em.findOneByOrFail(Budget, { id });
  }

  /** Many new tiers in one statement (their ids given). */
  async insertTiers(em: EntityManager, tiers: { id: string; a: BudgetFields | SetBudgetArgs }[], now: Date): Promise<void> {
    if (!tiers.length) return;
    const actor = actorOf(this.policy.caller);
    await em.insert(Budget, tiers.map(({ id, a }) => em.create(Budget, { id, createdAt: now, createdBy: actor, ...this.tierChanges(a, now) })));
  }

  /** The tier, locked, or NOT_FOUND. */
  async tier(em: EntityManager, id: string): Promise<Budget> {
    const b = await em.findOne(Budget, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw notFound('budget', id);
    return b;
  }

  async create(a: BudgetFields & { id?: string | null }): Promise<Budget> {
    this.policy.requireAdmin('create budgets');
    if (a.id != null && !BUDGET_ID.test(a.id)) throw badInput('id', 'must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ / -');
    validateBudget(a);
    const id = a.id ?? randomUUID();
    const now = this.now();
    return this.ds.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`litellm_budget:${id}`]);
      // LiteLLM's wording
      if (await em.existsBy(Budget, { id })) throw conflict(`Budget with id '${id}' already exists.`, 'id');
      const row = await this.insertTier(em, id, a, now);
      await audit(em, this.config, this.policy.caller, { action: 'created', table: 'LiteLLM_BudgetTable', objectId: id, before: null, after: columnJson(em, Budget, row) });
      return row;
    });
  }

  async update(id: string, a: BudgetFields): Promise<Budget> {
    this.policy.requireAdmin('update budgets');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const before = await this.tier(em, id);
      validateBudget(a, before);
      await em.update(Budget, { id }, this.tierChanges(a, now));
      const row = await em.findOneByOrFail(Budget, { id });
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_BudgetTable', objectId: id, before: columnJson(em, Budget, before), after: snakeJson(a) });
      return row;
    });
  }

  /** An organization still on the tier blocks deletion (RESTRICT); keys, end users, memberships, tags let go (SET NULL). */
  async delete(id: string): Promise<string> {
    this.policy.requireAdmin('delete budgets');
    return this.ds.transaction(async (em) => {
      const before = await this.tier(em, id);
      const orgs: { organization_alias: string }[] = await em.query(`SELECT organization_alias FROM "LiteLLM_OrganizationTable" WHERE budget_id = $1 LIMIT 5`, [id]);
      if (orgs.length) throw conflict(`Budget '${id}' is the budget of organization ${orgs.map((o) => `'${o.organization_alias}'`).join(', ')}; give the organization another budget first`);
      await em.delete(Budget, { id });
      await audit(em, this.config, this.policy.caller, { action: 'deleted', table: 'LiteLLM_BudgetTable', objectId: id, before: columnJson(em, Budget, before), after: {} });
      return id;
    });
  }

  async setTeamBudget(teamId: string, a: SetBudgetArgs): Promise<Team> {
    this.policy.requireWrite('change team budgets');
    if (a.budgetId != null) throw badInput('budgetId', 'teams carry their budget inline in LiteLLM; set maxBudget and budgetDuration');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await em.findOne(Team, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
      if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', teamId);
      this.policy.assertCanSetTeamBudget(team);
      validateBudget(a, team);
      const org = team.organizationId ? await em.findOneBy(Organization, { id: team.organizationId }) : null;
      if (org) await assertTeamFitsOrganization(em, org, { maxBudget: a.maxBudget ?? null, tpmLimit: a.tpmLimit ?? null, rpmLimit: a.rpmLimit ?? null });
      const changes: Partial<Team> = { updatedAt: now };
      for (const f of ['maxBudget', 'softBudget', 'tpmLimit', 'rpmLimit', 'maxParallelRequests'] as const) if (a[f] !== undefined) (changes as Record<string, unknown>)[f] = a[f];
      if (a.budgetDuration !== undefined) {
        changes.budgetDuration = a.budgetDuration;
        changes.budgetResetAt = this.resetAt(a.budgetDuration, now);
      }
      await em.update(Team, { id: teamId }, changes);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: teamId, before: columnJson(em, Team, team), after: snakeJson(a) });
      return em.findOneByOrFail(Team, { id: teamId });
    });
  }

  async setUserBudget(userId: string, a: SetBudgetArgs): Promise<User> {
    this.policy.requireAdmin('change user budgets');
    validateUserBudget(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user', userId);
      const changes: Partial<User> = { updatedAt: now, ...this.userBudgetChanges(a, now) };
      await em.update(User, { id: userId }, changes);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_UserTable', objectId: userId, before: columnJson(em, User, user), after: snakeJson(a) });
      return em.findOneByOrFail(User, { id: userId });
    });
  }

  /**
   * LiteLLM's /organization/member_update with max_budget_in_organization, inside the caller's transaction:
   * the member's own tier is changed in place, or a new tier is made and linked when there is none (or it
   * is shared with anyone else, where LiteLLM would change theirs too).
   */
  async writeOrganizationMemberTier(em: EntityManager, membership: OrganizationMember, a: BudgetFields, now: Date): Promise<string> {
    if (membership.budgetId && !(await tierShared(em, membership.budgetId, { userId: membership.userId, organizationId: membership.organizationId }))) {
      const tier = await this.tier(em, membership.budgetId);
      validateBudget(a, tier);
      await em.update(Budget, { id: tier.id }, this.tierChanges(a, now));
      return tier.id;
    }
    const tier = await this.insertTier(em, randomUUID(), a, now);
    return tier.id;
  }

  /** The UserTable columns an inline user budget sets: omitted fields stay, null clears; a budgetDuration recomputes budget_reset_at. */
  userBudgetChanges(a: SetBudgetArgs, now: Date): Partial<User> {
    const changes: Partial<User> = {};
    for (const f of ['maxBudget', 'tpmLimit', 'rpmLimit', 'maxParallelRequests'] as const) if (a[f] !== undefined) (changes as Record<string, unknown>)[f] = a[f];
    if (a.budgetDuration !== undefined) {
      changes.budgetDuration = a.budgetDuration;
      changes.budgetResetAt = this.resetAt(a.budgetDuration, now);
    }
    return changes;
  }

  /** The organization's required tier is updated in place, or replaced by budgetId. */
  async setOrganizationBudget(organizationId: string, a: SetBudgetArgs): Promise<Organization> {
    this.policy.requireAdmin('change organization budgets');
    validateBudget(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const org = await em.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('organization', organizationId);
      const tier = await this.applyOrganizationBudget(em, org, a, now);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: organizationId, before: columnJson(em, Budget, tier), after: snakeJson(a) });
      return em.findOneByOrFail(Organization, { id: organizationId });
    });
  }

  /**
   * Budget fields of /organization/update inside the caller's transaction (the organization row locked):
   * budgetId links another existing tier; the other fields change the organization's tier in place.
   * Returns the tier as it was before.
   */
  async applyOrganizationBudget(em: EntityManager, org: Organization, a: BudgetFields & { budgetId?: string | null }, now: Date): Promise<Budget> {
    const { budgetId: linked, ...fields } = a;
    const changes = Object.values(fields).some((x) => x !== undefined);
    if (linked != null) {
      await this.tier(em, linked);
      await em.update(Organization, { id: org.id }, { budgetId: linked, updatedAt: now, updatedBy: actorOf(this.policy.caller) });
    }
    const tierId = linked ?? org.budgetId;
    const tier = await this.tier(em, tierId);
    if (!changes) return tier;
    validateBudget(a, tier);
    // a tier others use too (a linked one) is copied with the changes, so their limits stay as they are
    if (await tierShared(em, tierId, { tierOfOrganization: org.id })) {
      const { id: _old, createdAt: _c, createdBy: _b, budgetResetAt, ...limits } = tier;
      // the copy keeps the tier's reset window unless the period changes
      const copy = await this.insertTier(em, randomUUID(), { ...limits, budgetResetAt: fields.budgetDuration === undefined ? budgetResetAt : undefined, ...fields }, now);
      await em.update(Organization, { id: org.id }, { budgetId: copy.id, updatedAt: now, updatedBy: actorOf(this.policy.caller) });
      return tier;
    }
    await em.update(Budget, { id: tierId }, this.tierChanges(fields, now));
    return tier;
  }

  /** LiteLLM's /customer/update: link a tier (budgetId) or set limits on the end user's own tier. */
  async setEndUserBudget(endUserId: string, a: SetBudgetArgs): Promise<EndUser> {
    this.policy.assertCanManageEndUsers('change end user budgets');
    checkEndUserBudget(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const endUser = await em.findOne(EndUser, { where: { id: endUserId }, lock: { mode: 'pessimistic_write' } });
      if (!endUser) throw notFound('end user', endUserId);
      await this.applyEndUserBudget(em, endUser, a, now);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_EndUserTable', objectId: endUserId, before: columnJson(em, EndUser, endUser), after: snakeJson(a) });
      return em.findOneByOrFail(EndUser, { id: endUserId });
    });
  }

  /** The budget part of /customer/update on a locked end user row (checked first with checkEndUserBudget). */
  async applyEndUserBudget(em: EntityManager, endUser: EndUser, a: SetBudgetArgs, now: Date): Promise<void> {
    const fields = budgetFieldsOf(a);
    if (a.budgetId !== undefined) {
      if (a.budgetId !== null) await this.tier(em, a.budgetId);
      await em.update(EndUser, { id: endUser.id }, { budgetId: a.budgetId });
    } else if (fields.length) {
      // a tier that anything else uses is left alone: this end user gets a tier of its own
      if (endUser.budgetId && !(await tierShared(em, endUser.budgetId, { endUserId: endUser.id }))) {
        const tier = await this.tier(em, endUser.budgetId);
        validateBudget(a, tier);
        await em.update(Budget, { id: tier.id }, this.tierChanges(a, now));
      } else {
        const tier = await this.insertTier(em, randomUUID(), a, now);
        await em.update(EndUser, { id: endUser.id }, { budgetId: tier.id });
      }
    }
  }
}

const budgetFieldsOf = (a: SetBudgetArgs) => Object.entries(a).filter(([k, val]) => k !== 'budgetId' && val !== undefined);

/** An end user's budget change before any write: budgetId or budget fields, not both (as /customer/update). */
export function checkEndUserBudget(a: SetBudgetArgs): void {
  if (a.budgetId != null && budgetFieldsOf(a).length) throw badInput('budgetId', 'give budgetId or budget fields, not both (as /customer/update)');
  validateBudget(a);
}

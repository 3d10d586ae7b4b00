import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Budget, EndUser, Organization, Team, TeamMembership, User } from '../../entities';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { badInput, conflict, forbidden, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson, snakeJson } from './audit';
import { nextReset } from './durations';
import { memberOf } from './members';
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

function validate(a: BudgetFields | SetBudgetArgs, current?: { maxBudget: number | null; softBudget?: number | null }): void {
  v.money('maxBudget', a.maxBudget);
  v.money('softBudget', a.softBudget);
  v.count('tpmLimit', a.tpmLimit);
  v.count('rpmLimit', a.rpmLimit);
  v.count('maxParallelRequests', a.maxParallelRequests, 2147483647);
  if ('modelMaxBudget' in a) v.jsonObject('modelMaxBudget', a.modelMaxBudget);
  if ('allowedModels' in a) v.names('allowedModels', a.allowedModels);
  v.budgetDuration('budgetDuration', a.budgetDuration);
  const max = a.maxBudget !== undefined ? a.maxBudget : current?.maxBudget;
  const soft = a.softBudget !== undefined ? a.softBudget : current?.softBudget;
  if (soft != null && max != null && soft > max) throw badInput('softBudget', `${soft} is above the max budget of ${max}`);
}

/** The inline budget of a user (UserTable): no soft budget and no tier in LiteLLM. */
export function validateUserBudget(a: SetBudgetArgs): void {
  if (a.softBudget != null) throw badInput('softBudget', "LiteLLM's users have no soft budget");
  if (a.budgetId != null) throw badInput('budgetId', 'users carry their budget inline in LiteLLM; set maxBudget and budgetDuration');
  validate(a);
}

/** Budget tiers and the inline budgets of teams, users, members, organizations and end users. */
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

  private async insertTier(em: EntityManager, id: string, a: BudgetFields | SetBudgetArgs, now: Date): Promise<Budget> {
    const actor = actorOf(this.policy.caller);
    await em.insert(Budget, em.create(Budget, { id, createdAt: now, createdBy: actor, ...this.tierChanges(a, now) }));
    return em.findOneByOrFail(Budget, { id });
  }

  private async tier(em: EntityManager, id: string): Promise<Budget> {
    const b = await em.findOne(Budget, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw notFound('budget', id);
    return b;
  }

  async create(a: BudgetFields & { id?: string | null }): Promise<Budget> {
    this.policy.requireAdmin('create budgets');
    if (a.id != null && !BUDGET_ID.test(a.id)) throw badInput('id', 'must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ / -');
    validate(a);
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
      validate(a, before);
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
      validate(a, team);
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

  /** Is a member's tier also anyone else's? Then changing it in place would change theirs too. */
  private async tierShared(em: EntityManager, id: string, member: { userId: string; teamId: string }): Promise<boolean> {
    const [{ shared }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM "LiteLLM_TeamMembership" WHERE budget_id = $1 AND (user_id, team_id) <> ($2, $3))
           OR EXISTS (SELECT 1 FROM "LiteLLM_OrganizationMembership" WHERE budget_id = $1)
           OR EXISTS (SELECT 1 FROM "LiteLLM_OrganizationTable" WHERE budget_id = $1)
           OR EXISTS (SELECT 1 FROM "LiteLLM_EndUserTable" WHERE budget_id = $1)
           OR EXISTS (SELECT 1 FROM "LiteLLM_TagTable" WHERE budget_id = $1)
           OR EXISTS (SELECT 1 FROM "LiteLLM_ProjectTable" WHERE budget_id = $1)
           OR EXISTS (SELECT 1 FROM "LiteLLM_VerificationToken" WHERE budget_id = $1) AS shared`,
      [id, member.userId, member.teamId],
    );
    return shared;
  }

  /** LiteLLM's /team/member_update with max_budget_in_team: the member's own tier and TeamMembership row. */
  async setTeamMemberBudget(teamId: string, userId: string, a: SetBudgetArgs): Promise<Team> {
    this.policy.requireWrite('change team member budgets');
    if (a.budgetId != null) throw badInput('budgetId', "a member's budget is their own tier; set maxBudget and budgetDuration");
    validate(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await em.findOne(Team, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
      if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', teamId);
      if (!this.policy.managesTeam(team.id, team.organizationId)) throw forbidden("Only proxy admins and the team's admins may change member budgets");
      this.policy.assertTeamOpen(team);
      if (!memberOf(team, userId)) throw notFound('team member', `${userId} in team ${team.alias ?? team.id}`);
      const membership = await em.findOne(TeamMembership, { where: { userId, teamId }, lock: { mode: 'pessimistic_write' } });
      if (membership?.budgetId && !(await this.tierShared(em, membership.budgetId, { userId, teamId }))) {
        const tier = await this.tier(em, membership.budgetId);
        validate(a, tier);
        await em.update(Budget, { id: tier.id }, this.tierChanges(a, now));
      } else {
        const tier = await this.insertTier(em, randomUUID(), a, now);
        if (membership) await em.update(TeamMembership, { userId, teamId }, { budgetId: tier.id });
        else await em.insert(TeamMembership, em.create(TeamMembership, { userId, teamId, spend: 0, totalSpend: 0, budgetId: tier.id }));
      }
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: teamId, before: membership ? columnJson(em, TeamMembership, membership) : null, after: { user_id: userId, ...snakeJson(a) } });
      return team;
    });
  }

  /** The organization's required tier is updated in place, or replaced by budgetId. */
  async setOrganizationBudget(organizationId: string, a: SetBudgetArgs): Promise<Organization> {
    this.policy.requireAdmin('change organization budgets');
    validate(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const org = await em.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('organization', organizationId);
      if (a.budgetId != null) {
        await this.tier(em, a.budgetId);
        await em.update(Organization, { id: organizationId }, { budgetId: a.budgetId, updatedAt: now, updatedBy: actorOf(this.policy.caller) });
      }
      const tierId = a.budgetId ?? org.budgetId;
      const tier = await this.tier(em, tierId);
      validate(a, tier);
      await em.update(Budget, { id: tierId }, this.tierChanges({ ...a, budgetId: undefined }, now));
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: organizationId, before: columnJson(em, Budget, tier), after: snakeJson(a) });
      return em.findOneByOrFail(Organization, { id: organizationId });
    });
  }

  /** LiteLLM's /customer/update: link a tier (budgetId) or set limits on the end user's own tier. */
  async setEndUserBudget(endUserId: string, a: SetBudgetArgs): Promise<EndUser> {
    this.policy.requireAdmin('change end user budgets');
    const fields = Object.entries(a).filter(([k, val]) => k !== 'budgetId' && val !== undefined);
    if (a.budgetId != null && fields.length) throw badInput('budgetId', 'give budgetId or budget fields, not both (as /customer/update)');
    validate(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const endUser = await em.findOne(EndUser, { where: { id: endUserId }, lock: { mode: 'pessimistic_write' } });
      if (!endUser) throw notFound('end user', endUserId);
      if (a.budgetId !== undefined) {
        if (a.budgetId !== null) await this.tier(em, a.budgetId);
        await em.update(EndUser, { id: endUserId }, { budgetId: a.budgetId });
      } else if (fields.length) {
        // a tier shared with other end users is left alone: this end user gets a tier of its own
        const shared = endUser.budgetId
          ? (await em.query(`SELECT count(*)::int AS n FROM "LiteLLM_EndUserTable" WHERE budget_id = $1`, [endUser.budgetId]))[0].n > 1 ||
            (await em.query(`SELECT 1 FROM "LiteLLM_OrganizationTable" WHERE budget_id = $1 LIMIT 1`, [endUser.budgetId])).length > 0
          : true;
        if (endUser.budgetId && !shared) {
          const tier = await this.tier(em, endUser.budgetId);
          validate(a, tier);
          await em.update(Budget, { id: tier.id }, this.tierChanges(a, now));
        } else {
          const tier = await this.insertTier(em, randomUUID(), a, now);
          await em.update(EndUser, { id: endUserId }, { budgetId: tier.id });
        }
      }
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_EndUserTable', objectId: endUserId, before: columnJson(em, EndUser, endUser), after: snakeJson(a) });
      return em.findOneByOrFail(EndUser, { id: endUserId });
    });
  }
}

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Budget, Organization, OrganizationMember } from '../../entities';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { insertReturning } from '../db/rows';
import { badInput, conflict, GatewayError, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson, snakeJson } from './audit';
import { BudgetFields, BudgetService, validateBudget } from './budgets';
import { deleteKeysWithin } from './keys';
import { lockUserEmails, NamedUsers } from './members';
import { lockTeam } from './team-members';
import { tombstoneTeams } from './teams';
import * as v from './validate';
import { restoreMasked } from '../graphql/secrets';

export type OrganizationRoleName = 'org_admin' | 'internal_user' | 'internal_user_viewer';

/** LiteLLM's NewOrganizationRequest budget fields (they make the organization's tier). */
const BUDGET_FIELDS = ['maxBudget', 'softBudget', 'tpmLimit', 'rpmLimit', 'maxParallelRequests', 'modelMaxBudget', 'budgetDuration'] as const;

export interface OrganizationBudgetArgs {
  maxBudget?: number | null;
  softBudget?: number | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  maxParallelRequests?: number | null;
  modelMaxBudget?: Record<string, unknown> | null;
  budgetDuration?: string | null;
  budgetId?: string | null;
}

export interface CreateOrganizationArgs extends OrganizationBudgetArgs {
  organizationId?: string | null;
  organizationAlias: string;
  models?: string[] | null;
  metadata?: Record<string, unknown> | null;
}

export interface UpdateOrganizationArgs extends OrganizationBudgetArgs {
  organizationAlias?: string | null;
  models?: string[] | null;
  metadata?: Record<string, unknown> | null;
}

export interface OrganizationMemberArgs {
  userId?: string | null;
  userEmail?: string | null;
  role: OrganizationRoleName;
  maxBudgetInOrganization?: number | null;
  budgetDuration?: string | null;
}

export interface UpdateOrganizationMemberArgs {
  role?: OrganizationRoleName | null;
  maxBudgetInOrganization?: number | null;
  budgetDuration?: string | null;
}

const ORGANIZATION_ID = /^[A-Za-z0-9._:@/-]{1,128}$/;
const MAX_MEMBERS = 500;
const MAX_ORGANIZATIONS = 100;

const budgetPart = (a: OrganizationBudgetArgs): BudgetFields => Object.fromEntries(BUDGET_FIELDS.filter((f) => a[f] !== undefined && a[f] !== null).map((f) => [f, a[f]])) as BudgetFields;

function validateOrganization(a: CreateOrganizationArgs | UpdateOrganizationArgs): void {
  if (a.organizationAlias != null && (!a.organizationAlias.trim() || a.organizationAlias.length > 256)) throw badInput('organizationAlias', 'must be 1 to 256 characters, not only spaces');
  v.names('models', a.models);
  v.jsonObject('metadata', a.metadata);
  v.jsonObject('modelMaxBudget', a.modelMaxBudget);
  if (a.budgetId != null && !ORGANIZATION_ID.test(a.budgetId)) throw badInput('budgetId', 'must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ / -');
  validateBudget(budgetPart(a));
}

/**
 * Organizations and their members as LiteLLM's /organization/* endpoints write them, each call one
 * transaction with its audit row (LiteLLM writes them step by step, so a failure midway leaves half a change).
 */
export class OrganizationService {
  private readonly budgets: BudgetService;

  constructor(
    private readonly ds: DataSource,
    private readonly policy: Policy,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.budgets = new BudgetService(ds, config, policy, now);
  }

  /** /organization/new: the organization and, unless budgetId names an existing tier, a tier of its own from the limits. */
  async create(a: CreateOrganizationArgs): Promise<Organization> {
    this.policy.requireAdmin('create organizations');
    if (a.organizationId != null && !ORGANIZATION_ID.test(a.organizationId)) throw badInput('organizationId', 'must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ / -');
    if (a.organizationAlias == null) throw badInput('organizationAlias', 'is required');
    validateOrganization(a);
    const limits = budgetPart(a);
    if (a.budgetId != null && Object.keys(limits).length) throw badInput('budgetId', 'give budgetId or budget limits, not both (LiteLLM ignores the limits when budgetId is given)');
    const now = this.now();
    const actor = actorOf(this.policy.caller);
    const id = a.organizationId ?? randomUUID();
    return this.ds.transaction(async (em) => {
      this.policy.assertMayGrantModels(await this.callerKeyModels(em), a.models ?? []);
      let budgetId = a.budgetId;
      if (budgetId != null) {
        if (!(await em.existsBy(Budget, { id: budgetId }))) throw notFound('budget', budgetId);
      } else {
        budgetId = (await this.budgets.insertTier(em, randomUUID(), limits, now)).id;
      }
      const row = await insertReturning(
        em,
        Organization,
        { id, alias: a.organizationAlias, budgetId, metadata: a.metadata ?? {}, models: a.models ?? [], spend: 0, modelSpend: {}, createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor },
        new Set(['id']),
      );
      if (!row) throw conflict(`Organization with id '${id}' already exists.`, 'organizationId');
      const created = await em.findOneByOrFail(Organization, { id });
      await audit(em, this.config, this.policy.caller, { action: 'created', table: 'LiteLLM_OrganizationTable', objectId: id, before: null, after: columnJson(em, Organization, created) });
      return created;
    });
  }

  /**
   * /organization/update: alias and models replace, metadata merges into the stored object (top-level keys),
   * budget fields change the organization's tier in place, budgetId links another tier.
   */
  /** The models of the calling virtual key (none for the master key: it may grant any). */
  private async callerKeyModels(em: EntityManager): Promise<string[]> {
    const { keyToken, isMasterKey } = this.policy.caller;
    if (!keyToken || isMasterKey) return [];
    const [key]: { models: string[] | null }[] = await em.query(`SELECT models FROM "LiteLLM_VerificationToken" WHERE token = $1`, [keyToken]);
    return key?.models ?? [];
  }

  async update(id: string, a: UpdateOrganizationArgs): Promise<Organization> {
    this.policy.requireAdmin('update organizations');
    validateOrganization(a);
    const given = Object.entries(a).filter(([, val]) => val !== undefined && val !== null);
    if (!given.length) throw badInput('input', 'give at least one field to change');
    const limits = budgetPart(a);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const org = await em.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // LiteLLM's wording
      if (!org) throw new GatewayError('NOT_FOUND', `Organization not found for organization_id=${id}`);
      // the check /organization/new makes, so a key limited to some models cannot widen an organization later
      if (a.models != null) this.policy.assertMayGrantModels(await this.callerKeyModels(em), a.models);
      if (Object.keys(limits).length || a.budgetId != null) await this.budgets.applyOrganizationBudget(em, org, { ...limits, budgetId: a.budgetId ?? undefined }, now);
      const changes: Record<string, unknown> = { updatedAt: now, updatedBy: actorOf(this.policy.caller) };
      if (a.organizationAlias != null) changes.alias = a.organizationAlias;
      if (a.models != null) changes.models = a.models;
      await em.update(Organization, { id }, changes);
      if (a.metadata != null)
        await em.query(`UPDATE "LiteLLM_OrganizationTable" SET metadata = (CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata ELSE '{}'::jsonb END) || $2::jsonb WHERE organization_id = $1`, [id, JSON.stringify(restoreMasked(a.metadata, org.metadata))]);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: id, before: columnJson(em, Organization, org), after: snakeJson(a) });
      return em.findOneByOrFail(Organization, { id });
    });
  }

  /**
   * /organization/delete: for each organization, its teams (under their advisory locks, so member writes
   * racing it wait and then find no team), its memberships and the keys carrying its organization_id are
   * deleted, then the organization; its budget tier stays. All or nothing.
   */
  async delete(ids: string[]): Promise<string[]> {
    this.policy.requireAdmin('delete organizations');
    const wanted = v.idList('ids', ids, MAX_ORGANIZATIONS, 'organization ids');
    return this.ds.transaction(async (em) => {
      const orgs = await em.find(Organization, { where: wanted.map((id) => ({ id })), lock: { mode: 'pessimistic_write' } });
      const missing = wanted.find((id) => !orgs.some((o) => o.id === id));
      // LiteLLM's wording
      if (missing) throw new GatewayError('NOT_FOUND', `Organization=${missing} not found`);
      const listed: { team_id: string }[] = await em.query(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY($1::text[])`, [wanted]);
      for (const teamId of listed.map((t) => t.team_id).sort()) await lockTeam(em, teamId);
      // their teams are kept as LiteLLM keeps a deleted team (LiteLLM's organization delete keeps no copy)
      const teams: { team_id: string }[] = await em.query(`SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY($1::text[]) ORDER BY team_id FOR UPDATE`, [wanted]);
      if (teams.length) await tombstoneTeams(em, this.policy.caller, teams.map((t) => t.team_id));
      await em.query(`DELETE FROM "LiteLLM_TeamTable" WHERE organization_id = ANY($1::text[])`, [wanted]);
      await em.query(`DELETE FROM "LiteLLM_OrganizationMembership" WHERE organization_id = ANY($1::text[])`, [wanted]);
      const keys: { token: string }[] = await em.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE organization_id = ANY($1::text[]) FOR UPDATE`, [wanted]);
      if (keys.length) {
        const tokens = keys.map((k) => k.token);
        await deleteKeysWithin(em, this.policy.caller, tokens);
      }
      await em.query(`DELETE FROM "LiteLLM_OrganizationTable" WHERE organization_id = ANY($1::text[])`, [wanted]);
      for (const org of orgs) await audit(em, this.config, this.policy.caller, { action: 'deleted', table: 'LiteLLM_OrganizationTable', objectId: org.id, before: columnJson(em, Organization, org), after: {} });
      return wanted;
    });
  }

  /**
   * The organization a member call acts on, held against a concurrent delete (FOR KEY SHARE leaves LiteLLM's
   * spend updates of the row alone); one the caller may not see is NOT_FOUND, one they do not administer FORBIDDEN.
   */
  private async managedOrganization(em: EntityManager, organizationId: string, route: string): Promise<Organization> {
    const found: unknown[] = await em.query(`SELECT 1 FROM "LiteLLM_OrganizationTable" WHERE organization_id = $1 FOR KEY SHARE`, [organizationId]);
    // LiteLLM's wording
    if (!found.length || !this.policy.canSeeOrganization(organizationId)) throw new GatewayError('NOT_FOUND', `Organization not found for organization_id=${organizationId}`);
    this.policy.assertCanManageOrganizationMembers(organizationId, route);
    return em.findOneByOrFail(Organization, { id: organizationId });
  }

  /**
   * /organization/member_add: each member found by user_id, else by exact email (under the email's lock, so
   * concurrent calls make one user per email), else created as LiteLLM's new internal user; then an
   * OrganizationMembership row with the role. A user already in the organization makes the whole call CONFLICT
   * (LiteLLM fails on the duplicate row).
   */
  async addMembers(organizationId: string, members: OrganizationMemberArgs[]): Promise<Organization> {
    this.policy.requireWrite('add organization members');
    if (!members.length || members.length > MAX_MEMBERS) throw badInput('members', `give 1 to ${MAX_MEMBERS} members`);
    members.forEach((m, i) => {
      // LiteLLM's wording
      if (!m.userId && !m.userEmail) throw badInput(`members[${i}]`, 'Either user_id or user_email needs to be passed in');
      if (m.userId && m.userId.length > 256) throw badInput(`members[${i}].userId`, 'must be at most 256 characters');
      if (m.userEmail && m.userEmail.length > 320) throw badInput(`members[${i}].userEmail`, 'must be at most 320 characters');
      v.money(`members[${i}].maxBudgetInOrganization`, m.maxBudgetInOrganization);
      v.budgetDuration(`members[${i}].budgetDuration`, m.budgetDuration);
      if (m.budgetDuration != null && m.maxBudgetInOrganization == null) throw badInput(`members[${i}].budgetDuration`, 'applies to maxBudgetInOrganization: give both');
    });
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const org = await this.managedOrganization(em, organizationId, '/organization/member_add');
      await lockUserEmails(em, members);
      const named = await NamedUsers.read(em, members);
      const made = new Set<string>();
      const making: { id: string; email: string | null }[] = [];
      const tiers: { id: string; a: BudgetFields }[] = [];
      const added: { user_id: string; user_role: string; budget_id: string | null; at: string }[] = [];
      for (const [i, m] of members.entries()) {
        const at = `members[${i}]`;
        let user = named.byId(m.userId);
        if (!user && m.userEmail) {
          // as everywhere else: one user per email whatever its case (LiteLLM's lower(user_email) index)
          const byEmail = named.withEmail(m.userEmail);
          // LiteLLM's wording
          if (byEmail.length > 1) throw badInput(at, "Multiple users with this email found in db. Please use 'user_id' instead.");
          user = byEmail[0];
        }
        let userId: string;
        if (user) {
          userId = user.userId;
          if (!made.has(userId)) this.policy.assertMayBringIntoOrganization({ userId, role: user.role, organizationIds: user.organizations });
        } else {
          if (m.userId) this.policy.assertMayCreateUserId(m.userId);
          userId = m.userId ?? randomUUID();
          making.push({ id: userId, email: m.userEmail ?? null });
          named.made(userId, m.userEmail ?? null);
          made.add(userId);
        }
        // LiteLLM fails on the duplicate membership row
        if (user?.organizations.includes(org.id) || added.some((x) => x.user_id === userId)) throw conflict(`User ${userId} is already a member of organization ${org.id}`, at);
        let budgetId: string | null = null;
        if (m.maxBudgetInOrganization != null) {
          budgetId = randomUUID();
          tiers.push({ id: budgetId, a: { maxBudget: m.maxBudgetInOrganization, budgetDuration: m.budgetDuration ?? undefined } });
        }
        added.push({ user_id: userId, user_role: m.role, budget_id: budgetId, at });
      }
      // LiteLLM's get_new_internal_user_defaults; a user made meanwhile by another call is kept as it is
      if (making.length)
        await em.query(
          `INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, models, spend, created_at, updated_at)
           SELECT u.id, u.email, 'internal_user', '{}'::text[], 0, $3, $3 FROM unnest($1::text[], $2::text[]) AS u(id, email)
           ON CONFLICT (user_id) DO NOTHING`,
          [making.map((u) => u.id), making.map((u) => u.email), now],
        );
      await this.budgets.insertTiers(em, tiers, now);
      const inserted: { user_id: string }[] = await em.query(
        `INSERT INTO "LiteLLM_OrganizationMembership" (user_id, organization_id, user_role, spend, budget_id, created_at, updated_at)
         SELECT m.u, $4, m.r, 0, m.b, $5, $5 FROM unnest($1::text[], $2::text[], $3::text[]) AS m(u, r, b)
         ON CONFLICT (user_id, organization_id) DO NOTHING RETURNING user_id`,
        [added.map((x) => x.user_id), added.map((x) => x.user_role), added.map((x) => x.budget_id), org.id, now],
      );
      // added meanwhile by another call
      const late = added.find((x) => !inserted.some((r) => r.user_id === x.user_id));
      if (late) throw conflict(`User ${late.user_id} is already a member of organization ${org.id}`, late.at);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: org.id, before: null, after: { members_added: added.map(({ at: _at, ...x }) => x) } });
      return org;
    });
  }

  /**
   * /organization/member_update: the member's role, and max_budget_in_organization on the member's own tier
   * (changed in place, or a new tier linked when there is none).
   */
  async updateMember(organizationId: string, userId: string, a: UpdateOrganizationMemberArgs): Promise<OrganizationMember> {
    this.policy.requireWrite('update organization members');
    if (a.role == null && a.maxBudgetInOrganization == null) throw badInput('input', 'give role or maxBudgetInOrganization');
    v.money('maxBudgetInOrganization', a.maxBudgetInOrganization);
    v.budgetDuration('budgetDuration', a.budgetDuration);
    if (a.budgetDuration != null && a.maxBudgetInOrganization == null) throw badInput('budgetDuration', 'applies to maxBudgetInOrganization: give both');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const org = await this.managedOrganization(em, organizationId, '/organization/member_update');
      this.policy.assertNotOwnMembership(userId, 'change the role or budget');
      const membership = await em.findOne(OrganizationMember, { where: { userId, organizationId: org.id }, lock: { mode: 'pessimistic_write' } });
      // LiteLLM's wording
      if (!membership) throw new GatewayError('NOT_FOUND', `Member not found in organization for user_id=${userId}`);
      const changes: Partial<OrganizationMember> = { updatedAt: now };
      if (a.role != null) changes.role = a.role;
      if (a.maxBudgetInOrganization != null)
        changes.budgetId = await this.budgets.writeOrganizationMemberTier(em, membership, { maxBudget: a.maxBudgetInOrganization, budgetDuration: a.budgetDuration ?? undefined }, now);
      await em.update(OrganizationMember, { userId, organizationId: org.id }, changes);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: org.id, before: columnJson(em, OrganizationMember, membership), after: { user_id: userId, ...snakeJson(a) } });
      return em.findOneByOrFail(OrganizationMember, { userId, organizationId: org.id });
    });
  }

  /**
   * /organization/member_delete: the OrganizationMembership rows go; the users, their tiers, UserTable.organization_id,
   * their team memberships and keys stay, as in LiteLLM. Every id must be a member (all or nothing).
   */
  async removeMembers(organizationId: string, userIds: string[]): Promise<Organization> {
    this.policy.requireWrite('remove organization members');
    const ids = v.idList('userIds', userIds, MAX_MEMBERS, 'user ids');
    return this.ds.transaction(async (em) => {
      const org = await this.managedOrganization(em, organizationId, '/organization/member_delete');
      const rows = await em.find(OrganizationMember, { where: ids.map((userId) => ({ userId, organizationId: org.id })), lock: { mode: 'pessimistic_write' } });
      const missing = ids.find((id) => !rows.some((r) => r.userId === id));
      // LiteLLM's wording
      if (missing) throw new GatewayError('NOT_FOUND', `Member not found in organization for user_id=${missing}`);
      await em.query(`DELETE FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 AND user_id = ANY($2::text[])`, [org.id, ids]);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_OrganizationTable', objectId: org.id, before: { members: rows.map((r) => columnJson(em, OrganizationMember, r)) }, after: { members_removed: ids } });
      return org;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Budget, DeletedTeam, Organization, Team, TeamModelAliases } from '../../entities';
import { Policy } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { Config } from '../config';
import { insertReturning } from '../db/rows';
import { badInput, conflict, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson, PROXY_ADMIN_NAME, snakeJson } from './audit';
import { ALL_PROXY_MODELS, assertTeamFitsOrganization } from './budgets';
import { nextReset } from './durations';
import { deleteKeysWithin } from './keys';
import { teamMembers } from './members';
import { lockTeam } from './team-members';
import * as v from './validate';
import { restoreMasked } from '../graphql/secrets';

const MAX_IDS = 100;
const MAX_MEMBERS = 500;
const TEAM_ID = /^[^\s\x00-\x1f\x7f]{1,128}$/;
// LiteLLM's UI_SESSION_TOKEN_TEAM_ID: the keys of UI logins carry it, whoever they belong to
const UI_SESSION_TEAM = 'litellm-dashboard';

export interface TeamRosterArgs {
  userId: string;
  userEmail?: string | null;
  role?: 'admin' | 'user' | null;
}

export interface TeamFieldArgs {
  teamAlias?: string | null;
  organizationId?: string | null;
  models?: string[] | null;
  maxBudget?: number | null;
  softBudget?: number | null;
  budgetDuration?: string | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  maxParallelRequests?: number | null;
  metadata?: Record<string, unknown> | null;
  blocked?: boolean | null;
  modelAliases?: Record<string, unknown> | null;
  teamMemberBudget?: number | null;
}

export interface CreateTeamArgs extends TeamFieldArgs {
  teamId?: string | null;
  members?: TeamRosterArgs[] | null;
}

/** Fields a team admin may change; every other field changes what the team may spend or call. */
const EDITABLE = new Set(['teamAlias', 'metadata']);

function validateFields(a: TeamFieldArgs, current?: { maxBudget: number | null; softBudget: number | null }): void {
  if (a.teamAlias != null && (!a.teamAlias.trim() || a.teamAlias.length > 256)) throw badInput('teamAlias', 'must be 1 to 256 characters and not blank');
  if (a.organizationId != null && (!a.organizationId.trim() || a.organizationId.length > 256)) throw badInput('organizationId', 'must be 1 to 256 characters and not blank');
  v.names('models', a.models);
  v.money('maxBudget', a.maxBudget);
  v.money('softBudget', a.softBudget);
  v.money('teamMemberBudget', a.teamMemberBudget);
  v.limits(a);
  v.jsonObject('metadata', a.metadata);
  if (a.metadata && 'team_member_budget_id' in a.metadata) throw badInput('metadata', 'team_member_budget_id is kept by the gateway: set teamMemberBudget instead');
  v.jsonObject('modelAliases', a.modelAliases);
  if (a.modelAliases) {
    const entries = Object.entries(a.modelAliases);
    if (entries.length > 1000) throw badInput('modelAliases', 'holds more than 1000 aliases');
    for (const [alias, model] of entries)
      if (!alias.trim() || alias.length > 256 || typeof model !== 'string' || !model.trim() || model.length > 256)
        throw badInput('modelAliases', `each alias maps a name to a model name (1 to 256 characters), got ${JSON.stringify(alias.slice(0, 40))}`);
  }
  const max = a.maxBudget !== undefined ? a.maxBudget : current?.maxBudget;
  const soft = a.softBudget !== undefined ? a.softBudget : current?.softBudget;
  if (soft != null && max != null && soft > max) throw badInput('softBudget', `${soft} is above the max budget of ${max}`);
}

const uniq = (xs: string[]) => [...new Set(xs)];
const memberIds = (team: Team) => uniq(teamMembers(team).flatMap((m) => (m.userId === null ? [] : [m.userId])));

/** LiteLLM copies a team row to LiteLLM_DeletedTeamTable before it deletes it (every column both tables have). */
export async function tombstoneTeams(em: EntityManager, caller: Principal, teamIds: string[]): Promise<void> {
  const teamColumns = new Set(em.connection.getMetadata(Team).columns.map((c) => c.databaseName));
  const cols = em.connection
    .getMetadata(DeletedTeam)
    .columns.map((c) => c.databaseName)
    .filter((c) => teamColumns.has(c))
    .map((c) => `"${c}"`)
    .join(', ');
  await em.query(
    `INSERT INTO "LiteLLM_DeletedTeamTable" (id, ${cols}, deleted_at, deleted_by, deleted_by_api_key, litellm_changed_by)
     SELECT gen_random_uuid()::text, ${cols}, now(), $2, $3, NULL FROM "LiteLLM_TeamTable" WHERE team_id = ANY($1::text[])`,
    [teamIds, actorOf(caller), caller.keyToken],
  );
}

/**
 * Teams as LiteLLM's /team/new, /team/update, /team/delete, /team/block, /team/unblock, /team/model/add and
 * /team/model/delete write them, each call one transaction with its audit row.
 */
export class TeamService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: Policy,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private resetAt(duration: string | null | undefined, now: Date): Date | null {
    return nextReset(duration, now, { timezone: this.config.timezone, resetTime: this.config.budgetResetTime });
  }

  /** The team, locked for the transaction, that the caller may see (NOT_FOUND otherwise). */
  private async visibleTeam(em: EntityManager, id: string): Promise<Team> {
    await lockTeam(em, id);
    const team = await em.findOne(Team, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', id);
    return team;
  }

  /** The organization a team goes into, as the caller sees it. */
  private async organization(em: EntityManager, id: string): Promise<Organization> {
    const org = this.policy.canSeeOrganization(id) ? await em.findOneBy(Organization, { id }) : null;
    if (!org) throw notFound('organization', id);
    return org;
  }

  /** LiteLLM's team member budget: one tier for every member, its id in metadata.team_member_budget_id. */
  private async memberTier(em: EntityManager, existingId: string | null, alias: string | null, maxBudget: number, duration: string | null, now: Date): Promise<string> {
    const actor = actorOf(this.policy.caller);
    if (existingId && (await em.existsBy(Budget, { id: existingId }))) {
      await em.update(Budget, { id: existingId }, { maxBudget, updatedAt: now, updatedBy: actor });
      return existingId;
    }
    const hex = randomUUID().replace(/-/g, '');
    // LiteLLM's id: team-<alias with dashes>-budget-<uuid hex>, or team-budget-<uuid hex>
    const id = alias !== null ? `team-${alias.replace(/ /g, '-')}-budget-${hex}` : `team-budget-${hex}`;
    await em.insert(Budget, em.create(Budget, { id, maxBudget, budgetDuration: duration, budgetResetAt: this.resetAt(duration, now), createdAt: now, createdBy: actor, updatedAt: now, updatedBy: actor }));
    return id;
  }

  private async aliasRow(em: EntityManager, aliases: Record<string, unknown>, now: Date): Promise<number> {
    const actor = actorOf(this.policy.caller);
    const [row]: { id: number }[] = await em.query(
      `INSERT INTO "LiteLLM_ModelTable" (aliases, created_at, created_by, updated_at, updated_by) VALUES ($1::jsonb, $2, $3, $2, $3) RETURNING id`,
      [JSON.stringify(aliases), now, actor],
    );
    return row.id;
  }

  /** A member's UserTable.teams gets the team once; an unknown user is created as LiteLLM's upsert creates it. */
  private async joinTeam(em: EntityManager, userId: string, teamId: string, now: Date): Promise<void> {
    await em.query(
      `INSERT INTO "LiteLLM_UserTable" (user_id, teams, created_at, updated_at) VALUES ($1, ARRAY[$2], $3, $3)
       ON CONFLICT (user_id) DO UPDATE SET teams = array_append(coalesce("LiteLLM_UserTable".teams, '{}'), $2)
       WHERE NOT ($2 = ANY(coalesce("LiteLLM_UserTable".teams, '{}')))`,
      [userId, teamId, now],
    );
  }

  async create(a: CreateTeamArgs): Promise<Team> {
    this.policy.assertCanCreateTeam(a.organizationId ?? null);
    if (a.teamId != null && !TEAM_ID.test(a.teamId)) throw badInput('teamId', 'must be 1 to 128 characters without spaces or control characters');
    if (a.teamId === UI_SESSION_TEAM) throw badInput('teamId', `'${UI_SESSION_TEAM}' is the team of LiteLLM's UI login keys`);
    validateFields(a);
    const members = a.members ?? [];
    if (members.length > MAX_MEMBERS) throw badInput('members', `at most ${MAX_MEMBERS} members`);
    members.forEach((m, i) => {
      if (!m.userId || !m.userId.trim() || m.userId.length > 256) throw badInput(`members[${i}].userId`, 'must be 1 to 256 characters and not blank');
      if (m.userEmail != null && m.userEmail.length > 320) throw badInput(`members[${i}].userEmail`, 'must be at most 320 characters');
    });
    const ids = members.map((m) => m.userId);
    if (new Set(ids).size !== ids.length) throw badInput('members', 'a user appears more than once');
    const now = this.now();
    const caller = this.policy.caller;
    const actor = actorOf(caller);
    const id = a.teamId ?? randomUUID();
    return this.ds.transaction(async (em) => {
      await lockTeam(em, id);
      // keys carry team_id without a foreign key: a new team must not become the team of keys made before it
      if (a.teamId != null && (await em.query(`SELECT 1 FROM "LiteLLM_VerificationToken" WHERE team_id = $1 LIMIT 1`, [id])).length)
        throw conflict(`Keys already carry team_id ${id}; choose another team id`, 'teamId');
      // nor the heir of a deleted team's history (tombstones, daily spend), which its admins would then read
      if (
        a.teamId != null &&
        (await em.query(
          `SELECT 1 FROM "LiteLLM_DeletedTeamTable" WHERE team_id = $1 UNION ALL SELECT 1 FROM "LiteLLM_DeletedVerificationToken" WHERE team_id = $1
           UNION ALL SELECT 1 FROM "LiteLLM_DailyTeamSpend" WHERE team_id = $1 LIMIT 1`,
          [id],
        )).length
      )
        throw conflict(`A deleted team had team_id ${id}; choose another team id`, 'teamId');
      if (a.organizationId != null) await assertTeamFitsOrganization(em, await this.organization(em, a.organizationId), { models: a.models ?? [], maxBudget: a.maxBudget ?? null, tpmLimit: a.tpmLimit ?? null, rpmLimit: a.rpmLimit ?? null });
      if (members.length) {
        const known: { user_id: string }[] = await em.query(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_id = ANY($1::text[])`, [ids]);
        const unknown = ids.filter((u) => !known.some((k) => k.user_id === u));
        if (unknown.length) this.policy.assertMayCreateUserId(unknown.join(', '));
        if (a.organizationId != null) {
          const inOrganization: { user_id: string }[] = await em.query(`SELECT user_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 AND user_id = ANY($2::text[])`, [a.organizationId, ids]);
          for (const u of ids) this.policy.assertCanJoinOrganizationTeam({ id, organizationId: a.organizationId }, u, inOrganization.some((r) => r.user_id === u));
        }
      }
      // LiteLLM adds the caller (the proxy admin name for the master key) as the team's admin
      const roster: { user_id: string; user_email: string | null; role: 'admin' | 'user' }[] = members.map((m) => ({ user_id: m.userId, user_email: m.userEmail ?? null, role: m.role === 'admin' ? 'admin' : 'user' }));
      if (!roster.some((m) => m.user_id === actor)) roster.push({ user_id: actor, user_email: null, role: 'admin' });
      const metadata: Record<string, unknown> = { ...(a.metadata ?? {}) };
      if (a.teamMemberBudget != null) metadata.team_member_budget_id = await this.memberTier(em, null, a.teamAlias ?? null, a.teamMemberBudget, a.budgetDuration ?? null, now);
      const row = await insertReturning(em, Team, {
        id,
        alias: a.teamAlias ?? null,
        organizationId: a.organizationId ?? null,
        legacyAdmins: [],
        legacyMembers: [],
        membersWithRoles: roster,
        metadata,
        maxBudget: a.maxBudget ?? null,
        softBudget: a.softBudget ?? null,
        spend: 0,
        models: a.models ?? [],
        maxParallelRequests: a.maxParallelRequests ?? null,
        tpmLimit: a.tpmLimit ?? null,
        rpmLimit: a.rpmLimit ?? null,
        budgetDuration: a.budgetDuration ?? null,
        budgetResetAt: this.resetAt(a.budgetDuration, now),
        blocked: a.blocked ?? false,
        modelId: a.modelAliases ? await this.aliasRow(em, a.modelAliases, now) : null,
        createdAt: now,
        updatedAt: now,
      });
      // LiteLLM's wording
      if (!row) throw conflict(`Team id = ${id} already exists. Please use a different team id.`, 'teamId');
      for (const m of roster) await this.joinTeam(em, m.user_id, id, now);
      await audit(em, this.config, caller, { action: 'created', table: 'LiteLLM_TeamTable', objectId: id, before: null, after: columnJson(em, Team, row) });
      return em.findOneByOrFail(Team, { id });
    });
  }

  async update(id: string, a: TeamFieldArgs): Promise<Team> {
    this.policy.requireWrite('update teams');
    validateFields({ ...a, organizationId: a.organizationId || undefined });
    const given = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    if (!given.length) throw badInput('input', 'give at least one field to change');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.visibleTeam(em, id);
      this.policy.assertCanEditTeam(team);
      // LiteLLM: an empty organization id takes the team out of its organization
      const organizationId = a.organizationId === '' ? null : a.organizationId;
      const moving = organizationId !== undefined && organizationId !== team.organizationId;
      if (moving) this.policy.assertCanMoveTeam(team);
      if (given.some((k) => !EDITABLE.has(k) && k !== 'organizationId')) this.policy.assertCanWidenTeam(team, "change a team's budget, limits, models or blocked state");
      validateFields({ ...a, organizationId: organizationId ?? undefined }, team);
      const next = {
        models: a.models !== undefined ? (a.models ?? []) : team.models,
        maxBudget: a.maxBudget !== undefined ? a.maxBudget : team.maxBudget,
        tpmLimit: a.tpmLimit !== undefined ? a.tpmLimit : team.tpmLimit,
        rpmLimit: a.rpmLimit !== undefined ? a.rpmLimit : team.rpmLimit,
      };
      const orgId = organizationId !== undefined ? organizationId : team.organizationId;
      if (orgId && (moving || a.models !== undefined || a.maxBudget !== undefined || a.tpmLimit !== undefined || a.rpmLimit !== undefined)) {
        const org = await this.organization(em, orgId);
        await assertTeamFitsOrganization(em, org, next);
        if (moving) {
          // LiteLLM's validate_team_org_change: every member must belong to the organization
          const roster = memberIds(team).filter((u) => u !== PROXY_ADMIN_NAME);
          const inOrg: { user_id: string }[] = roster.length ? await em.query(`SELECT user_id FROM "LiteLLM_OrganizationMembership" WHERE organization_id = $1 AND user_id = ANY($2::text[])`, [orgId, roster]) : [];
          const outside = roster.filter((u: string) => !inOrg.some((r) => r.user_id === u));
          if (outside.length) throw badInput('organizationId', `Cannot move team to organization. Team has user_id ${JSON.stringify(outside)} that is not a member of the organization.`);
        }
      }
      const changes: Partial<Team> = { updatedAt: now };
      if (a.teamAlias !== undefined) changes.alias = a.teamAlias;
      if (organizationId !== undefined) changes.organizationId = organizationId;
      if (a.models !== undefined) changes.models = a.models ?? [];
      for (const f of ['maxBudget', 'softBudget', 'tpmLimit', 'rpmLimit', 'maxParallelRequests'] as const) if (a[f] !== undefined) (changes as Record<string, unknown>)[f] = a[f];
      if (a.blocked !== undefined) changes.blocked = a.blocked ?? false;
      if (a.budgetDuration !== undefined) {
        changes.budgetDuration = a.budgetDuration;
        changes.budgetResetAt = this.resetAt(a.budgetDuration, now);
      }
      const oldMeta: Record<string, unknown> = team.metadata && typeof team.metadata === 'object' && !Array.isArray(team.metadata) ? team.metadata : {};
      const tierId = typeof oldMeta.team_member_budget_id === 'string' ? oldMeta.team_member_budget_id : null;
      let metadata: Record<string, unknown> | undefined;
      if (a.metadata !== undefined) {
        // metadata read masked and sent back keeps the stored secrets (src/graphql/secrets.ts)
        const given = restoreMasked(a.metadata ?? {}, oldMeta);
        // keys that carry rights stay as they are unless given, and changing one is for those who widen the team
        const kept = Policy.TEAM_METADATA_RIGHTS.filter((k) => k in oldMeta && !(k in given));
        this.policy.assertCanSetTeamMetadataRights(team, Policy.TEAM_METADATA_RIGHTS.filter((k) => k in given && JSON.stringify(given[k]) !== JSON.stringify(oldMeta[k])));
        metadata = { ...given, ...Object.fromEntries(kept.map((k) => [k, oldMeta[k]])), ...(tierId ? { team_member_budget_id: tierId } : {}) };
      }
      if (a.teamMemberBudget != null) {
        const alias = changes.alias !== undefined ? changes.alias : team.alias;
        const duration = changes.budgetDuration !== undefined ? changes.budgetDuration : team.budgetDuration;
        metadata = { ...(metadata ?? oldMeta), team_member_budget_id: await this.memberTier(em, tierId, alias, a.teamMemberBudget, duration, now) };
      }
      if (metadata !== undefined) changes.metadata = metadata;
      if (a.modelAliases != null) {
        if (team.modelId !== null && (await em.existsBy(TeamModelAliases, { id: team.modelId })))
          await em.update(TeamModelAliases, { id: team.modelId }, { aliases: a.modelAliases as object, updatedAt: now, updatedBy: actorOf(this.policy.caller) });
        else changes.modelId = await this.aliasRow(em, a.modelAliases, now);
      }
      await em.update(Team, { id }, changes);
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: id, before: columnJson(em, Team, team), after: snakeJson(a) });
      return em.findOneByOrFail(Team, { id });
    });
  }

  /**
   * LiteLLM's /team/delete: under each team's advisory lock, its keys go to the tombstones, its members lose
   * it in UserTable.teams, their TeamMembership rows go, a LiteLLM_DeletedTeamTable copy is kept and the row
   * goes. One team that is unknown or not the caller's refuses the whole call.
   */
  async delete(ids: string[]): Promise<string[]> {
    this.policy.requireWrite('delete teams');
    const wanted = v.idList('ids', ids, MAX_IDS, 'team ids');
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const teams: Team[] = [];
      // one lock order for every caller, so two deletes of overlapping teams cannot deadlock
      for (const id of [...wanted].sort()) {
        const team = await this.visibleTeam(em, id);
        this.policy.assertCanManageTeam(team, 'delete teams');
        teams.push(team);
      }
      for (const team of teams) {
        const keys: { token: string }[] = await em.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE team_id = $1`, [team.id]);
        if (keys.length) {
          const tokens = keys.map((k) => k.token);
          await deleteKeysWithin(em, caller, tokens);
        }
        const members = memberIds(team);
        if (members.length) {
          await em.query(`UPDATE "LiteLLM_UserTable" SET teams = array_remove(teams, $2) WHERE user_id = ANY($1::text[]) AND $2 = ANY(coalesce(teams, '{}'))`, [members, team.id]);
          await em.query(`DELETE FROM "LiteLLM_TeamMembership" WHERE team_id = $1 AND user_id = ANY($2::text[])`, [team.id, members]);
        }
        await tombstoneTeams(em, caller, [team.id]);
        await em.query(`DELETE FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [team.id]);
        await audit(em, this.config, caller, { action: 'deleted', table: 'LiteLLM_TeamTable', objectId: team.id, before: columnJson(em, Team, team), after: {} });
      }
      return wanted;
    });
  }

  async setBlocked(id: string, blocked: boolean): Promise<Team> {
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.visibleTeam(em, id);
      this.policy.assertCanWidenTeam(team, blocked ? 'block teams' : 'unblock teams');
      await em.update(Team, { id }, { blocked, updatedAt: now });
      await audit(em, this.config, this.policy.caller, { action: blocked ? 'blocked' : 'unblocked', table: 'LiteLLM_TeamTable', objectId: id, before: columnJson(em, Team, team), after: {} });
      return em.findOneByOrFail(Team, { id });
    });
  }

  /** LiteLLM's /team/model/add: an empty list (all models) becomes all-proxy-models plus the new ones. */
  async addModels(id: string, models: string[]): Promise<Team> {
    this.policy.requireWrite('add team models');
    if (!models.length) throw badInput('models', 'give at least one model');
    v.names('models', models);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.visibleTeam(em, id);
      this.policy.assertCanWidenTeam(team, "add models to a team");
      const current = team.models ?? [];
      const next = uniq([...(current.length ? current : [ALL_PROXY_MODELS]), ...models]);
      if (team.organizationId) await assertTeamFitsOrganization(em, await this.organization(em, team.organizationId), { ...team, models: next });
      await em.update(Team, { id }, { models: next, updatedAt: now });
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: id, before: columnJson(em, Team, team), after: { models: next } });
      return em.findOneByOrFail(Team, { id });
    });
  }

  /** LiteLLM's /team/model/delete: the listed models leave, the rest keep their order. */
  async removeModels(id: string, models: string[]): Promise<Team> {
    this.policy.requireWrite('remove team models');
    if (!models.length) throw badInput('models', 'give at least one model');
    v.names('models', models);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.visibleTeam(em, id);
      this.policy.assertCanManageTeam(team, 'remove models from a team');
      const current = team.models ?? [];
      const next = current.filter((m) => !models.includes(m));
      if (next.length === current.length) throw notFound('team model', `${models.join(', ')} in team ${team.alias ?? team.id}`);
      // removing the last model would leave an empty list, which LiteLLM reads as every model
      if (!next.length) throw badInput('models', 'removing every model would give the team all proxy models; block the team instead');
      await em.update(Team, { id }, { models: next, updatedAt: now });
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: id, before: columnJson(em, Team, team), after: { models: next } });
      return em.findOneByOrFail(Team, { id });
    });
  }
}

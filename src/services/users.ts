import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { Team, User, VirtualKey } from '../../entities';
import { Policy } from '../auth/policy';
import { Config, NewUserDefaults } from '../config';
import { insertReturning } from '../db/rows';
import { Params } from '../db/sql';
import { badInput, conflict, GatewayError, notFound } from '../graphql/errors';
import { audit, columnJson, snakeJson } from './audit';
import { BudgetService, validateUserBudget } from './budgets';
import { KeyService, deleteKeysWithin } from './keys';
import { lockUserEmail } from './members';
import { lockTeam, TeamMemberService } from './team-members';
import * as v from './validate';
import { restoreMasked } from '../graphql/secrets';

/** The roles LiteLLM's /user/new and /user/update accept (NewUserRequest.user_role). */
export const USER_ROLES = ['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'] as const;

/** LiteLLM's /user/bulk_update takes at most 500 users (MAX_BATCH_SIZE). */
export const MAX_BULK_USERS = 500;
const MAX_IDS = 1000;

export interface UserFields {
  userEmail?: string | null;
  userAlias?: string | null;
  userRole?: string | null;
  models?: string[] | null;
  maxBudget?: number | null;
  budgetDuration?: string | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  maxParallelRequests?: number | null;
  metadata?: Record<string, unknown> | null;
}

export interface CreateUserArgs extends UserFields {
  userId?: string | null;
  teams?: { teamId: string; role?: 'admin' | 'user' | null }[] | null;
  autoCreateKey?: boolean | null;
  keyAlias?: string | null;
  duration?: string | null;
}

export interface UserUpdate {
  userId: string;
  input: UserFields;
}

function validateFields(a: UserFields, at = ''): void {
  if (a.userEmail != null && (!a.userEmail.trim() || a.userEmail.length > 320 || /[\u0000-\u001f]/.test(a.userEmail)))
    throw badInput(`${at}userEmail`, 'must be 1 to 320 characters without control characters');
  if (a.userAlias != null && (a.userAlias.length > 512 || /[\u0000-\u001f]/.test(a.userAlias))) throw badInput(`${at}userAlias`, 'must be at most 512 characters without control characters');
  if (a.userRole != null && !(USER_ROLES as readonly string[]).includes(a.userRole)) throw badInput(`${at}userRole`, `must be one of ${USER_ROLES.join(', ')}`);
  v.names(`${at}models`, a.models);
  v.jsonObject(`${at}metadata`, a.metadata);
  try {
    validateUserBudget({ maxBudget: a.maxBudget, budgetDuration: a.budgetDuration, tpmLimit: a.tpmLimit, rpmLimit: a.rpmLimit, maxParallelRequests: a.maxParallelRequests });
  } catch (err) {
    if (err instanceof GatewayError && at) throw new GatewayError('BAD_USER_INPUT', `${at}${err.message}`, { field: `${at}${String(err.extensions.field)}` });
    throw err;
  }
}

/** Every column of a user but the password hash, which the gateway never reads. */
const readable = (em: EntityManager) =>
  Object.fromEntries(em.connection.getMetadata(User).columns.filter((c) => c.databaseName !== 'password').map((c) => [c.propertyName, true])) as Record<keyof User, true>;

const readUser = (em: EntityManager, id: string) => em.findOneOrFail(User, { where: { id }, select: readable(em) });

/** The fields given (not undefined): what a caller asks to change. */
const given = (a: object): string[] => Object.entries(a).filter(([, x]) => x !== undefined).map(([k]) => k);

/**
 * LiteLLM's _update_internal_new_user_params: default_internal_user_params fill the fields not given (models
 * also when empty; metadata only when null, since LiteLLM's request defaults it to {}), except for a
 * proxy_admin; the teams apply when none are named; a user asked for as internal_user gets
 * max_internal_user_budget and internal_user_budget_duration when those are not given.
 */
function withNewUserDefaults(input: CreateUserArgs, d: NewUserDefaults): CreateUserArgs {
  const a: CreateUserArgs = { ...input };
  const p = d.params;
  if (p && input.userRole !== 'proxy_admin') {
    if (a.userRole == null && p.userRole) a.userRole = p.userRole;
    if ((a.models == null || a.models.length === 0) && p.models) a.models = p.models;
    for (const f of ['maxBudget', 'tpmLimit', 'rpmLimit', 'maxParallelRequests'] as const) if (a[f] == null && p[f] !== undefined) a[f] = p[f];
    if (a.budgetDuration == null && p.budgetDuration) a.budgetDuration = p.budgetDuration;
    if (a.metadata === null && p.metadata) a.metadata = p.metadata;
    if (a.teams == null && p.teams) a.teams = p.teams;
  }
  if (input.userRole === 'internal_user') {
    if (a.maxBudget == null && d.maxInternalUserBudget !== null) a.maxBudget = d.maxInternalUserBudget;
    if (a.budgetDuration == null && d.internalUserBudgetDuration !== null) a.budgetDuration = d.internalUserBudgetDuration;
  }
  return a;
}

/** No two users share an email, case-insensitively, as LiteLLM's /user/new checks; serialized per email. */
async function assertEmailFree(em: EntityManager, email: string, exceptUserId: string | null): Promise<void> {
  const value = email.trim();
  await lockUserEmail(em, value);
  const rows: { user_email: string }[] = await em.query(`SELECT user_email FROM "LiteLLM_UserTable" WHERE lower(user_email) = lower($1) AND user_id IS DISTINCT FROM $2 LIMIT 1`, [value, exceptUserId]);
  // LiteLLM's wording (409)
  if (rows.length) throw conflict(`User with email ${rows[0].user_email} already exists`, 'userEmail');
}

/**
 * Users as LiteLLM's /user/new, /user/update, /user/bulk_update and /user/delete write them, each call one
 * transaction: where LiteLLM writes step by step (and swallows a failed team join), a refused step here
 * refuses the whole call and writes nothing.
 */
export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly policy: Policy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private budgets() {
    return new BudgetService(this.ds, this.config, this.policy, this.now);
  }

  /** The teams' locks are taken in team id order, as every call that takes several of them does; then they are joined in the order given. */
  async create(input: CreateUserArgs): Promise<{ user: User; key: { key: string; info: VirtualKey } | null }> {
    this.policy.requireWrite('create users');
    const a = withNewUserDefaults(input, this.config.newUserDefaults);
    if (a.userId != null) v.userId('userId', a.userId);
    validateFields(a);
    const teams = a.teams ?? [];
    if (teams.length > MAX_IDS) throw badInput('teams', `at most ${MAX_IDS} teams`);
    teams.forEach((t, i) => v.names(`teams[${i}].teamId`, [t.teamId]));
    if (new Set(teams.map((t) => t.teamId)).size !== teams.length) throw badInput('teams', 'names a team twice');
    if (this.config.keyAliasFormatValidation) v.keyAlias('keyAlias', a.keyAlias);
    // LiteLLM's alias format allows 255 characters; longer ones could not be copied to the indexed tombstone table
    if (a.keyAlias != null && (!a.keyAlias.trim() || a.keyAlias.length > 255)) throw badInput('keyAlias', 'must be 1 to 255 characters');
    v.duration('duration', a.duration);
    // LiteLLM: auto_create_key defaults to true
    const withKey = a.autoCreateKey !== false;
    if (!withKey && (a.keyAlias != null || a.duration != null)) throw badInput('autoCreateKey', 'keyAlias and duration describe the key: give them with autoCreateKey true');
    const id = a.userId ?? randomUUID();
    const now = this.now();
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const rows = teams.length ? await em.findBy(Team, { id: In(teams.map((t) => t.teamId)) }) : [];
      for (const t of teams) {
        const team = rows.find((r) => r.id === t.teamId);
        if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', t.teamId);
      }
      this.policy.assertCanCreateUser({ role: a.userRole ?? null, teams: rows, withKey });
      // LiteLLM's wording (409)
      if ((await em.query(`SELECT 1 FROM "LiteLLM_UserTable" WHERE user_id = $1`, [id])).length) throw conflict(`User with id ${id} already exists`, 'userId');
      if (a.userEmail) await assertEmailFree(em, a.userEmail, null);
      const user = await insertReturning(em, User, {
        id,
        email: a.userEmail ?? null,
        alias: a.userAlias ?? null,
        role: a.userRole ?? null,
        teamIds: [],
        spend: 0,
        models: a.models ?? [],
        metadata: a.metadata ?? {},
        allowedCacheControls: [],
        createdAt: now,
        updatedAt: now,
        ...this.budgets().userBudgetChanges(a, now),
      });
      if (!user) throw conflict(`User with id ${id} already exists`, 'userId');
      await audit(em, this.config, caller, { action: 'created', table: 'LiteLLM_UserTable', objectId: id, before: null, after: columnJson(em, User, user) });
      const members = new TeamMemberService(this.ds, this.policy, this.config, this.now);
      for (const teamId of teams.map((t) => t.teamId).sort()) await lockTeam(em, teamId);
      for (const t of teams) {
        try {
          await members.addWithin(em, t.teamId, [{ userId: id, userEmail: a.userEmail ?? null, role: t.role ?? 'user' }], now, id);
        } catch (err) {
          // LiteLLM's _add_user_to_team: a user already in the team is skipped
          if (!(err instanceof GatewayError && err.extensions.code === 'CONFLICT')) throw err;
        }
      }
      const key = withKey ? await new KeyService(this.ds, this.config, this.policy, this.now).createForNewUser(em, user, { keyAlias: a.keyAlias, duration: a.duration }) : null;
      return { user: await readUser(em, id), key };
    });
  }

  /** The users, row-locked; one the caller may not see is NOT_FOUND, as if it did not exist. */
  private async lockUsers(em: EntityManager, ids: string[]): Promise<User[]> {
    const p = new Params([ids]);
    const seen: { user_id: string }[] = await em.query(
      `SELECT u.user_id FROM "LiteLLM_UserTable" u WHERE u.user_id = ANY($1::text[]) AND ${this.policy.userScope('u', p)} ORDER BY u.user_id FOR UPDATE OF u`,
      p.values,
    );
    const missing = ids.filter((id) => !seen.some((r) => r.user_id === id));
    if (missing.length) throw notFound('user', missing.join(', '));
    return em.find(User, { where: { id: In(ids) }, select: readable(em), order: { id: 'ASC' } });
  }

  private async updateWithin(em: EntityManager, user: User, input: UserFields, now: Date): Promise<User> {
    this.policy.assertCanUpdateUser(user.id, given(input));
    const a = { ...input };
    // LiteLLM's _update_internal_user_params: a role set to internal_user brings the internal user budget not given
    const d = this.config.newUserDefaults;
    if (a.userRole === 'internal_user') {
      if (a.maxBudget === undefined && d.maxInternalUserBudget !== null) a.maxBudget = d.maxInternalUserBudget;
      if (a.budgetDuration === undefined && d.internalUserBudgetDuration !== null) a.budgetDuration = d.internalUserBudgetDuration;
    }
    if (a.userEmail && a.userEmail.trim().toLowerCase() !== (user.email ?? '').trim().toLowerCase()) await assertEmailFree(em, a.userEmail, user.id);
    const changes: Partial<User> = { updatedAt: now, ...this.budgets().userBudgetChanges(a, now) };
    if (a.userEmail !== undefined) changes.email = a.userEmail;
    if (a.userAlias !== undefined) changes.alias = a.userAlias;
    if (a.userRole !== undefined) changes.role = a.userRole;
    if (a.models !== undefined) changes.models = a.models ?? [];
    // metadata read masked and sent back keeps the stored secrets (src/graphql/secrets.ts)
    if (a.metadata !== undefined) changes.metadata = restoreMasked(a.metadata ?? {}, user.metadata);
    await em.update(User, { id: user.id }, changes);
    await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_UserTable', objectId: user.id, before: columnJson(em, User, user), after: snakeJson(a) });
    return readUser(em, user.id);
  }

  async update(id: string, a: UserFields): Promise<User> {
    this.policy.requireWrite('update users');
    validateFields(a);
    if (!given(a).length) throw badInput('input', 'give at least one field to change');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const [user] = await this.lockUsers(em, [id]);
      return this.updateWithin(em, user, a, now);
    });
  }

  /** LiteLLM's /user/bulk_update with users: each update as /user/update, all in one transaction or none. */
  async updateMany(updates: UserUpdate[]): Promise<User[]> {
    this.policy.requireWrite('update users');
    if (!updates.length || updates.length > MAX_BULK_USERS) throw badInput('updates', `give 1 to ${MAX_BULK_USERS} updates (LiteLLM's limit)`);
    updates.forEach((u, i) => {
      v.userId(`updates[${i}].userId`, u.userId);
      validateFields(u.input, `updates[${i}].input.`);
      if (!given(u.input).length) throw badInput(`updates[${i}].input`, 'give at least one field to change');
    });
    if (new Set(updates.map((u) => u.userId)).size !== updates.length) throw badInput('updates', 'names a user twice');
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const users = await this.lockUsers(em, updates.map((u) => u.userId));
      const out: User[] = [];
      for (const u of updates) out.push(await this.updateWithin(em, users.find((r) => r.id === u.userId)!, u.input, now));
      return out;
    });
  }

  /**
   * LiteLLM's /user/delete, all of it in one transaction: the users leave members_with_roles of their teams
   * (under each team's advisory lock), their keys are copied to the tombstones and deleted, their invitation
   * links, organization and team memberships go, then the user rows. Team locks are taken before the user
   * rows (sorted, and again for a team joined meanwhile), the order member adds and removals take them.
   */
  async delete(ids: string[]): Promise<string[]> {
    this.policy.requireWrite('delete users');
    if (!ids.length || ids.length > MAX_IDS) throw badInput('ids', `give 1 to ${MAX_IDS} user ids`);
    ids.forEach((id, i) => v.userId(`ids[${i}]`, id));
    if (new Set(ids).size !== ids.length) throw badInput('ids', 'names a user twice');
    const now = this.now();
    const caller = this.policy.caller;
    return this.ds.transaction(async (em) => {
      const listed: { teams: string[] | null }[] = await em.query(`SELECT teams FROM "LiteLLM_UserTable" WHERE user_id = ANY($1::text[])`, [ids]);
      const locked = new Set<string>();
      const lockTeams = async (teamIds: string[]) => {
        for (const teamId of [...new Set(teamIds)].filter((x) => !locked.has(x)).sort()) {
          await lockTeam(em, teamId);
          locked.add(teamId);
        }
      };
      await lockTeams(listed.flatMap((u) => u.teams ?? []));
      const users = await this.lockUsers(em, ids);
      await lockTeams(users.flatMap((u) => u.teamIds ?? []));
      const teamIds = [...locked].filter((x) => users.some((u) => (u.teamIds ?? []).includes(x))).sort();
      const teams = teamIds.length ? await em.findBy(Team, { id: In(teamIds) }) : [];
      const memberships: { user_id: string; organization_id: string }[] = await em.query(`SELECT user_id, organization_id FROM "LiteLLM_OrganizationMembership" WHERE user_id = ANY($1::text[])`, [ids]);
      const keyScopes: { user_id: string; organization_id: string | null }[] = await em.query(
        `SELECT DISTINCT k.user_id, CASE WHEN k.team_id IS NULL THEN k.organization_id ELSE t.organization_id END AS organization_id
           FROM "LiteLLM_VerificationToken" k LEFT JOIN "LiteLLM_TeamTable" t ON t.team_id = k.team_id
          WHERE k.user_id = ANY($1::text[]) AND (k.team_id IS NOT NULL OR k.organization_id IS NOT NULL)`,
        [ids],
      );
      for (const u of users)
        this.policy.assertCanDeleteUser({
          id: u.id,
          role: u.role,
          organizationIds: memberships.filter((m) => m.user_id === u.id).map((m) => m.organization_id),
          teamOrganizationIds: [...(u.teamIds ?? []).map((t) => teams.find((r) => r.id === t)?.organizationId ?? null), ...keyScopes.filter((k) => k.user_id === u.id).map((k) => k.organization_id)],
        });

      const emails = users.map((u) => u.email).filter((e): e is string => !!e);
      for (const team of teams) {
        const roster: unknown[] = Array.isArray(team.membersWithRoles) ? team.membersWithRoles : [];
        // LiteLLM's _cleanup_members_with_roles matches by user_id or email; an email matches only an entry without a user_id
        const leaves = (e: unknown) => {
          if (!e || typeof e !== 'object') return false;
          const m = e as { user_id?: unknown; user_email?: unknown };
          return (typeof m.user_id === 'string' && ids.includes(m.user_id)) || (m.user_id == null && typeof m.user_email === 'string' && emails.includes(m.user_email));
        };
        if (!roster.some(leaves)) continue;
        await em.query(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = $2::jsonb, updated_at = $3 WHERE team_id = $1`, [team.id, JSON.stringify(roster.filter((e) => !leaves(e))), now]);
      }
      const keys: { token: string }[] = await em.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = ANY($1::text[]) FOR UPDATE`, [ids]);
      if (keys.length) {
        const tokens = keys.map((k) => k.token);
        await deleteKeysWithin(em, caller, tokens);
      }
      await em.query(`DELETE FROM "LiteLLM_InvitationLink" WHERE user_id = ANY($1::text[]) OR created_by = ANY($1::text[]) OR updated_by = ANY($1::text[])`, [ids]);
      await em.query(`DELETE FROM "LiteLLM_OrganizationMembership" WHERE user_id = ANY($1::text[])`, [ids]);
      await em.query(`DELETE FROM "LiteLLM_TeamMembership" WHERE user_id = ANY($1::text[])`, [ids]);
      await em.query(`DELETE FROM "LiteLLM_UserTable" WHERE user_id = ANY($1::text[])`, [ids]);
      for (const u of users) await audit(em, this.config, caller, { action: 'deleted', table: 'LiteLLM_UserTable', objectId: u.id, before: columnJson(em, User, u), after: {} });
      return ids;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Budget, Team, TeamMembership } from '../../entities';
import type { TeamMemberEntry } from './members';
import { lockUserEmails, memberOf, NamedUsers } from './members';
import { Policy } from '../auth/policy';
import { Config } from '../config';
import { badInput, conflict, forbidden, GatewayError, notFound } from '../graphql/errors';
import { actorOf, audit, columnJson } from './audit';
import { tierShared } from './budgets';
import { nextReset } from './durations';
import { deleteKeysWithin } from './keys';
import * as v from './validate';

export interface TeamMemberArgs {
  userId?: string | null;
  userEmail?: string | null;
  role?: 'admin' | 'user' | null;
  maxBudgetInTeam?: number | null;
  budgetDuration?: string | null;
}

/** LiteLLM's bulk member add takes at most 500 members. */
const MAX_MEMBERS = 500;
// LiteLLM's TEAM_ADVISORY_LOCK_SQL: /team/member_add, /team/member_delete and /team/delete serialize on it
const TEAM_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1)) IS NULL AS locked';
export const lockTeam = (em: EntityManager, teamId: string) => em.query(TEAM_LOCK, [teamId]);

type Entry = { user_id?: unknown; user_email?: unknown; role?: unknown };

/** A member's limits in a team, as a merge-patch: a value sets, null clears, undefined leaves as it is. */
export interface MemberBudgetPatch {
  maxBudget?: number | null;
  softBudget?: number | null;
  maxParallelRequests?: number | null;
  tpmLimit?: number | null;
  rpmLimit?: number | null;
  budgetDuration?: string | null;
  allowedModels?: string[] | null;
}

export interface MemberUpdateArgs extends MemberBudgetPatch {
  role?: 'admin' | 'user' | null;
}

const LIMITS = ['maxBudget', 'softBudget', 'maxParallelRequests', 'tpmLimit', 'rpmLimit', 'budgetDuration', 'allowedModels'] as const;
// LiteLLM's _has_meaningful_budget_limit: null and an empty list are no limit
const isLimit = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
const hasLimit = (b: Partial<Record<(typeof LIMITS)[number] | 'modelMaxBudget', unknown>>) => [...LIMITS, 'modelMaxBudget' as const].some((f) => isLimit(b[f]));

function validatePatch(p: MemberBudgetPatch): void {
  v.money('maxBudgetInTeam', p.maxBudget);
  v.money('softBudget', p.softBudget);
  v.limits(p);
  v.names('allowedModels', p.allowedModels);
}

/** The team in the user's UserTable.teams, once (LiteLLM's _append_team_id_if_absent). */
const joinTeam = (em: EntityManager, userIds: string[], teamId: string) =>
  em.query(`UPDATE "LiteLLM_UserTable" SET teams = array_append(coalesce(teams, '{}'), $2) WHERE user_id = ANY($1::text[]) AND NOT ($2 = ANY(coalesce(teams, '{}')))`, [userIds, teamId]);

function identify(named: NamedUsers, m: TeamMemberArgs, i: number): { id: string; email: string | null; exists: boolean } {
  const at = `members[${i}]`;
  const byId = named.byId(m.userId);
  if (m.userId && m.userEmail) {
    const byEmail = named.withExactEmail(m.userEmail);
    if (byEmail.length > 1) throw badInput(at, `Multiple users found with email '${m.userEmail}'. Please use 'user_id' instead.`);
    if (byEmail.length === 1 && byEmail[0].userId !== m.userId) throw badInput(at, `user_email '${m.userEmail}' and user_id '${m.userId}' do not belong to the same user.`);
    return { id: m.userId, email: m.userEmail, exists: byEmail.length === 1 || !!byId };
  }
  if (m.userEmail) {
    const byEmail = named.withEmail(m.userEmail);
    if (byEmail.length > 1) throw badInput(at, "Multiple users with this email found in db. Please use 'user_id' instead.");
    return byEmail.length ? { id: byEmail[0].userId, email: m.userEmail, exists: true } : { id: randomUUID(), email: m.userEmail, exists: false };
  }
  return { id: m.userId!, email: byId?.email ?? null, exists: !!byId };
}

/** The team's default member tier (metadata.team_member_budget_id), when it names one. */
const memberTemplate = (team: Team): unknown => (team.metadata && typeof team.metadata === 'object' ? (team.metadata as Record<string, unknown>).team_member_budget_id : undefined);
const rosterOf = (team: Team): unknown[] => (Array.isArray(team.membersWithRoles) ? team.membersWithRoles : []);
const isEntry = (e: unknown): e is Entry => !!e && typeof e === 'object' && !Array.isArray(e);

/**
 * Team members as LiteLLM's /team/member_add and /team/member_delete write them, each call one transaction
 * under LiteLLM's own per-team advisory lock: concurrent adds (ours or LiteLLM's) are serialized, so none
 * is lost to another's read-modify-write of members_with_roles (LiteLLM issue #4081).
 */
export class TeamMemberService {
  constructor(
    private readonly ds: DataSource,
    private readonly policy: Policy,
    private readonly config: Config,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The team, locked, that the caller manages (proxy admin, its team admins, its organization's admins). */
  private async managedTeam(em: EntityManager, teamId: string, route: string): Promise<Team> {
    await lockTeam(em, teamId);
    const team = await em.findOneBy(Team, { id: teamId });
    if (!team || !this.policy.canSeeTeam(team)) throw notFound('team', teamId);
    // LiteLLM's wording
    if (!this.policy.managesTeam(team.id, team.organizationId)) throw forbidden(`Call not allowed. User not proxy admin OR team admin. route=${route}, team_id=${teamId}`);
    return team;
  }

  async add(teamId: string, members: TeamMemberArgs[]): Promise<Team> {
    this.policy.requireWrite('add team members');
    if (!members.length || members.length > MAX_MEMBERS) throw badInput('members', `give 1 to ${MAX_MEMBERS} members`);
    members.forEach((m, i) => {
      if (!m.userId && !m.userEmail) throw badInput(`members[${i}]`, 'Either user_id or user_email needs to be passed in');
      v.money(`members[${i}].maxBudgetInTeam`, m.maxBudgetInTeam);
      v.budgetDuration(`members[${i}].budgetDuration`, m.budgetDuration);
      if (m.budgetDuration != null && m.maxBudgetInTeam == null) throw badInput(`members[${i}].budgetDuration`, 'applies to maxBudgetInTeam: give both');
    });
    const now = this.now();
    return this.ds.transaction((em) => this.addWithin(em, teamId, members, now));
  }

  /**
   * The member add inside a transaction the caller holds (createUser joins the user it made through it); members
   * validated. The members' email locks come first, in order, then the team's: the order createUser takes them in.
   */
  async addWithin(em: EntityManager, teamId: string, members: TeamMemberArgs[], now: Date, made?: string): Promise<Team> {
    const actor = actorOf(this.policy.caller);
    await lockUserEmails(em, members);
    const team = await this.managedTeam(em, teamId, '/team/member_add');
    this.policy.assertTeamOpen(team);
    const roster = rosterOf(team).filter(isEntry);
    const inTeam = (id: string | null, email: string | null) => roster.some((e) => (id !== null && e.user_id === id) || (email !== null && e.user_email === email));
    const named = await NamedUsers.read(em, members);

    const added: { user_id: string; user_email: string | null; role: 'admin' | 'user' }[] = [];
    const duplicates: string[] = [];
    const joining: string[] = [];
    const making: { id: string; email: string | null }[] = [];
    const tiers: { userId: string; m: TeamMemberArgs }[] = [];
    for (const [i, m] of members.entries()) {
      const { id, email, exists } = identify(named, m, i);
      if (!exists && m.userId) this.policy.assertMayCreateUserId(m.userId);
      if (m.maxBudgetInTeam != null) this.policy.assertCanChangeMemberLimits(team, id);
      if (exists && id !== made && team.organizationId) this.policy.assertCanJoinOrganizationTeam(team, id, !!named.byId(id)?.organizations.includes(team.organizationId));
      if (inTeam(id, email) || added.some((a) => a.user_id === id)) {
        duplicates.push(`user_id=${id}, user_email=${email}`);
        continue;
      }
      if (exists) joining.push(id);
      else {
        making.push({ id, email });
        named.made(id, email);
      }
      tiers.push({ userId: id, m });
      added.push({ user_id: id, user_email: email, role: m.role === 'admin' ? 'admin' : 'user' });
    }
    // LiteLLM's wording; in a list, members already in the team are skipped
    if (!added.length)
      throw conflict(members.length === 1 ? `User already in team. Member: ${duplicates[0]}` : `All users are already in team. Members: ${duplicates.join('; ')}`, 'members');
    if (making.length) {
      // LiteLLM's new internal users: their role, the team, no models, no key
      const inserted: { user_id: string }[] = await em.query(
        `INSERT INTO "LiteLLM_UserTable" (user_id, user_email, user_role, teams, models, spend, created_at, updated_at)
         SELECT u.id, u.email, 'internal_user', ARRAY[$3]::text[], '{}'::text[], 0, $4, $4 FROM unnest($1::text[], $2::text[]) AS u(id, email)
         ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
        [making.map((u) => u.id), making.map((u) => u.email), team.id, now],
      );
      // made meanwhile by another call: they join as existing users
      const done = new Set(inserted.map((r) => r.user_id));
      joining.push(...making.filter((u) => !done.has(u.id)).map((u) => u.id));
    }
    if (joining.length) await joinTeam(em, joining, team.id);
    await this.memberBudgets(em, team, tiers, now, actor);
    await em.query(
      `UPDATE "LiteLLM_TeamTable" SET members_with_roles = (CASE WHEN jsonb_typeof(members_with_roles) = 'array' THEN members_with_roles ELSE '[]'::jsonb END) || $2::jsonb,
              updated_at = $3 WHERE team_id = $1`,
      [team.id, JSON.stringify(added), now],
    );
    await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: team.id, before: { members_with_roles: team.membersWithRoles }, after: { members_added: added } });
    return em.findOneByOrFail(Team, { id: team.id });
  }

  /**
   * The members' budgets in the team, as LiteLLM makes them: maxBudgetInTeam makes a tier of one's own; without
   * it, the team's metadata.team_member_budget_id tier is copied for the member; either way a TeamMembership
   * row points at it. With neither, no row is written.
   */
  private async memberBudgets(em: EntityManager, team: Team, members: { userId: string; m: TeamMemberArgs }[], now: Date, actor: string): Promise<void> {
    const at = { timezone: this.config.timezone, resetTime: this.config.budgetResetTime };
    const stamp = { createdBy: actor, updatedBy: actor, createdAt: now, updatedAt: now };
    const own = members.filter(({ m }) => m.maxBudgetInTeam != null);
    const rest = members.filter(({ m }) => m.maxBudgetInTeam == null);
    const template = memberTemplate(team);
    const source = rest.length && typeof template === 'string' ? await em.findOneBy(Budget, { id: template }) : null;
    const tiers: { userId: string; budget: Budget }[] = [
      ...own.map(({ userId, m }) => ({
        userId,
        budget: em.create(Budget, { id: randomUUID(), maxBudget: m.maxBudgetInTeam, budgetDuration: m.budgetDuration ?? null, budgetResetAt: nextReset(m.budgetDuration, now, at), ...stamp }),
      })),
      ...(source
        ? rest.map(({ userId }) => ({
            userId,
            budget: em.create(Budget, {
              id: randomUUID(),
              maxBudget: source.maxBudget,
              softBudget: source.softBudget,
              maxParallelRequests: source.maxParallelRequests,
              tpmLimit: source.tpmLimit,
              rpmLimit: source.rpmLimit,
              modelMaxBudget: source.modelMaxBudget,
              budgetDuration: source.budgetDuration,
              budgetResetAt: nextReset(source.budgetDuration, now, at),
              allowedModels: source.allowedModels,
              ...stamp,
            }),
          }))
        : []),
    ];
    if (!tiers.length) return;
    await em.insert(Budget, tiers.map((t) => t.budget));
    // a membership row left by an earlier stay in the team takes the new tier
    await em.query(
      `INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, budget_id) SELECT u, $3, 0, b FROM unnest($1::text[], $2::text[]) AS x(u, b)
       ON CONFLICT (user_id, team_id) DO UPDATE SET budget_id = EXCLUDED.budget_id`,
      [tiers.map((t) => t.userId), tiers.map((t) => t.budget.id), team.id],
    );
  }

  /**
   * LiteLLM's /team/member_update: the role in members_with_roles and the member's limits in the team, a
   * merge-patch on their own tier (newest LiteLLM's _upsert_budget_and_membership): a tier that is also someone
   * else's (the team's default member tier, an organization's, a key's) is copied before it changes; a tier
   * left with no limit is disconnected. budgetDuration sets budget_reset_at (LiteLLM issue #25509).
   */
  async update(teamId: string, userId: string, a: MemberUpdateArgs): Promise<TeamMemberEntry> {
    this.policy.requireWrite('update team members');
    const patch: MemberBudgetPatch = Object.fromEntries(LIMITS.filter((f) => a[f] !== undefined).map((f) => [f, a[f]]));
    const setsRole = a.role !== undefined && a.role !== null;
    if (!setsRole && !Object.keys(patch).length) throw badInput('input', 'give a role or at least one limit to change');
    validatePatch(patch);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.managedTeam(em, teamId, '/team/member_update');
      this.policy.assertTeamOpen(team);
      if (!memberOf(team, userId)) throw notFound('team member', `${userId} in team ${team.alias ?? team.id}`);
      const membership = await em.findOne(TeamMembership, { where: { userId, teamId }, lock: { mode: 'pessimistic_write' } });
      if (Object.keys(patch).length) {
        this.policy.assertCanChangeMemberLimits(team, userId);
        if (!(await this.patchBudget(em, team, userId, membership, patch, now))) throw badInput('input', `${userId} has no budget in this team: there is no limit to clear`);
      }
      if (setsRole) {
        // every entry of this user takes the role; other entries stay as stored
        const roster = rosterOf(team).map((e) => (isEntry(e) && e.user_id === userId ? { ...e, role: a.role } : e));
        await em.query(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = $2::jsonb, updated_at = $3 WHERE team_id = $1`, [team.id, JSON.stringify(roster), now]);
      }
      await audit(em, this.config, this.policy.caller, {
        action: 'updated',
        table: 'LiteLLM_TeamTable',
        objectId: team.id,
        before: { members_with_roles: team.membersWithRoles, membership: membership ? columnJson(em, TeamMembership, membership) : null },
        after: { user_id: userId, ...(setsRole ? { role: a.role } : {}), ...patch },
      });
      return memberOf(await em.findOneByOrFail(Team, { id: team.id }), userId)!;
    });
  }

  /** Applies the patch; false when it would write nothing (no tier, and nothing to set). */
  private async patchBudget(em: EntityManager, team: Team, userId: string, membership: TeamMembership | null, patch: MemberBudgetPatch, now: Date): Promise<boolean> {
    const actor = actorOf(this.policy.caller);
    const write: Partial<Budget> = { ...patch };
    if (patch.budgetDuration !== undefined) write.budgetResetAt = nextReset(patch.budgetDuration, now, { timezone: this.config.timezone, resetTime: this.config.budgetResetTime });
    const existing = membership?.budgetId ? await em.findOne(Budget, { where: { id: membership.budgetId }, lock: { mode: 'pessimistic_write' } }) : null;
    const soft = write.softBudget !== undefined ? write.softBudget : existing?.softBudget;
    const max = write.maxBudget !== undefined ? write.maxBudget : existing?.maxBudget;
    if (soft != null && max != null && soft > max) throw badInput('softBudget', `${soft} is above the max budget of ${max}`);
    const disconnect = () => em.update(TeamMembership, { userId, teamId: team.id }, { budgetId: null });
    // the team's default member tier is shared by definition (LiteLLM clones it on write)
    const template = memberTemplate(team);
    if (existing && existing.id !== template && !(await tierShared(em, existing.id, { userId, teamId: team.id }))) {
      if (!hasLimit({ ...existing, ...write })) await disconnect();
      else await em.update(Budget, { id: existing.id }, { ...write, updatedBy: actor, updatedAt: now });
      return true;
    }
    // a shared tier is copied with its limits, and its reset window carries over unless the duration changes
    const copied: Partial<Budget> = {};
    if (existing) for (const f of [...LIMITS, 'modelMaxBudget'] as const) if (isLimit(existing[f])) (copied as Record<string, unknown>)[f] = existing[f];
    if (existing && patch.budgetDuration === undefined && existing.budgetResetAt) copied.budgetResetAt = existing.budgetResetAt;
    const row = { ...copied, ...write };
    if (!hasLimit(row)) {
      if (!existing) return false;
      await disconnect();
      return true;
    }
    const id = randomUUID();
    await em.insert(Budget, em.create(Budget, { ...row, id, createdBy: actor, updatedBy: actor, createdAt: now, updatedAt: now }));
    await em.query(
      `INSERT INTO "LiteLLM_TeamMembership" (user_id, team_id, spend, budget_id) VALUES ($1, $2, 0, $3)
       ON CONFLICT (user_id, team_id) DO UPDATE SET budget_id = EXCLUDED.budget_id`,
      [userId, team.id, id],
    );
    return true;
  }

  /**
   * LiteLLM's POST /team/{team_id}/member/{user_id}/reset_spend: the member's tracked spend in the team
   * (TeamMembership.spend) set back to resetTo, at most what it is now; nobody but a proxy admin resets their own.
   */
  async resetSpend(teamId: string, userId: string, resetTo: number): Promise<TeamMemberEntry> {
    this.policy.requireWrite('reset team member spend');
    v.money('resetTo', resetTo);
    return this.ds.transaction(async (em) => {
      const team = await this.managedTeam(em, teamId, '/team/{team_id}/member/{user_id}/reset_spend');
      if (!memberOf(team, userId)) throw notFound('team member', `${userId} in team ${team.alias ?? team.id}`);
      this.policy.assertCanChangeMemberLimits(team, userId);
      const membership = await em.findOne(TeamMembership, { where: { userId, teamId }, lock: { mode: 'pessimistic_write' } });
      if (!membership) throw notFound('team member spend', `${userId} in team ${team.alias ?? team.id} (no spend tracked yet)`);
      if (resetTo > membership.spend) throw badInput('resetTo', `${resetTo} is above the member's current spend of ${membership.spend}`);
      await em.update(TeamMembership, { userId, teamId }, { spend: resetTo });
      await audit(em, this.config, this.policy.caller, {
        action: 'updated',
        table: 'LiteLLM_TeamMembership',
        objectId: `${userId}:${teamId}`,
        before: { spend: membership.spend },
        after: { spend: resetTo },
      });
      return memberOf(team, userId)!;
    });
  }

  /**
   * LiteLLM's /team/member_delete: every entry of members_with_roles with one of these user ids or exact
   * emails goes; those users lose the team in UserTable.teams, their TeamMembership rows go (their budget
   * tiers stay), and their keys in the team are copied to the tombstones and deleted.
   */
  async remove(teamId: string, userIds: string[] | null | undefined, userEmails: string[] | null | undefined): Promise<Team> {
    this.policy.requireWrite('remove team members');
    const ids = userIds ?? [];
    const emails = userEmails ?? [];
    if (!ids.length && !emails.length) throw badInput('userIds', 'Either user_id or user_email needs to be passed in');
    if (ids.length + emails.length > MAX_MEMBERS) throw badInput('userIds', `at most ${MAX_MEMBERS} members at once`);
    const now = this.now();
    return this.ds.transaction(async (em) => {
      const team = await this.managedTeam(em, teamId, '/team/member_delete');
      const roster = rosterOf(team);
      const addressed = (e: unknown) => isEntry(e) && ((typeof e.user_id === 'string' && ids.includes(e.user_id)) || (typeof e.user_email === 'string' && emails.includes(e.user_email)));
      const removed = roster.filter(addressed) as Entry[];
      const byEmail: { user_id: string }[] = emails.length ? await em.query(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_email = ANY($1::text[])`, [emails]) : [];
      const affected = [...new Set([...removed.map((e) => e.user_id).filter((x): x is string => typeof x === 'string'), ...ids, ...byEmail.map((r) => r.user_id)])];
      const carriers: { user_id: string }[] = await em.query(`SELECT user_id FROM "LiteLLM_UserTable" WHERE user_id = ANY($1::text[]) AND $2 = ANY(coalesce(teams, '{}'))`, [affected, team.id]);
      // LiteLLM's wording
      if (!removed.length && !carriers.length) throw new GatewayError('NOT_FOUND', `User not found in team ${team.alias ?? team.id}`);
      await em.query(`UPDATE "LiteLLM_TeamTable" SET members_with_roles = $2::jsonb, updated_at = $3 WHERE team_id = $1`, [team.id, JSON.stringify(roster.filter((e) => !addressed(e))), now]);
      await em.query(`UPDATE "LiteLLM_UserTable" SET teams = array_remove(teams, $2) WHERE user_id = ANY($1::text[]) AND $2 = ANY(coalesce(teams, '{}'))`, [affected, team.id]);
      await em.query(`DELETE FROM "LiteLLM_TeamMembership" WHERE team_id = $1 AND user_id = ANY($2::text[])`, [team.id, affected]);
      const keys: { token: string }[] = await em.query(`SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = ANY($1::text[]) AND team_id = $2`, [affected, team.id]);
      if (keys.length) {
        const tokens = keys.map((k) => k.token);
        await deleteKeysWithin(em, this.policy.caller, tokens);
      }
      await audit(em, this.config, this.policy.caller, { action: 'updated', table: 'LiteLLM_TeamTable', objectId: team.id, before: { members_with_roles: team.membersWithRoles }, after: { members_removed: removed, keys_deleted: keys.length } });
      return em.findOneByOrFail(Team, { id: team.id });
    });
  }
}

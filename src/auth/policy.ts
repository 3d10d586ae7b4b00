import { Params } from '../db/sql';
import { GatewayError, badInput, forbidden, unauthenticated } from '../graphql/errors';
import { Principal } from './principal';
import { OperationKind, refusedRootFields, refusedTypes, routesWithin } from './routes';

/** What the policy needs to know of a key. */
export interface KeyFacts {
  token: string;
  userId: string | null;
  teamId: string | null;
  organizationId?: string | null;
  blocked?: boolean | null;
  expires?: Date | null;
}

/** What the policy needs to know of a team. */
export interface TeamFacts {
  id: string;
  organizationId: string | null;
  blocked?: boolean | null;
}

/** The owner a key is made for, as far as their power goes. */
export interface OwnerFacts {
  userId: string;
  role: string | null;
  /** organizations where the user is org_admin */
  adminOrgs: string[];
}

/**
 * The one place that answers "may they?". Reads are answered as SQL conditions so that lists are
 * filtered in the query (pages stay full, counts stay true); writes as checks that throw FORBIDDEN.
 * Roles as LiteLLM means them: proxy_admin (and the master key) everything; proxy_admin_viewer reads
 * everything; org_admin (OrganizationMembership) their organizations' teams, members and keys; team
 * admin (members_with_roles) their teams' keys and members; internal users their own user and keys,
 * their teams and those teams' service-account keys. Nobody else sees a user's personal keys.
 */
export class Policy {
  readonly principal: Principal | null;

  constructor(principal: Principal | null) {
    this.principal = principal;
  }

  get caller(): Principal {
    if (!this.principal) throw unauthenticated('Authentication required: send Authorization: Bearer <LiteLLM master key or virtual key>');
    return this.principal;
  }

  get isAdmin(): boolean {
    return this.caller.role === 'proxy_admin';
  }

  get readsEverything(): boolean {
    const role = this.caller.role;
    return role === 'proxy_admin' || role === 'proxy_admin_viewer';
  }

  get isViewer(): boolean {
    const role = this.caller.role;
    return role === 'proxy_admin_viewer' || role === 'internal_user_viewer';
  }

  get memberTeams(): string[] {
    return [...this.caller.teamRoles.keys()];
  }

  get adminTeams(): string[] {
    return [...this.caller.teamRoles].filter(([, r]) => r === 'admin').map(([t]) => t);
  }

  get memberOrgs(): string[] {
    return [...this.caller.orgRoles.keys()];
  }

  get adminOrgs(): string[] {
    return [...this.caller.orgRoles].filter(([, r]) => r === 'org_admin').map(([o]) => o);
  }

  /** Roots that only admins and admin viewers read (budgets, end users, invitations, logs). */
  requireReadAll(what: string): void {
    if (!this.readsEverything) throw forbidden(`Only proxy admins and admin viewers may list ${what}`);
  }

  requireWrite(what: string): void {
    if (this.isViewer) throw forbidden(`${this.caller.role} is read-only and may not ${what}`);
  }

  requireAdmin(what: string): void {
    if (!this.isAdmin) throw forbidden(`Only proxy admins may ${what}`);
  }

  /** End users (customers): LiteLLM's /customer/* writes are proxy admin routes; viewers are read-only. */
  assertCanManageEndUsers(action: string): void {
    this.requireWrite(action);
    this.requireAdmin(action);
  }

  /** May the caller create a key owned by userId (null: a team service-account key) in teamId? */
  assertCanCreateKey(target: { userId: string | null; teamId: string | null; teamOrganizationId: string | null; organizationId: string | null }): void {
    this.requireWrite('create keys');
    if (this.isAdmin) return;
    const me = this.caller;
    const teamAdmin = !!target.teamId && (this.adminTeams.includes(target.teamId) || (!!target.teamOrganizationId && this.adminOrgs.includes(target.teamOrganizationId)));
    if (target.userId !== me.userId || me.userId === null) {
      if (teamAdmin) return;
      // LiteLLM's wording
      throw forbidden(`User can only create keys for themselves. Got user_id=${target.userId}, Your ID=${me.userId}`);
    }
    if (me.boundTeamId && target.teamId !== me.boundTeamId) throw forbidden(`This key was made for team ${me.boundTeamId} and makes keys only in that team`);
    if (target.teamId && !teamAdmin && !me.teamRoles.has(target.teamId)) throw forbidden(`You are not a member of team ${target.teamId}`);
    if (!target.teamId && target.organizationId && !this.memberOrgs.includes(target.organizationId))
      throw forbidden(`You are not a member of organization ${target.organizationId}`);
  }

  /** Update, delete, regenerate, block: admins, the key's owner, its team's admins, its organization's admins. */
  assertCanManageKey(key: { token: string; userId: string | null; teamId: string | null }, teamOrganizationId: string | null, action: string): void {
    this.requireWrite(action);
    if (this.isAdmin) return;
    const me = this.caller;
    if (me.userId && key.userId === me.userId && (!me.boundTeamId || key.teamId === me.boundTeamId)) return;
    if (this.managesTeam(key.teamId, teamOrganizationId)) return;
    throw forbidden(`You are not authorized to ${action} this key`);
  }

  /** Spend resets: admins and the admins of the key's team or organization, not the owner. */
  assertCanResetKeySpend(key: { teamId: string | null }, teamOrganizationId: string | null): void {
    this.requireWrite('reset key spend');
    if (this.isAdmin || this.managesTeam(key.teamId, teamOrganizationId)) return;
    throw forbidden("Only proxy admins and the key's team admins may reset its spend");
  }

  /** LiteLLM's allowed_routes of the calling key, checked before any resolver runs. */
  assertRoutesAllow(kind: OperationKind, rootFields: string[], selectedTypes: () => Iterable<string>): void {
    if (!this.caller.allowedRoutes.length) return;
    const refused = refusedRootFields(this.caller.allowedRoutes, kind, rootFields);
    const routes = this.caller.allowedRoutes.join(', ');
    if (refused.length) throw new GatewayError('FORBIDDEN', `This key's allowed_routes (${routes}) do not allow ${kind} ${refused.join(', ')}`, { http: { status: 403 } });
    const types = refusedTypes(this.caller.allowedRoutes, selectedTypes());
    if (types.length) throw new GatewayError('FORBIDDEN', `This key's allowed_routes (${routes}) do not allow reading ${types.join(', ')}`, { http: { status: 403 } });
  }

  /** A key is seen by the rules of keyScope; one the caller may not see is NOT_FOUND, as if it did not exist. */
  canSeeKey(key: KeyFacts, teamOrganizationId: string | null): boolean {
    if (this.readsEverything) return true;
    const me = this.caller;
    if (me.keyToken && key.token === me.keyToken) return true;
    if (me.userId && key.userId === me.userId && (!me.boundTeamId || key.teamId === me.boundTeamId)) return true;
    if (key.teamId && this.adminTeams.includes(key.teamId)) return true;
    if (key.teamId && key.userId === null && this.memberTeams.includes(key.teamId)) return true;
    return !!key.teamId && !!teamOrganizationId && this.adminOrgs.includes(teamOrganizationId);
  }

  canSeeTeam(team: TeamFacts): boolean {
    if (this.readsEverything) return true;
    return this.memberTeams.includes(team.id) || (!!team.organizationId && this.adminOrgs.includes(team.organizationId));
  }

  canSeeOrganization(organizationId: string): boolean {
    return this.readsEverything || this.memberOrgs.includes(organizationId);
  }

  /** Spend, budget and usage of a team member: the member themself and the admins of the team or its organization. */
  canSeeMemberSpend(teamId: string, teamOrganizationId: string | null, userId: string | null): boolean {
    if (this.readsEverything) return true;
    if (userId && userId === this.caller.userId && this.memberTeams.includes(teamId)) return true;
    return this.managesTeam(teamId, teamOrganizationId);
  }

  /** Spend and budget of an organization member: the member themself and the organization's admins. */
  canSeeOrganizationMemberSpend(organizationId: string, userId: string): boolean {
    if (this.readsEverything) return true;
    if (userId === this.caller.userId && this.memberOrgs.includes(organizationId)) return true;
    return this.adminOrgs.includes(organizationId);
  }

  /** Block and unblock (and `blocked` through updateKey): proxy admins and the admins of the key's team or organization. */
  assertCanSanctionKey(key: KeyFacts, teamOrganizationId: string | null, action: string): void {
    this.requireWrite(action);
    if (this.managesTeam(key.teamId, teamOrganizationId)) return;
    if (key.organizationId && this.adminOrgs.includes(key.organizationId)) return;
    throw forbidden(`Only proxy admins and the admins of the key's team or organization may ${action} a key`);
  }

  /**
   * Changing a key that someone else holds: an owner who is not also its manager cannot touch a blocked key
   * or bring an expired one back.
   */
  assertCanUpdateKey(key: KeyFacts, teamOrganizationId: string | null, now: Date, action: string): void {
    this.assertCanManageKey(key, teamOrganizationId, action);
    if (this.managesTeam(key.teamId, teamOrganizationId) || (key.organizationId && this.adminOrgs.includes(key.organizationId))) return;
    if (key.blocked) throw forbidden(`This key is blocked; only an admin of its team or organization may ${action} it`);
    if (key.expires && key.expires.getTime() <= now.getTime()) throw forbidden(`This key expired at ${key.expires.toISOString()}; only an admin of its team or organization may ${action} it`);
  }

  /**
   * The invariant behind every key that a mutation returns or rotates: its principal may do nothing the caller
   * may not. Only a proxy admin makes keys for users with a higher role (proxy_admin, proxy_admin_viewer) or
   * for an org_admin of an organization the caller does not administer.
   */
  assertMayHoldKeyOf(owner: OwnerFacts | null): void {
    if (this.isAdmin || !owner || owner.userId === this.caller.userId) return;
    if (owner.role === 'proxy_admin' || owner.role === 'proxy_admin_viewer')
      throw forbidden(`Only proxy admins may make or rotate keys of a ${owner.role}`);
    const foreign = owner.adminOrgs.filter((o) => !this.adminOrgs.includes(o));
    if (foreign.length) throw forbidden(`Only proxy admins may make or rotate keys of an admin of organization ${foreign.join(', ')}`);
  }

  /**
   * Rotation hands the caller a working secret: of someone else's key, only when that key is delegated
   * (it then acts within its team only); a key its owner made carries all of the owner's power.
   */
  assertMayRotate(key: KeyFacts & { allowedRoutes?: string[] | null }, delegated: boolean): void {
    this.assertRoutesWithin(key.allowedRoutes);
    if (this.isAdmin || key.userId === null || delegated) return;
    // a delegated key rotating its owner's own key would hand its holder all of the owner's power
    if (key.userId === this.caller.userId && !this.caller.boundTeamId) return;
    throw forbidden("Only its owner or a proxy admin may regenerate a key its owner made: the new key would carry all of the owner's power");
  }

  /** A key restricted by allowed_routes gives no key more routes than it has. */
  assertRoutesWithin(allowedRoutes: string[] | null | undefined): void {
    if (!routesWithin(this.caller.allowedRoutes, allowedRoutes))
      throw forbidden(`This key may only give keys allowedRoutes within its own (${this.caller.allowedRoutes.join(', ')})`);
  }

  /** Nothing is created inside a blocked team (LiteLLM's common checks). */
  assertTeamOpen(team: TeamFacts | null): void {
    if (team?.blocked) throw forbidden(`Team=${team.id} is blocked. Update via unblockTeam if you're an admin.`);
  }

  /** Team budgets and limits: proxy admins and the admins of the team's organization. */
  assertCanSetTeamBudget(team: TeamFacts): void {
    this.requireWrite('change team budgets');
    if (this.isAdmin || (team.organizationId && this.adminOrgs.includes(team.organizationId))) return;
    throw forbidden("Only proxy admins and the team's organization admins may change a team's budget");
  }

  /**
   * A member's limits and tracked spend in a team: its managers (managedTeam checks that), but nobody except a
   * proxy admin their own, which would lift their own budget; nor through a delegated key they made for another.
   */
  assertCanChangeMemberLimits(team: TeamFacts, userId: string): void {
    if (!this.managesTeam(team.id, team.organizationId)) throw forbidden("Only proxy admins and the team's admins may change member budgets");
    if (!this.isAdmin && (userId === this.caller.userId || userId === this.caller.delegatedBy)) throw forbidden('Only a proxy admin may change your own budget or spend in a team');
  }

  /**
   * A team of an organization takes only users of that organization (LiteLLM's team_member_add), or a user made
   * by the same call, who belongs nowhere else; proxy admins add anyone.
   */
  assertCanJoinOrganizationTeam(team: TeamFacts, userId: string, inOrganization: boolean): void {
    if (this.isAdmin || !team.organizationId || inOrganization) return;
    throw forbidden(`User ${userId} is not a member of organization ${team.organizationId}, which team ${team.id} belongs to; add them to the organization first`);
  }

  /** createTeam: proxy admins anywhere; org admins inside their organizations; nobody else (internal users included). */
  assertCanCreateTeam(organizationId: string | null): void {
    this.requireWrite('create teams');
    if (this.isAdmin) return;
    if (this.caller.boundTeamId) throw forbidden(`This key was made for team ${this.caller.boundTeamId} and may not create teams`);
    if (organizationId && this.adminOrgs.includes(organizationId)) return;
    throw forbidden(organizationId ? `Only proxy admins and the admins of organization ${organizationId} may create teams in it` : 'Only proxy admins may create a team outside an organization; organization admins give organizationId');
  }

  /** A team's alias and metadata: proxy admins, its team admins and its organization's admins (LiteLLM's /team/update). */
  assertCanEditTeam(team: TeamFacts): void {
    this.requireWrite('update teams');
    if (this.managesTeam(team.id, team.organizationId)) return;
    throw forbidden(`Call not allowed. User not proxy admin OR team admin. route=/team/update, team_id=${team.id}`);
  }

  /** Moving a team to another organization (or out of one): proxy admins only. */
  assertCanMoveTeam(team: TeamFacts): void {
    this.requireWrite('move teams');
    if (!this.isAdmin) throw forbidden(`Only proxy admins may move team ${team.id} to another organization`);
  }

  /** Models, model aliases, block/unblock: what the team may do, so proxy admins and the team's organization admins. */
  assertCanWidenTeam(team: TeamFacts, action: string): void {
    this.requireWrite(action);
    if (this.isAdmin || (team.organizationId && this.adminOrgs.includes(team.organizationId))) return;
    throw forbidden(`Only proxy admins and the team's organization admins may ${action}`);
  }

  /**
   * Team metadata keys LiteLLM reads as limits or rights (per-model limits, guardrails, tags used for
   * routing, callbacks, the changed-by header): only proxy admins and the team's organization admins set them.
   */
  static readonly TEAM_METADATA_RIGHTS = ['model_rpm_limit', 'model_tpm_limit', 'guardrails', 'disable_global_guardrails', 'tags', 'logging', 'callback_settings', 'allow_litellm_changed_by_header', 'team_member_key_duration'];

  assertCanSetTeamMetadataRights(team: TeamFacts, changedKeys: string[]): void {
    if (!changedKeys.length) return;
    this.assertCanWidenTeam(team, `change metadata ${changedKeys.join(', ')} of a team`);
  }

  /** Removing models and deleting: proxy admins, the team's admins and its organization's admins. */
  assertCanManageTeam(team: TeamFacts, action: string): void {
    this.requireWrite(action);
    if (this.managesTeam(team.id, team.organizationId)) return;
    throw forbidden(`Only proxy admins, the team's admins and its organization's admins may ${action}`);
  }

  /**
   * Members of an organization (/organization/member_add, _update, _delete): proxy admins and the org admins
   * of that organization (LiteLLM's org_admin_only_routes). Seen but not administered: FORBIDDEN.
   */
  assertCanManageOrganizationMembers(organizationId: string, route: string): void {
    this.requireWrite('manage organization members');
    if (this.isAdmin || this.adminOrgs.includes(organizationId)) return;
    // LiteLLM's wording
    throw forbidden(`Organization admin privileges required. route=${route}, organization_id=${organizationId}`);
  }

  /**
   * An existing user an org admin brings into their organization: not an admin of the proxy, and a member of no
   * organization they do not administer (LiteLLM lets an org admin add anyone; from there their teams and keys
   * would spend another organization's user's budget).
   */
  assertMayBringIntoOrganization(user: { userId: string; role: string | null; organizationIds: string[] }): void {
    if (this.isAdmin) return;
    if (user.role === 'proxy_admin' || user.role === 'proxy_admin_viewer') throw forbidden(`Only proxy admins may add a ${user.role} to an organization`);
    const foreign = user.organizationIds.filter((o) => !this.adminOrgs.includes(o));
    if (foreign.length) throw forbidden(`User ${user.userId} belongs to another organization; only proxy admins may add them to this one`);
  }

  /** An org admin may not change their own role or budget in the organization (that would raise their own power). */
  assertNotOwnMembership(userId: string, action: string): void {
    if (!this.isAdmin && userId === this.caller.userId) throw forbidden(`Only a proxy admin may ${action} of their own organization membership`);
  }

  /** A user_id nobody has yet is made only by proxy admins (an org admin adds users by email or existing id). */
  assertMayCreateUserId(userId: string): void {
    if (!this.isAdmin) throw forbidden(`Only proxy admins can add a user_id that does not exist yet: ${userId}`);
  }

  /**
   * Models given to a new organization stay within the calling key's models (LiteLLM's /organization/new):
   * a key limited to some models cannot grant all (an empty list) or any other.
   */
  assertMayGrantModels(keyModels: string[], models: string[]): void {
    if (!keyModels.length) return;
    // LiteLLM's wording
    if (!models.length) throw badInput('models', 'User not allowed to give access to all models. Select models you want org to have access to.');
    const other = models.find((m) => !keyModels.includes(m));
    if (other !== undefined) throw badInput('models', `User not allowed to give access to model=${other}. Models you have access to = ${keyModels.join(', ')}`);
  }

  /**
   * createUser: proxy admins; an org admin only for a user who joins teams of organizations they administer
   * (LiteLLM lets org admins reach /user/new; team admins and internal users may not), and without the
   * first key: it is personal (no team) and would hand them the new user's power outside any team. Only a
   * proxy admin makes a proxy_admin or proxy_admin_viewer. A key restricted by allowed_routes receives no first
   * key, which has none.
   */
  assertCanCreateUser(target: { role: string | null; teams: TeamFacts[]; withKey: boolean }): void {
    this.requireWrite('create users');
    if (target.withKey && !routesWithin(this.caller.allowedRoutes, []))
      throw forbidden(`This key's allowed_routes (${this.caller.allowedRoutes.join(', ')}) do not allow receiving a new user's first key, which has none; give autoCreateKey: false`);
    if ((target.role === 'proxy_admin' || target.role === 'proxy_admin_viewer') && !this.isAdmin)
      // LiteLLM's wording
      throw forbidden(`Only proxy admins can create administrative users (proxy_admin, proxy_admin_viewer). Attempted to create user with role: ${target.role}. Your role: ${this.caller.role}`);
    if (this.isAdmin) return;
    const inOwnOrgs = target.teams.length > 0 && target.teams.every((t) => !!t.organizationId && this.adminOrgs.includes(t.organizationId));
    if (!inOwnOrgs) throw forbidden('Only proxy admins, and organization admins for users who join teams of their organizations, may create users');
    if (target.withKey) throw forbidden("Only proxy admins receive a new user's first key; give autoCreateKey: false and make the user's keys in a team with generateKey");
  }

  /**
   * updateUser: proxy admins anyone (LiteLLM's can_user_call_user_update); a user only themselves, and only
   * their alias: nobody raises their own limits, models or role, or takes another's email. A delegated key
   * acts within its team, so not on its owner's user row.
   */
  assertCanUpdateUser(userId: string, fields: string[]): void {
    this.requireWrite('update users');
    if (this.isAdmin) return;
    // LiteLLM's wording
    if (fields.includes('userRole')) throw forbidden('Only proxy admins can modify user roles.');
    if (userId !== this.caller.userId) throw forbidden('User does not have permission to update this user. Only PROXY_ADMIN can update other users.');
    if (this.caller.boundTeamId) throw forbidden(`This key was made for team ${this.caller.boundTeamId} and may not change its owner's user`);
    const other = fields.filter((f) => f !== 'userAlias');
    if (other.length) throw forbidden(`Only proxy admins may change ${other.join(', ')}; a user may change only their own userAlias`);
  }

  /**
   * deleteUsers: proxy admins; an org admin only a user who is not an admin of the proxy and who belongs to
   * nothing outside the organizations they administer (organization memberships, teams, keys of teams or organizations).
   */
  assertCanDeleteUser(target: { id: string; role: string | null; organizationIds: string[]; teamOrganizationIds: (string | null)[] }): void {
    this.requireWrite('delete users');
    if (this.isAdmin) return;
    if (target.role === 'proxy_admin' || target.role === 'proxy_admin_viewer') throw forbidden(`Only proxy admins may delete a ${target.role}`);
    const inside = (o: string | null) => !!o && this.adminOrgs.includes(o);
    const scoped = target.organizationIds.length + target.teamOrganizationIds.length > 0 && target.organizationIds.every(inside) && target.teamOrganizationIds.every(inside);
    if (!scoped) throw forbidden(`Only proxy admins, and organization admins for users only inside their organizations, may delete user ${target.id}`);
  }

  managesTeam(teamId: string | null, teamOrganizationId: string | null): boolean {
    if (this.isAdmin) return true;
    if (teamId && this.adminTeams.includes(teamId)) return true;
    return !!teamOrganizationId && this.adminOrgs.includes(teamOrganizationId);
  }

  keyScope(k: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId) parts.push(me.boundTeamId ? `(${k}.user_id = ${p.add(me.userId)} AND ${k}.team_id = ${p.add(me.boundTeamId)})` : `${k}.user_id = ${p.add(me.userId)}`);
    if (me.keyToken) parts.push(`${k}.token = ${p.add(me.keyToken)}`);
    if (this.adminTeams.length) parts.push(`${k}.team_id = ANY(${p.add(this.adminTeams)}::text[])`);
    if (this.memberTeams.length) parts.push(`(${k}.user_id IS NULL AND ${k}.team_id = ANY(${p.add(this.memberTeams)}::text[]))`);
    if (this.adminOrgs.length)
      parts.push(`${k}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  teamScope(t: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const parts: string[] = [];
    if (this.memberTeams.length) parts.push(`${t}.team_id = ANY(${p.add(this.memberTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${t}.organization_id = ANY(${p.add(this.adminOrgs)}::text[])`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /**
   * Projects (LiteLLM_ProjectTable) by their team: admins and viewers all; members of the team (its keys are
   * theirs to use) and the admins of the team's organization. ProjectTable has no index on team_id: projects
   * are few per team, and the scope reads the small table.
   */
  projectScope(x: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const parts: string[] = [];
    if (this.memberTeams.length) parts.push(`${x}.team_id = ANY(${p.add(this.memberTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${x}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /**
   * The caller's own keys, as LiteLLM's tag routes count them (_get_internal_user_api_keys): the calling key and
   * the keys its user owns (within its team for a delegated key); null when there are none.
   */
  private ownKeyTokens(p: Params): string | null {
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId)
      parts.push(`SELECT sk.token FROM "LiteLLM_VerificationToken" sk WHERE sk.user_id = ${p.add(me.userId)}${me.boundTeamId ? ` AND sk.team_id = ${p.add(me.boundTeamId)}` : ''}`);
    if (me.keyToken) parts.push(`SELECT ${p.add(me.keyToken)}::text`);
    return parts.length ? parts.join(' UNION ') : null;
  }

  /**
   * Tags (LiteLLM's /tag/list): admins and viewers all; anyone else the tags their own keys spent under, found in
   * DailyTagSpend by its api_key index. (LiteLLM scopes only its internal-user roles this way; every caller that is
   * not an admin is scoped here.)
   */
  tagScope(x: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const keys = this.ownKeyTokens(p);
    return keys ? `${x}.tag_name IN (SELECT sd.tag FROM "LiteLLM_DailyTagSpend" sd WHERE sd.api_key IN (${keys}))` : 'FALSE';
  }

  /** Rows of DailyTagSpend a caller may sum (LiteLLM's /tag/daily/activity): admins all; others their own keys'. */
  tagSpendScope(d: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const keys = this.ownKeyTokens(p);
    return keys ? `${d}.api_key IN (${keys})` : 'FALSE';
  }

  userScope(u: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId) parts.push(`${u}.user_id = ${p.add(me.userId)}`);
    if (this.adminTeams.length)
      parts.push(
        `EXISTS (SELECT 1 FROM "LiteLLM_TeamTable" st WHERE st.team_id = ANY(${p.add(this.adminTeams)}::text[])
                   AND jsonb_typeof(st.members_with_roles) = 'array'
                   AND st.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', ${u}.user_id)))`,
      );
    if (this.adminOrgs.length) {
      const orgs = p.add(this.adminOrgs);
      parts.push(
        `EXISTS (SELECT 1 FROM "LiteLLM_OrganizationMembership" sm WHERE sm.user_id = ${u}.user_id AND sm.organization_id = ANY(${orgs}::text[]))`,
        `EXISTS (SELECT 1 FROM "LiteLLM_TeamTable" st WHERE st.organization_id = ANY(${orgs}::text[])
                   AND jsonb_typeof(st.members_with_roles) = 'array'
                   AND st.members_with_roles @> jsonb_build_array(jsonb_build_object('user_id', ${u}.user_id)))`,
      );
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** SpendLogs rows: admins all; others their own requests and those of teams and organizations they administer. */
  spendLogScope(l: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId) parts.push(me.boundTeamId ? `(${l}."user" = ${p.add(me.userId)} AND ${l}.team_id = ${p.add(me.boundTeamId)})` : `${l}."user" = ${p.add(me.userId)}`);
    if (me.keyToken) parts.push(`${l}.api_key = ${p.add(me.keyToken)}`);
    if (this.adminTeams.length) parts.push(`${l}.team_id = ANY(${p.add(this.adminTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${l}.organization_id = ANY(${p.add(this.adminOrgs)}::text[])`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /**
   * Budget tiers a caller may read: admins all; others the tiers of keys they see, of their own memberships,
   * of memberships in teams and organizations they administer, and of their organizations.
   */
  budgetScope(b: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts = [`${b}.budget_id IN (SELECT sk.budget_id FROM "LiteLLM_VerificationToken" sk WHERE sk.budget_id IS NOT NULL AND ${this.keyScope('sk', p)})`];
    if (me.userId) {
      const teams = me.boundTeamId ? `AND stm.team_id = ${p.add(me.boundTeamId)}` : '';
      parts.push(`${b}.budget_id IN (SELECT stm.budget_id FROM "LiteLLM_TeamMembership" stm WHERE stm.user_id = ${p.add(me.userId)} ${teams})`);
    }
    if (this.adminTeams.length)
      parts.push(
        `${b}.budget_id IN (SELECT stm.budget_id FROM "LiteLLM_TeamMembership" stm
           WHERE (stm.user_id, stm.team_id) IN (SELECT sm->>'user_id', st.team_id FROM "LiteLLM_TeamTable" st, jsonb_array_elements(CASE WHEN jsonb_typeof(st.members_with_roles) = 'array' THEN st.members_with_roles ELSE '[]' END) sm
                                                 WHERE st.team_id = ANY(${p.add(this.adminTeams)}::text[])))`,
      );
    if (me.userId && this.memberOrgs.length)
      parts.push(`${b}.budget_id IN (SELECT som.budget_id FROM "LiteLLM_OrganizationMembership" som WHERE som.user_id = ${p.add(me.userId)})`);
    if (this.adminOrgs.length) {
      const orgs = p.add(this.adminOrgs);
      parts.push(
        `${b}.budget_id IN (SELECT som.budget_id FROM "LiteLLM_OrganizationMembership" som WHERE som.organization_id = ANY(${orgs}::text[]))`,
        `${b}.budget_id IN (SELECT stm.budget_id FROM "LiteLLM_TeamMembership" stm
           WHERE (stm.user_id, stm.team_id) IN (SELECT sm->>'user_id', st.team_id FROM "LiteLLM_TeamTable" st, jsonb_array_elements(CASE WHEN jsonb_typeof(st.members_with_roles) = 'array' THEN st.members_with_roles ELSE '[]' END) sm
                                                 WHERE st.organization_id = ANY(${orgs}::text[])))`,
      );
    }
    if (this.memberOrgs.length) parts.push(`${b}.budget_id IN (SELECT so.budget_id FROM "LiteLLM_OrganizationTable" so WHERE so.organization_id = ANY(${p.add(this.memberOrgs)}::text[]))`);
    // the tier of a tag the caller sees (LiteLLM's /tag/list shows it)
    parts.push(`${b}.budget_id IN (SELECT stg.budget_id FROM "LiteLLM_TagTable" stg WHERE stg.budget_id IS NOT NULL AND ${this.tagScope('stg', p)})`);
    // the tier of a project the caller sees
    if (this.memberTeams.length || this.adminOrgs.length)
      parts.push(`${b}.budget_id IN (SELECT sp.budget_id FROM "LiteLLM_ProjectTable" sp WHERE sp.budget_id IS NOT NULL AND ${this.projectScope('sp', p)})`);
    return `(${parts.join(' OR ')})`;
  }

  /**
   * Key tombstones: admins all; others their own keys' and those of teams and organizations they administer
   * (a deleted team's keys by the organization its tombstone names), as keyScope saw them alive: a personal key
   * that carried an organization_id is not its org admins'.
   */
  deletedKeyScope(k: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId) parts.push(me.boundTeamId ? `(${k}.user_id = ${p.add(me.userId)} AND ${k}.team_id = ${p.add(me.boundTeamId)})` : `${k}.user_id = ${p.add(me.userId)}`);
    if (this.adminTeams.length) parts.push(`${k}.team_id = ANY(${p.add(this.adminTeams)}::text[])`);
    if (this.adminOrgs.length) {
      const orgs = p.add(this.adminOrgs);
      parts.push(
        `${k}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${orgs}::text[]))`,
        `${k}.team_id IN (SELECT team_id FROM "LiteLLM_DeletedTeamTable" WHERE organization_id = ANY(${orgs}::text[]))`,
      );
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** Team tombstones: admins all; organization admins those of their organizations. */
  deletedTeamScope(t: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    return this.adminOrgs.length ? `${t}.organization_id = ANY(${p.add(this.adminOrgs)}::text[])` : 'FALSE';
  }

  /**
   * What LiteLLM_ObjectPermissionTable grants the caller in one of its array columns (mcp_servers, agents,
   * vector_stores, mcp_toolsets): the object permissions of their user (not through a key bound to a team),
   * of the calling key, of their teams, of the teams of organizations they administer and of their
   * organizations. Each source is read by its primary key (or team_id); null when there is none.
   */
  private permitted(column: 'mcp_servers' | 'agents' | 'vector_stores' | 'mcp_toolsets', p: Params): string | null {
    const me = this.caller;
    const sources: string[] = [];
    if (me.userId && !me.boundTeamId) sources.push(`SELECT object_permission_id FROM "LiteLLM_UserTable" WHERE user_id = ${p.add(me.userId)}`);
    if (me.keyToken) sources.push(`SELECT object_permission_id FROM "LiteLLM_VerificationToken" WHERE token = ${p.add(me.keyToken)}`);
    if (this.memberTeams.length) sources.push(`SELECT object_permission_id FROM "LiteLLM_TeamTable" WHERE team_id = ANY(${p.add(this.memberTeams)}::text[])`);
    if (this.adminOrgs.length) sources.push(`SELECT object_permission_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[])`);
    if (this.memberOrgs.length) sources.push(`SELECT object_permission_id FROM "LiteLLM_OrganizationTable" WHERE organization_id = ANY(${p.add(this.memberOrgs)}::text[])`);
    if (!sources.length) return null;
    return `SELECT unnest(op.${column}) FROM "LiteLLM_ObjectPermissionTable" op WHERE op.object_permission_id IN (${sources.join(' UNION ALL ')})`;
  }

  /** Agents: admins and viewers all; others those their user, key, teams or organizations are given (object_permission.agents). */
  agentScope(a: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const granted = this.permitted('agents', p);
    return granted ? `${a}.agent_id IN (${granted})` : 'FALSE';
  }

  /**
   * MCP servers: admins and viewers all; others, of the approved ones, those open to every key (allow_all_keys)
   * and those their user, key, teams or organizations are given (object_permission.mcp_servers), as LiteLLM's
   * /v1/mcp/server lists them to a key.
   */
  mcpServerScope(s: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const granted = this.permitted('mcp_servers', p);
    const open = `${s}.allow_all_keys${granted ? ` OR ${s}.server_id IN (${granted})` : ''}`;
    return `(coalesce(${s}.approval_status, 'active') = 'active' AND (${open}))`;
  }

  /** MCP toolsets: admins and viewers all; others those given to them (object_permission.mcp_toolsets). */
  mcpToolsetScope(t: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const granted = this.permitted('mcp_toolsets', p);
    return granted ? `${t}.toolset_id IN (${granted})` : 'FALSE';
  }

  /**
   * Vector stores: admins and viewers all; others their own (user_id), their teams', those of teams of
   * organizations they administer, and those given to them (object_permission.vector_stores).
   */
  vectorStoreScope(v: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId && !me.boundTeamId) parts.push(`${v}.user_id = ${p.add(me.userId)}`);
    if (this.memberTeams.length) parts.push(`${v}.team_id = ANY(${p.add(this.memberTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${v}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`);
    const granted = this.permitted('vector_stores', p);
    if (granted) parts.push(`${v}.vector_store_id IN (${granted})`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** Guardrails: admins and viewers all; team admins and the admins of its organization a team's own guardrails (team_id). */
  guardrailScope(g: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const parts: string[] = [];
    if (this.adminTeams.length) parts.push(`${g}.team_id = ANY(${p.add(this.adminTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${g}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** A team's managed files: its members and the admins of its organization (as the team itself is seen). */
  managedFileScope(f: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const parts: string[] = [];
    if (this.memberTeams.length) parts.push(`${f}.team_id = ANY(${p.add(this.memberTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${f}.team_id IN (SELECT team_id FROM "LiteLLM_TeamTable" WHERE organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  organizationScope(o: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    return this.memberOrgs.length ? `${o}.organization_id = ANY(${p.add(this.memberOrgs)}::text[])` : 'FALSE';
  }
}

import { Params } from '../db/sql';
import { forbidden, unauthenticated } from '../graphql/errors';
import { Principal } from './principal';

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
    if (target.teamId && !teamAdmin && !me.teamRoles.has(target.teamId)) throw forbidden(`You are not a member of team ${target.teamId}`);
    if (!target.teamId && target.organizationId && !this.memberOrgs.includes(target.organizationId))
      throw forbidden(`You are not a member of organization ${target.organizationId}`);
  }

  /** Update, delete, regenerate, block: admins, the key's owner, its team's admins, its organization's admins. */
  assertCanManageKey(key: { token: string; userId: string | null; teamId: string | null }, teamOrganizationId: string | null, action: string): void {
    this.requireWrite(action);
    if (this.isAdmin) return;
    const me = this.caller;
    if (me.userId && key.userId === me.userId) return;
    if (this.managesTeam(key.teamId, teamOrganizationId)) return;
    throw forbidden(`You are not authorized to ${action} this key`);
  }

  /** Spend resets: admins and the admins of the key's team or organization, not the owner. */
  assertCanResetKeySpend(key: { teamId: string | null }, teamOrganizationId: string | null): void {
    this.requireWrite('reset key spend');
    if (this.isAdmin || this.managesTeam(key.teamId, teamOrganizationId)) return;
    throw forbidden("Only proxy admins and the key's team admins may reset its spend");
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
    if (me.userId) parts.push(`${k}.user_id = ${p.add(me.userId)}`);
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
    if (this.adminOrgs.length)
      parts.push(
        `EXISTS (SELECT 1 FROM "LiteLLM_OrganizationMembership" sm WHERE sm.user_id = ${u}.user_id AND sm.organization_id = ANY(${p.add(this.adminOrgs)}::text[]))`,
      );
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  /** SpendLogs rows: admins all; others their own requests and those of teams and organizations they administer. */
  spendLogScope(l: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    const me = this.caller;
    const parts: string[] = [];
    if (me.userId) parts.push(`${l}."user" = ${p.add(me.userId)}`);
    if (me.keyToken) parts.push(`${l}.api_key = ${p.add(me.keyToken)}`);
    if (this.adminTeams.length) parts.push(`${l}.team_id = ANY(${p.add(this.adminTeams)}::text[])`);
    if (this.adminOrgs.length) parts.push(`${l}.organization_id = ANY(${p.add(this.adminOrgs)}::text[])`);
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  organizationScope(o: string, p: Params): string {
    if (this.readsEverything) return 'TRUE';
    return this.memberOrgs.length ? `${o}.organization_id = ANY(${p.add(this.memberOrgs)}::text[])` : 'FALSE';
  }
}

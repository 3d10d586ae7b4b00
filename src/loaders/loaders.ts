import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource } from 'typeorm';
import { Budget, DailyGuardrailMetrics, DailyPolicyMetrics, DeletedTeam, DeletedVirtualKey, EndUser, ManagedFile, ObjectPermission, Organization, OrganizationMember, PolicyAttachment, Project, Prompt, Team, TeamMembership, User, VirtualKey } from '../../entities';
import { modelAliasesLoader } from '../reads/access';
import { Policy } from '../auth/policy';
import { HeavyReads } from '../db/heavy';
import { table } from '../db/rows';
import { neededProperties } from '../graphql/selection';
import { and, childrenLoaders, Page, PageArgs } from '../paging';
import { byColumn } from '../reads/by-column';
import { latestTombstones } from '../reads/history';
import { memberJoins, teamMemberPages, TeamRef } from '../reads/members';
import { MANAGED_FILE_ORDER, ORGANIZATION_MEMBER_ORDER } from '../reads/orders';
import { attachmentsOfPolicies, guardrailMetrics, policyMetrics, versionsOfPrompts } from '../reads/proxy-config';
import { keysOf } from '../reads/keys';
import { teamsOfOrganization } from '../reads/teams';
import { TeamMemberEntry } from '../services/members';
import { Params } from '../db/sql';
import { memberUsageLoader, UsageEntity, usageLoader } from './usage';



/**
 * Per-request DataLoaders, built in the context factory: every relation is read through one of these,
 * so a nested list costs one statement per level. Scoped entities carry the caller's scope in SQL.
 */
export class Loaders {
  private readonly memo = new Map<string, unknown>();
  private selection?: Map<string, Set<string>>;

  constructor(
    private ds: DataSource,
    private readonly policy: Policy,
    private heavy: HeavyReads,
  ) {}

  /** Where this request reads from (the read replica or the primary), chosen before any loader runs. */
  useSource(ds: DataSource): void {
    if (ds === this.ds) return;
    this.ds = ds;
    this.memo.clear();
  }

  /** The semaphore the usage loaders run under from now on (a request already refused a slot). */
  useHeavy(heavy: HeavyReads): void {
    this.heavy = heavy;
  }

  /** The fields the operation selects, by type: loaders then read only the columns they need. */
  useSelection(selection: Map<string, Set<string>>): void {
    this.selection = selection;
  }

  /** The fields the operation selects of a GraphQL type (undefined: not known, so all). */
  fieldsOf(typeName: string): ReadonlySet<string> | undefined {
    return this.selection ? (this.selection.get(typeName) ?? new Set()) : undefined;
  }

  /** Entity properties the operation needs of an entity that is also a GraphQL type (undefined: all). */
  wanted(entity: { name: string }): ReadonlySet<string> | undefined {
    return this.selection ? neededProperties(this.selection, entity.name) : undefined;
  }

  private once<T>(name: string, make: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, make());
    return this.memo.get(name) as T;
  }

  get organization() {
    return this.once('organization', () => byColumn(this.ds, Organization, 'organization_id', (a, p) => this.policy.organizationScope(a, p), this.wanted(Organization)));
  }

  get team() {
    return this.once('team', () => byColumn(this.ds, Team, 'team_id', (a, p) => this.policy.teamScope(a, p), this.wanted(Team)));
  }

  get user() {
    return this.once('user', () => byColumn(this.ds, User, 'user_id', (a, p) => this.policy.userScope(a, p), this.wanted(User)));
  }

  get key() {
    return this.once('key', () => byColumn(this.ds, VirtualKey, 'token', (a, p) => this.policy.keyScope(a, p), this.wanted(VirtualKey)));
  }

  get budget() {
    return this.once('budget', () => byColumn(this.ds, Budget, 'budget_id', (a, p) => this.policy.budgetScope(a, p), this.wanted(Budget)));
  }

  /** Projects by project_id (primary key), within the caller's project scope. */
  get project() {
    return this.once('project', () => byColumn(this.ds, Project, 'project_id', (a, p) => this.policy.projectScope(a, p), this.wanted(Project)));
  }

  /** Permission sets by object_permission_id (primary key): seen by whoever sees the row that points to it. */
  get objectPermission() {
    return this.once('objectPermission', () => byColumn(this.ds, ObjectPermission, 'object_permission_id', undefined, this.wanted(ObjectPermission)));
  }

  /** A team's model aliases map, by TeamTable.model_id. */
  get modelAliases() {
    return this.once('modelAliases', () => modelAliasesLoader(this.ds));
  }

  /** The latest tombstone of a key, by token. */
  get deletedKey() {
    return this.once('deletedKey', () => latestTombstones<DeletedVirtualKey>(this.ds, DeletedVirtualKey, 'token', (a, p) => this.policy.deletedKeyScope(a, p), this.wanted({ name: 'DeletedKey' })));
  }

  /** The latest tombstone of a team, by team_id. */
  get deletedTeam() {
    return this.once('deletedTeam', () => latestTombstones<DeletedTeam>(this.ds, DeletedTeam, 'team_id', (a, p) => this.policy.deletedTeamScope(a, p), this.wanted({ name: 'DeletedTeam' })));
  }

  get endUser() {
    return this.once('endUser', () => byColumn(this.ds, EndUser, 'user_id', undefined, this.wanted(EndUser)));
  }

  /** TeamMembership has only its (user_id, team_id) primary key: look rows up by pairs. */
  get teamMembership() {
    return this.once('teamMembership', () =>
      new DataLoader<{ userId: string; teamId: string }, TeamMembership | null, string>(
        tracedBatch('TeamMembership by (user_id, team_id)', async (pairs) => {
          const found = await this.membershipRows(pairs);
          return pairs.map((k) => found.get(`${k.userId}\u0000${k.teamId}`) ?? null);
        }),
        { cacheKeyFn: (k) => `${k.userId}\u0000${k.teamId}` },
      ),
    );
  }

  /** TeamMembership rows by (user_id, team_id) pairs, keyed `user\u0000team`. */
  private async membershipRows(pairs: readonly { userId: string | null; teamId: string }[]): Promise<Map<string, TeamMembership>> {
    const t = table(this.ds, TeamMembership);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${t.select('x')} FROM ${t.table} x
        WHERE (x.user_id, x.team_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [pairs.map((k) => k.userId), pairs.map((k) => k.teamId)],
    );
    return new Map(rows.map((r) => [`${r.user_id}\u0000${r.team_id}`, t.hydrate(r)]));
  }

  /** A user's organization memberships (OrganizationMembership's primary key starts with user_id). */
  get membershipsOfUser() {
    return this.once('membershipsOfUser', () => {
      const t = table(this.ds, OrganizationMember);
      return new DataLoader<string, OrganizationMember[]>(tracedBatch('OrganizationMember by user_id', async (users) => {
        const p = new Params([users]);
        const rows: Record<string, unknown>[] = await this.ds.query(
          `SELECT ${t.select('x', this.wanted(OrganizationMember))} FROM ${t.table} x
            WHERE ${and(['x.user_id = ANY($1::text[])', this.policy.organizationScope('x', p)])} ORDER BY x.organization_id`,
          p.values,
        );
        return users.map((u) => rows.filter((r) => r.user_id === u).map(t.hydrate));
      }));
    });
  }

  usage(kind: UsageEntity, from: string, to: string) {
    // a tag's rows are everyone's: a caller who is not an admin sums only its own keys' (LiteLLM's /tag/daily/activity)
    const scope = kind === 'tag' && !this.policy.readsEverything ? (a: string, p: Params) => this.policy.tagSpendScope(a, p) : undefined;
    return this.once(`usage:${kind}:${from}:${to}`, () => usageLoader(this.ds, this.heavy, kind, from, to, scope));
  }

  memberUsage(from: string, to: string) {
    return this.once(`memberUsage:${from}:${to}`, () => memberUsageLoader(this.ds, this.heavy, from, to));
  }

  private children<T>(name: string, args: PageArgs, make: () => T): T {
    return this.once(`${name}:${args.first ?? ''}:${args.after ?? ''}:${args.last ?? ''}:${args.before ?? ''}`, make);
  }

  teamsOfOrganization(args: PageArgs) {
    return this.children('teamsOfOrganization', args, () =>
      childrenLoaders(this.ds, { ...teamsOfOrganization(this.policy), fields: this.wanted(Team) }, args),
    );
  }

  /** A page of members per team, with what the operation selects of each member, one statement per level. */
  membersOfTeams(args: PageArgs) {
    return this.children('membersOfTeams', args, () => {
      const joins = memberJoins(this.fieldsOf('TeamMember'), this.wanted(User));
      return new DataLoader<TeamRef, Page<TeamMemberEntry>, string>(tracedBatch('members of teams', (teams) => teamMemberPages(this.ds, this.policy, teams, args, joins)), { cacheKeyFn: (t) => t.id });
    });
  }

  keysOfTeam(args: PageArgs) {
    return this.children('keysOfTeam', args, () =>
      childrenLoaders(this.ds, { ...keysOf(this.policy, 'team_id'), fields: this.wanted(VirtualKey) }, args),
    );
  }

  keysOfUser(args: PageArgs) {
    return this.children('keysOfUser', args, () =>
      childrenLoaders(this.ds, { ...keysOf(this.policy, 'user_id'), fields: this.wanted(VirtualKey) }, args),
    );
  }

  // LiteLLM has no index on VerificationToken.organization_id: this list reads the table (documented).
  keysOfOrganization(args: PageArgs) {
    return this.children('keysOfOrganization', args, () =>
      childrenLoaders(this.ds, { ...keysOf(this.policy, 'organization_id'), fields: this.wanted(VirtualKey) }, args),
    );
  }

  membersOfOrganization(args: PageArgs) {
    return this.children('membersOfOrganization', args, () =>
      childrenLoaders(this.ds, { entity: OrganizationMember, parentColumn: 'organization_id', order: ORGANIZATION_MEMBER_ORDER, fields: this.wanted(OrganizationMember) }, args),
    );
  }

  /** A page of managed files per team, newest first, on LiteLLM's (team_id, created_at DESC) index. */
  managedFilesOfTeam(args: PageArgs) {
    return this.children('managedFilesOfTeam', args, () =>
      childrenLoaders(this.ds, { entity: ManagedFile, parentColumn: 'team_id', order: MANAGED_FILE_ORDER, scope: (a, p) => this.policy.managedFileScope(a, p), fields: this.wanted(ManagedFile) }, args),
    );
  }

  get policyAttachments() {
    return this.once('policyAttachments', () => attachmentsOfPolicies(this.ds, this.wanted(PolicyAttachment)));
  }

  get promptVersions() {
    return this.once('promptVersions', () => versionsOfPrompts(this.ds, this.wanted(Prompt)));
  }

  guardrailMetrics(from: string, to: string) {
    return this.once(`guardrailMetrics:${from}:${to}`, () => guardrailMetrics(this.ds, this.heavy, from, to, this.wanted(DailyGuardrailMetrics)));
  }

  policyMetrics(from: string, to: string) {
    return this.once(`policyMetrics:${from}:${to}`, () => policyMetrics(this.ds, this.heavy, from, to, this.wanted(DailyPolicyMetrics)));
  }
}

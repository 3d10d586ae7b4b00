import { Arg, Args, ClassType, Ctx, Extensions, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agent, AuditLogEntry, EndUser, ErrorLog, Organization, SpendLog, Tag, Team, User, VirtualKey } from '../entities';
import { Connection, connection, pageInfo, PageInfo } from '../src/graphql/connection';
import { Policy } from '../src/auth/policy';
import { Context } from '../src/graphql/context';
import { reads } from '../src/graphql/selection';
import { badInput, forbidden } from '../src/graphql/errors';
import { windowCost } from '../src/graphql/limits';
import { DateScalar } from '../src/graphql/scalars';
import { Loaders } from '../src/loaders/loaders';
import { UsageSums, ZERO } from '../src/loaders/usage';
import { auditLogList, errorLogList, spendLogById, spendLogList } from '../src/reads/spend';
import { checkWindow } from '../src/services/date-window';
import { Dimension, Report, ReportRow, spendReport } from '../src/services/spend-report';
import { PageArgs } from './inputs/page.input';
import { AuditLogFilter, ErrorLogFilter, SpendLogFilter, SpendReportInput } from './inputs/spend.input';
import { TeamMember } from './types/team-member.type';
import { Usage } from './types/usage.type';

const SpendLogConnection = Connection(SpendLog, 'SpendLog');
const ErrorLogConnection = Connection(ErrorLog, 'ErrorLog');
const AuditLogConnection = Connection(AuditLogEntry, 'AuditLogEntry');

const DAY_MS = 86400000;

// Complexity per day of a window: a usage field sums its parents' daily rows (a year of one entity costs
// 13, about one scalar field per month), a report groups a whole daily table's rows of each day.
const USAGE_COST_PER_DAY = 1 / 30;
const REPORT_COST_PER_DAY = 100;

const usage = (u: UsageSums) => Object.assign(new Usage(), u);

@ObjectType('SpendReportRow', { description: 'One group of a spend report: the dimensions asked for, and its usage' })
export class SpendReportRow extends Usage {
  @Field(() => DateScalar, { nullable: true, description: 'Day of this group (DAY); null unless grouped by DAY' })
  day: string | null;

  @Field(() => String, { nullable: true, description: 'Model as called (MODEL); null unless grouped by MODEL' })
  model: string | null;

  @Field(() => String, { nullable: true, description: 'Public model name (MODEL_GROUP); null unless grouped by MODEL_GROUP' })
  modelGroup: string | null;

  @Field(() => String, { nullable: true, description: 'Provider, e.g. openai (PROVIDER); null unless grouped by PROVIDER' })
  provider: string | null;

  @Field(() => String, { nullable: true, description: 'the key hash (also for deleted keys, whose key is null)' })
  apiKey: string | null;

  @Field(() => String, { nullable: true, description: 'Request tag (TAG); null unless grouped by TAG' })
  tag: string | null;

  userId: string | null;
  teamId: string | null;
  organizationId: string | null;
  endUserId: string | null;
}

@ObjectType('SpendReport', { description: 'One page of a spend report: groups ordered by spend, the rollup table read, and totals' })
export class SpendReport {
  @Field(() => [SpendReportRow], { description: 'The groups of this page, highest spend first' })
  rows: SpendReportRow[];

  @Field(() => PageInfo, { description: 'Paging through the groups: pass endCursor as input.after for the next page' })
  get pageInfo(): PageInfo {
    return pageInfo(this.report.page);
  }

  @Field({ description: 'the LiteLLM daily table the report read' })
  source: string;

  report: Report;

  @Field(() => Usage, { description: 'over all groups, not only this page (one more statement, only when selected)' })
  async totals(): Promise<Usage> {
    return usage(await this.report.totals());
  }
}

function reportRow(r: ReportRow): SpendReportRow {
  const g = r.groups;
  const row = new SpendReportRow();
  row.day = g.DAY ?? null;
  row.model = g.MODEL ?? null;
  row.modelGroup = g.MODEL_GROUP ?? null;
  row.provider = g.PROVIDER ?? null;
  row.apiKey = g.KEY ?? null;
  row.tag = g.TAG ?? null;
  row.userId = g.USER ?? null;
  row.teamId = g.TEAM ?? null;
  row.organizationId = g.ORGANIZATION ?? null;
  row.endUserId = g.END_USER ?? null;
  row.spend = r.spend;
  row.promptTokens = r.promptTokens;
  row.completionTokens = r.completionTokens;
  row.totalTokens = r.totalTokens;
  row.requests = r.requests;
  row.successfulRequests = r.successfulRequests;
  row.failedRequests = r.failedRequests;
  return row;
}

@Resolver(() => SpendReportRow)
export class SpendReportRowResolver {
  @FieldResolver(() => VirtualKey, { nullable: true, description: "The group's key (KEY); null unless grouped by KEY, or when the key was deleted or is not visible" })
  key(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.apiKey ? loaders.key.load(r.apiKey) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The group's user (USER); null unless grouped by USER or when the caller may not see them" })
  user(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.userId ? loaders.user.load(r.userId) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The group's team (TEAM); null unless grouped by TEAM or when the caller may not see it" })
  team(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.teamId ? loaders.team.load(r.teamId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The group's organization (ORGANIZATION); null unless grouped by ORGANIZATION or when not visible" })
  organization(@Root() r: SpendReportRow, @Ctx() { loaders }: Context) {
    return r.organizationId ? loaders.organization.load(r.organizationId) : null;
  }

  @FieldResolver(() => EndUser, { nullable: true, description: "The group's customer (END_USER); null unless grouped by END_USER, and for callers who are not admins" })
  endUser(@Root() r: SpendReportRow, @Ctx() { loaders, policy }: Context) {
    return r.endUserId && policy.readsEverything ? loaders.endUser.load(r.endUserId) : null;
  }
}

/** general_settings.disable_spend_logs: LiteLLM writes no spend logs, so none are read either. */
function spendLogsEnabled(config: Context['config']): void {
  if (config.disableSpendLogs) throw forbidden('Spend logs are disabled on this proxy (general_settings.disable_spend_logs); usage and spendReport still work');
}

@Resolver()
export class SpendQueryResolver {
  @Query(() => SpendReport, { description: 'Spend grouped by dimensions, from the LiteLLM_Daily*Spend rollups (never a SpendLogs scan); the window spans at most USAGE_MAX_WINDOW_DAYS' })
  @Extensions(windowCost({ at: 'input', perDay: REPORT_COST_PER_DAY }))
  async spendReport(@Arg('input', () => SpendReportInput, { description: 'Date window, dimensions, filter and paging of the report' }) input: SpendReportInput, @Ctx() { ds, heavy, policy, config, loaders }: Context) {
    const report = await spendReport(ds, heavy, policy, { ...input, groupBy: input.groupBy as Dimension[] }, config.limits.usageMaxWindowDays, loaders.fieldsOf('SpendReportRow'));
    return Object.assign(new SpendReport(), {
      report,
      source: report.table,
      rows: report.page.nodes.map(reportRow),
    });
  }

  @Query(() => SpendLogConnection, { description: 'LiteLLM_SpendLogs in a required startTime window, newest first' })
  async spendLogs(@Args() args: PageArgs, @Arg('filter', () => SpendLogFilter, { description: 'The required startTime window and optional narrowing' }) filter: SpendLogFilter, @Ctx() { ds, heavy, policy, config, loaders }: Context) {
    spendLogsEnabled(config);
    const span = filter.to.getTime() - filter.from.getTime();
    if (span < 0) throw badInput('filter.to', 'is before filter.from');
    if (span > config.spendLogsMaxWindowDays * DAY_MS) throw badInput('filter', `the window may span at most ${config.spendLogsMaxWindowDays} days (SPEND_LOGS_MAX_WINDOW_DAYS)`);
    const { page, count } = await heavy.run(() => spendLogList(ds, policy, loaders.wanted(SpendLog), args, filter));
    return connection(SpendLogConnection, page, count);
  }

  @Query(() => SpendLog, { nullable: true, description: 'One request of LiteLLM_SpendLogs by its request_id (the primary key: no window needed); null when none has it or the caller may not see it' })
  spendLog(@Arg('requestId', () => ID, { description: 'The request_id LiteLLM logged' }) requestId: string, @Ctx() { ds, policy, config, loaders }: Context) {
    spendLogsEnabled(config);
    return spendLogById(ds, policy, loaders.wanted(SpendLog), requestId);
  }

  @Query(() => ErrorLogConnection, { description: 'LiteLLM_ErrorLogs, newest first (LiteLLM indexes only request_id here)' })
  async errorLogs(@Args() args: PageArgs, @Arg('filter', () => ErrorLogFilter, { nullable: true, description: 'Optional time window and narrowing' }) filter: ErrorLogFilter | null, @Ctx() { ds, heavy, policy, config, loaders }: Context) {
    policy.requireReadAll('error logs');
    if (config.disableErrorLogs) throw forbidden('Error logs are disabled on this proxy (general_settings.disable_error_logs)');
    const { page, count } = await heavy.run(() => errorLogList(ds, loaders.wanted(ErrorLog), args, filter));
    return connection(ErrorLogConnection, page, count);
  }

  @Query(() => AuditLogConnection, { description: 'LiteLLM_AuditLog, newest first' })
  async auditLogs(@Args() args: PageArgs, @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Optional time window and narrowing' }) filter: AuditLogFilter | null, @Ctx() { ds, heavy, policy, loaders }: Context) {
    policy.requireReadAll('audit logs');
    const { page, count } = await heavy.run(() => auditLogList(ds, loaders.wanted(AuditLogEntry), args, filter));
    return connection(AuditLogConnection, page, count);
  }
}

@Resolver(() => SpendLog)
export class SpendLogResolver {
  @FieldResolver(() => VirtualKey, { nullable: true, description: 'null for deleted keys and the master key' })
  @Extensions(reads('apiKey'))
  key(@Root() l: SpendLog, @Ctx() { loaders }: Context) {
    return l.apiKey ? loaders.key.load(l.apiKey) : null;
  }

  @FieldResolver(() => Team, { nullable: true, description: "The key's team; null when none or the caller may not see it" })
  @Extensions(reads('teamId'))
  team(@Root() l: SpendLog, @Ctx() { loaders }: Context) {
    return l.teamId ? loaders.team.load(l.teamId) : null;
  }
}

/** usage(from, to) on a type: one statement per level through the usage loaders. */
function usageResolver<T extends object>(
  type: ClassType<T>,
  usageOf: (root: T, loaders: Loaders, from: string, to: string, policy: Policy) => Promise<UsageSums | null>,
  description?: string,
  nullable = false,
) {
  @Resolver(() => type)
  class UsageResolver {
    @FieldResolver(() => Usage, { nullable, description: `${description ?? 'LiteLLM_Daily*Spend rows of [from, to], summed'}; the window spans at most USAGE_MAX_WINDOW_DAYS` })
    @Extensions(windowCost({ at: 'arguments', perDay: USAGE_COST_PER_DAY }))
    async usage(@Root() root: T, @Arg('from', () => DateScalar, { description: 'First day of the window (YYYY-MM-DD, UTC)' }) from: string, @Arg('to', () => DateScalar, { description: 'Last day of the window, inclusive (YYYY-MM-DD, UTC)' }) to: string, @Ctx() { loaders, config, policy }: Context) {
      checkWindow(from, to, config.limits.usageMaxWindowDays);
      const sums = await usageOf(root, loaders, from, to, policy);
      return sums && usage(sums);
    }
  }
  return UsageResolver;
}

export const USAGE_RESOLVERS = [
  usageResolver(Organization, (o, l, from, to) => l.usage('organization', from, to).load(o.id)),
  usageResolver(Team, (t, l, from, to) => l.usage('team', from, to).load(t.id)),
  usageResolver(User, (u, l, from, to) => l.usage('user', from, to).load(u.id)),
  usageResolver(EndUser, (e, l, from, to) => l.usage('endUser', from, to).load(e.id)),
  usageResolver(VirtualKey, (k, l, from, to) => l.usage('key', from, to).load(k.token)),
  usageResolver(Tag, (t, l, from, to) => l.usage('tag', from, to).load(t.tagName), "LiteLLM_DailyTagSpend rows of the tag in [from, to], summed: every key's for proxy admins and admin viewers, the caller's own keys' for others"),
  usageResolver(
    TeamMember,
    async (m, l, from, to, policy) => {
      if (!policy.canSeeMemberSpend(m.teamId, m.teamOrganizationId, m.userId)) return null;
      return m.userId ? l.memberUsage(from, to).load({ userId: m.userId, teamId: m.teamId }) : ZERO;
    },
    "the user's spend through their keys in the team (deleted keys included); null unless the caller is this member or an admin of the team or its organization",
    true,
  ),
  usageResolver(
    Agent,
    (a, l, from, to, policy) => (policy.readsEverything ? l.usage('agent', from, to).load(a.agentId) : Promise.resolve(null)),
    "LiteLLM_DailyAgentSpend rows of [from, to], summed (every caller's spend through the agent); null unless the caller is a proxy admin or admin viewer",
    true,
  ),
];

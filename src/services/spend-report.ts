import { DataSource } from 'typeorm';
import { Policy } from '../auth/policy';
import { HeavyReads } from '../db/heavy';
import { Params } from '../db/sql';
import { badInput } from '../graphql/errors';
import { toUsage, USAGE_SUMS, usageSums, UsageSums } from '../loaders/usage';
import { offsetPage, offsetWindow, OffsetWindow, Page } from '../paging';
import { safeIntText } from '../reads/json';
import { checkWindow } from './date-window';
import { tokenFromInput } from './key-format';

export type Dimension = 'DAY' | 'MODEL' | 'MODEL_GROUP' | 'PROVIDER' | 'KEY' | 'USER' | 'TEAM' | 'ORGANIZATION' | 'END_USER' | 'TAG';

const COLUMN: Record<Dimension, string> = {
  DAY: 'date',
  MODEL: 'model',
  MODEL_GROUP: 'model_group',
  PROVIDER: 'custom_llm_provider',
  KEY: 'api_key',
  USER: 'user_id',
  TEAM: 'team_id',
  ORGANIZATION: 'organization_id',
  END_USER: 'end_user_id',
  TAG: 'tag',
};

// Each LiteLLM daily table rolls spend up by one entity; the others are not in it.
const ENTITY_TABLE: Partial<Record<Dimension, string>> = {
  END_USER: 'LiteLLM_DailyEndUserSpend',
  TAG: 'LiteLLM_DailyTagSpend',
  TEAM: 'LiteLLM_DailyTeamSpend',
  ORGANIZATION: 'LiteLLM_DailyOrganizationSpend',
  USER: 'LiteLLM_DailyUserSpend',
};

export interface ReportFilter {
  keys?: string[] | null;
  users?: string[] | null;
  teams?: string[] | null;
  organizations?: string[] | null;
  endUsers?: string[] | null;
  tags?: string[] | null;
  models?: string[] | null;
  modelGroups?: string[] | null;
  providers?: string[] | null;
}

const FILTER_DIMENSION: Record<keyof ReportFilter, Dimension> = {
  keys: 'KEY',
  users: 'USER',
  teams: 'TEAM',
  organizations: 'ORGANIZATION',
  endUsers: 'END_USER',
  tags: 'TAG',
  models: 'MODEL',
  modelGroups: 'MODEL_GROUP',
  providers: 'PROVIDER',
};

export interface ReportInput {
  from: string;
  to: string;
  groupBy: Dimension[];
  filter?: ReportFilter | null;
  first?: number | null;
  after?: string | null;
}

export interface ReportRow extends UsageSums {
  groups: Partial<Record<Dimension, string | null>>;
}

export interface Report {
  page: Page<ReportRow>;
  totals: () => Promise<UsageSums>;
  table: string;
}

/** A report's validated input: the table it reads, its groups, its page and its conditions. */
export interface ReportPlan {
  table: string;
  dims: [Dimension, string][];
  slice: OffsetWindow;
  where: (p: Params) => string;
}

/** Checks a report's input and plans its read; a bad input throws BAD_USER_INPUT before any SQL. */
export function planReport(policy: Policy, input: ReportInput, maxWindowDays: number): ReportPlan {
  checkWindow(input.from, input.to, maxWindowDays);
  if (!input.groupBy.length) throw badInput('groupBy', 'name at least one dimension');
  if (new Set(input.groupBy).size !== input.groupBy.length) throw badInput('groupBy', 'names a dimension twice');
  if (input.groupBy.length > 5) throw badInput('groupBy', 'at most 5 dimensions');
  const slice = offsetWindow({ first: input.first ?? 100, after: input.after }, 1000);
  const filter = input.filter ?? {};
  const filtered = (Object.keys(FILTER_DIMENSION) as (keyof ReportFilter)[]).filter((k) => filter[k]?.length);
  for (const k of filtered) if (filter[k]!.length > 1000) throw badInput(`filter.${k}`, 'at most 1000 values');

  const entities = [...new Set([...input.groupBy, ...filtered.map((k) => FILTER_DIMENSION[k])])].filter((d) => ENTITY_TABLE[d]);
  if (entities.length > 1)
    throw badInput('groupBy', `LiteLLM keeps no daily rollup by both ${entities.join(' and ')}: group or filter by one of USER, TEAM, ORGANIZATION, END_USER, TAG at a time (KEY, MODEL, MODEL_GROUP, PROVIDER and DAY combine with any)`);
  const table = entities.length ? ENTITY_TABLE[entities[0]]! : 'LiteLLM_DailyUserSpend';

  const where = (p: Params) => {
    const w = [`d.date >= ${p.add(input.from)}`, `d.date <= ${p.add(input.to)}`];
    for (const k of filtered) {
      const values = k === 'keys' ? filter.keys!.map(tokenFromInput) : filter[k]!;
      w.push(`d."${COLUMN[FILTER_DIMENSION[k]]}" = ANY(${p.add(values)}::text[])`);
    }
    if (!policy.readsEverything) w.push(`d.api_key IN (SELECT k.token FROM "LiteLLM_VerificationToken" k WHERE ${policy.keyScope('k', p)})`);
    return w.join(' AND ');
  };
  return { table, dims: input.groupBy.map((g, i) => [g, `g${i}`]), slice, where };
}

/** The groups of a report's page (at most `limit`), with their sums. */
function reportRows(plan: ReportPlan, p: Params, sums: string, limit: number): string {
  const cols = plan.dims.map(([g]) => `d."${COLUMN[g]}"`);
  const order = `spend DESC, ${cols.map((c) => `${c} ASC NULLS FIRST`).join(', ')}`;
  return `SELECT ${cols.map((c, i) => `${c} AS g${i}`).join(', ')}, ${sums}
         FROM "${plan.table}" d WHERE ${plan.where(p)}
        GROUP BY ${cols.join(', ')}
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${p.add(plan.slice.offset)}`;
}

const REPORT_DIMENSION_FIELDS: Record<string, Dimension> = { day: 'DAY', model: 'MODEL', modelGroup: 'MODEL_GROUP', provider: 'PROVIDER', apiKey: 'KEY', tag: 'TAG' };
const REPORT_SUM_FIELDS: Record<string, (r: string) => string> = {
  promptTokens: (r) => `${r}.prompt_tokens`,
  completionTokens: (r) => `${r}.completion_tokens`,
  totalTokens: (r) => `(${r}.prompt_tokens + ${r}.completion_tokens)`,
  requests: (r) => `${r}.requests`,
  successfulRequests: (r) => `${r}.successful_requests`,
  failedRequests: (r) => `${r}.failed_requests`,
};

/** Whether a report row's field is one of its values (a group or a sum), which a JSON read can write. */
export const isReportValue = (field: string) => field === 'spend' || field in REPORT_DIMENSION_FIELDS || field in REPORT_SUM_FIELDS;

/**
 * A report page's rows as JSON text (JSON reads), each row an object of the selected [key, field] pairs (a
 * field is a value, or __typename: `typename`). Built by concatenation: cheaper in PostgreSQL than
 * json_build_object per row, and compact. A non-finite spend comes out as a bare NaN or Infinity, which
 * the caller checks for; an int8 sum beyond 2^53 fails the statement, and the resolvers' SafeInt field
 * reports it.
 */
export function reportRowsJson(plan: ReportPlan, p: Params, selected: [string, string][], typename: string): string {
  const value = (field: string): string => {
    if (field === '__typename') return `'"${typename}"'`;
    if (field === 'spend') return 'r.spend::text';
    const dimension = REPORT_DIMENSION_FIELDS[field];
    if (dimension) {
      const group = plan.dims.find(([g]) => g === dimension);
      return group ? `coalesce(to_json(r.${group[1]})::text, 'null')` : `'null'`;
    }
    const sum = REPORT_SUM_FIELDS[field](`r`);
    return safeIntText(sum);
  };
  const object = `'{' || ${selected.map(([key, field], i) => `'${i ? ',' : ''}"${key}":' || ${value(field)}`).join(' || ')} || '}'`;
  const order = ['r.spend DESC', ...plan.dims.map(([, column]) => `r.${column} ASC NULLS FIRST`)].join(', ');
  const fields = new Set(selected.map(([, field]) => field));
  return `(SELECT '[' || coalesce(string_agg(${object}, ',' ORDER BY ${order}), '') || ']' FROM (${reportRows(plan, p, usageSums(fields), plan.slice.size)}) r)`;
}

/**
 * Spend grouped by any dimensions over a date window, always from the daily rollups (summed: rows
 * repeat per day), never from SpendLogs. Groups are ordered by spend and paged by position.
 */
export async function spendReport(ds: DataSource, heavy: HeavyReads, policy: Policy, input: ReportInput, maxWindowDays: number, fields?: ReadonlySet<string>): Promise<Report> {
  const plan = planReport(policy, input, maxWindowDays);
  const p = new Params();
  const rows: Record<string, unknown>[] = await heavy.run(() => ds.query(reportRows(plan, p, usageSums(fields), plan.slice.size + 1), p.values));
  const groups = rows.map((r) => {
    const row = toUsage(r) as ReportRow;
    row.groups = {};
    for (const [g, column] of plan.dims) row.groups[g] = (r[column] as string | null) ?? null;
    return row;
  });
  return {
    page: offsetPage(groups, plan.slice),
    table: plan.table,
    totals: async () => {
      const tp = new Params();
      const [r] = await heavy.run(() => ds.query(`SELECT ${USAGE_SUMS} FROM "${plan.table}" d WHERE ${plan.where(tp)}`, tp.values));
      return toUsage(r);
    },
  };
}

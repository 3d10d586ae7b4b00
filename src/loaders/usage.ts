import DataLoader from 'dataloader';
import { tracedBatch } from '../tracing';
import { DataSource } from 'typeorm';
import { requireTable } from '../db/availability';
import { HeavyReads } from '../db/heavy';
import { Params } from '../db/sql';
import { Scope } from '../paging';

export interface UsageSums {
  spend: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  requests: number;
  successfulRequests: number;
  failedRequests: number;
}

export const ZERO: UsageSums = { spend: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, requests: 0, successfulRequests: 0, failedRequests: 0 };

/** The metric columns of a daily table, summed: rows may repeat per day and combination. */
export const USAGE_SUMS = `coalesce(sum(d.spend), 0)::float8 AS spend,
  coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens, coalesce(sum(d.completion_tokens), 0) AS completion_tokens,
  coalesce(sum(d.api_requests), 0) AS requests, coalesce(sum(d.successful_requests), 0) AS successful_requests,
  coalesce(sum(d.failed_requests), 0) AS failed_requests`;

const SUM_OF: [string, string, string[]][] = [
  ['prompt_tokens', 'coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens', ['promptTokens', 'totalTokens']],
  ['completion_tokens', 'coalesce(sum(d.completion_tokens), 0) AS completion_tokens', ['completionTokens', 'totalTokens']],
  ['requests', 'coalesce(sum(d.api_requests), 0) AS requests', ['requests']],
  ['successful_requests', 'coalesce(sum(d.successful_requests), 0) AS successful_requests', ['successfulRequests']],
  ['failed_requests', 'coalesce(sum(d.failed_requests), 0) AS failed_requests', ['failedRequests']],
];

/** USAGE_SUMS for only the Usage fields selected (spend always: reports order by it); every sum without a selection. */
export function usageSums(fields?: ReadonlySet<string>): string {
  if (!fields) return USAGE_SUMS;
  return ['coalesce(sum(d.spend), 0)::float8 AS spend', ...SUM_OF.filter(([, , needed]) => needed.some((f) => fields.has(f))).map(([, sql]) => sql)].join(', ');
}

export function toUsage(r: Record<string, unknown> | undefined): UsageSums {
  if (!r) return { ...ZERO };
  const n = (v: unknown) => Number(v ?? 0);
  return {
    spend: n(r.spend),
    promptTokens: n(r.prompt_tokens),
    completionTokens: n(r.completion_tokens),
    totalTokens: n(r.prompt_tokens) + n(r.completion_tokens),
    requests: n(r.requests),
    successfulRequests: n(r.successful_requests),
    failedRequests: n(r.failed_requests),
  };
}

export const USAGE_SOURCES = {
  organization: { table: 'LiteLLM_DailyOrganizationSpend', column: 'organization_id' },
  team: { table: 'LiteLLM_DailyTeamSpend', column: 'team_id' },
  user: { table: 'LiteLLM_DailyUserSpend', column: 'user_id' },
  endUser: { table: 'LiteLLM_DailyEndUserSpend', column: 'end_user_id' },
  // (tag, date) index
  tag: { table: 'LiteLLM_DailyTagSpend', column: 'tag' },
  // a key's usage: its rows in the user rollup, found by the api_key index
  key: { table: 'LiteLLM_DailyUserSpend', column: 'api_key' },
  // an optional table (newer LiteLLM): FEATURE_UNAVAILABLE when missing
  agent: { table: 'LiteLLM_DailyAgentSpend', column: 'agent_id' },
} as const;

export type UsageEntity = keyof typeof USAGE_SOURCES;

/** Usage of many entities of one kind over [from, to]: one statement per batch, on the (entity, date) index. */
export function usageLoader(ds: DataSource, heavy: HeavyReads, kind: UsageEntity, from: string, to: string, scope?: Scope) {
  const { table, column } = USAGE_SOURCES[kind];
  return new DataLoader<string, UsageSums>(tracedBatch(`usage of ${kind}`, async (ids) => {
    requireTable(ds, table);
    const p = new Params([ids, from, to]);
    const rows: Record<string, unknown>[] = await heavy.run(() =>
      ds.query(
        `SELECT d."${column}" AS id, ${USAGE_SUMS} FROM "${table}" d
          WHERE d."${column}" = ANY($1::text[]) AND d.date >= $2 AND d.date <= $3${scope ? ` AND ${scope('d', p)}` : ''} GROUP BY d."${column}"`,
        p.values,
      ),
    );
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    return ids.map((id) => toUsage(byId.get(id)));
  }));
}

/**
 * A team member's usage: that user's daily rows for their keys in the team, deleted keys included
 * (LiteLLM keeps no per-team user rollup; its user rollup is keyed by the key's owner, so the team's
 * other keys never carry this user's rows). Both lookups use the (user_id, team_id) and (user_id, date) indexes.
 */
export function memberUsageLoader(ds: DataSource, heavy: HeavyReads, from: string, to: string) {
  return new DataLoader<{ userId: string; teamId: string }, UsageSums, string>(
    tracedBatch('usage of team members', async (pairs) => {
      const rows: Record<string, unknown>[] = await heavy.run(() => ds.query(
        `SELECT p.user_id, p.team_id, s.* FROM unnest($1::text[], $2::text[]) AS p(user_id, team_id)
         CROSS JOIN LATERAL (
           SELECT ${USAGE_SUMS} FROM "LiteLLM_DailyUserSpend" d
            WHERE d.user_id = p.user_id AND d.date >= $3 AND d.date <= $4
              AND d.api_key IN (SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = p.user_id AND team_id = p.team_id
                                UNION ALL SELECT token FROM "LiteLLM_DeletedVerificationToken" WHERE user_id = p.user_id AND team_id = p.team_id)) s`,
        [pairs.map((p) => p.userId), pairs.map((p) => p.teamId), from, to],
      ));
      const byPair = new Map(rows.map((r) => [`${r.user_id}\u0000${r.team_id}`, r]));
      return pairs.map((p) => toUsage(byPair.get(`${p.userId}\u0000${p.teamId}`)));
    }),
    { cacheKeyFn: (p) => `${p.userId}\u0000${p.teamId}` },
  );
}

import { DataSource, EntityManager } from 'typeorm';
import { nextReset, ResetOptions } from './durations';

export interface ResetReport {
  ran: boolean;
  at: Date;
  keys: number;
  users: number;
  teams: number;
  budgets: number;
  endUsers: number;
  teamMemberships: number;
  organizations: number;
  tags: number;
  tierKeys: number;
}

// One lock id for the job across every gateway replica on the database.
const LOCK = 'litellm_graphql:budget_reset';

function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * Zeroes spend and advances budget_reset_at where the reset time passed, on one table with inline
 * budgets. The next boundary is computed per distinct budget_duration (there are few).
 */
async function resetInline(em: EntityManager, table: string, due: string, now: Date, opts: ResetOptions): Promise<number> {
  const durations: { d: string | null }[] = await em.query(`SELECT DISTINCT budget_duration AS d FROM "${table}" t WHERE ${due}`, [now]);
  if (!durations.length) return 0;
  const next = durations.map(({ d }) => {
    try {
      return nextReset(d, now, opts);
    } catch {
      return nextReset('1d', now, opts);
    }
  });
  return affected(
    await em.query(
      `UPDATE "${table}" t SET spend = 0, budget_reset_at = v.next
         FROM unnest($2::text[], $3::timestamp(3)[]) AS v(d, next)
        WHERE ${due} AND t.budget_duration IS NOT DISTINCT FROM v.d`,
      [now, durations.map((x) => x.d), next],
    ),
  );
}

/**
 * LiteLLM's ResetBudgetJob: keys (not expired), users and teams whose budget_reset_at passed get
 * spend 0 and the next calendar-aligned reset; budget tiers that passed advance and zero the spend of
 * their end users, team memberships, organizations, tags and the keys on the tier without a duration
 * of their own. One transaction under an advisory lock: one replica at a time, and a crash leaves
 * every row either reset or untouched for the next run.
 */
export async function runBudgetReset(ds: DataSource, opts: ResetOptions & { now?: Date } = {}): Promise<ResetReport> {
  const now = opts.now ?? new Date();
  const empty: ResetReport = { ran: false, at: now, keys: 0, users: 0, teams: 0, budgets: 0, endUsers: 0, teamMemberships: 0, organizations: 0, tags: 0, tierKeys: 0 };
  return ds.transaction(async (em) => {
    const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [LOCK]);
    if (!locked) return empty;
    const report: ResetReport = { ...empty, ran: true };
    report.keys = await resetInline(em, 'LiteLLM_VerificationToken', 't.budget_reset_at < $1 AND (t.expires IS NULL OR t.expires > $1)', now, opts);
    report.users = await resetInline(em, 'LiteLLM_UserTable', 't.budget_reset_at < $1', now, opts);
    report.teams = await resetInline(em, 'LiteLLM_TeamTable', 't.budget_reset_at < $1', now, opts);

    const tiers: { budget_id: string; budget_duration: string | null }[] = await em.query(
      `SELECT budget_id, budget_duration FROM "LiteLLM_BudgetTable" WHERE budget_reset_at < $1 FOR UPDATE`,
      [now],
    );
    report.budgets = tiers.length;
    if (!tiers.length) return report;
    const ids = tiers.map((t) => t.budget_id);
    const next = tiers.map((t) => {
      try {
        return nextReset(t.budget_duration, now, opts);
      } catch {
        return nextReset('1d', now, opts);
      }
    });
    await em.query(
      `UPDATE "LiteLLM_BudgetTable" b SET budget_reset_at = v.next FROM unnest($1::text[], $2::timestamp(3)[]) AS v(id, next) WHERE b.budget_id = v.id`,
      [ids, next],
    );
    report.endUsers = affected(await em.query(`UPDATE "LiteLLM_EndUserTable" SET spend = 0 WHERE budget_id = ANY($1::text[])`, [ids]));
    report.teamMemberships = affected(await em.query(`UPDATE "LiteLLM_TeamMembership" SET spend = 0 WHERE budget_id = ANY($1::text[])`, [ids]));
    report.tierKeys = affected(
      await em.query(`UPDATE "LiteLLM_VerificationToken" SET spend = 0 WHERE budget_id = ANY($1::text[]) AND budget_duration IS NULL AND spend > 0`, [ids]),
    );
    report.organizations = affected(await em.query(`UPDATE "LiteLLM_OrganizationTable" SET spend = 0 WHERE budget_id = ANY($1::text[]) AND spend > 0`, [ids]));
    report.tags = affected(await em.query(`UPDATE "LiteLLM_TagTable" SET spend = 0 WHERE budget_id = ANY($1::text[]) AND spend > 0`, [ids]));
    return report;
  });
}

import { randomUUID } from 'node:crypto';
import { hashKey } from '../../src/services/key-format';
import { TestGateway } from './gateway';
import { makePrincipal, MadePrincipal } from './roles';

/** Rows a security test builds for itself: organizations, teams and keys written as LiteLLM writes them. */
export async function makeOrganization(t: TestGateway, alias: string): Promise<string> {
  const id = `org-${randomUUID().slice(0, 8)}`;
  const budget = randomUUID();
  await t.db.ds.query(`INSERT INTO "LiteLLM_BudgetTable" (budget_id, created_by, updated_by) VALUES ($1, 'default_user_id', 'default_user_id')`, [budget]);
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_OrganizationTable" (organization_id, organization_alias, budget_id, created_by, updated_by) VALUES ($1, $2, $3, 'default_user_id', 'default_user_id')`,
    [id, alias, budget],
  );
  return id;
}

export async function makeTeam(t: TestGateway, alias: string, organizationId: string | null = null): Promise<string> {
  const id = `team-${randomUUID().slice(0, 8)}`;
  await t.db.ds.query(`INSERT INTO "LiteLLM_TeamTable" (team_id, team_alias, organization_id, members_with_roles) VALUES ($1, $2, $3, '[]')`, [id, alias, organizationId]);
  return id;
}

/** A key row as LiteLLM stores it, created_by as given; returns the raw key. */
export async function insertKey(
  t: TestGateway,
  opts: { userId: string | null; teamId?: string | null; createdBy?: string | null; allowedRoutes?: string[]; blocked?: boolean; expires?: Date; budgetId?: string },
): Promise<{ rawKey: string; token: string }> {
  const rawKey = `sk-${randomUUID().replace(/-/g, '')}`;
  const token = hashKey(rawKey);
  await t.db.ds.query(
    `INSERT INTO "LiteLLM_VerificationToken" (token, key_name, user_id, team_id, created_by, updated_by, allowed_routes, blocked, expires, budget_id, models, spend)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, '{}', 0)`,
    [token, `sk-...${rawKey.slice(-4)}`, opts.userId, opts.teamId ?? null, opts.createdBy ?? opts.userId, opts.allowedRoutes ?? [], opts.blocked ?? null, opts.expires ?? null, opts.budgetId ?? null],
  );
  return { rawKey, token };
}

export type { MadePrincipal };
export { makePrincipal };

/** 20,000 more users ('bulk-1' … with emails 'bulk-N@example.com'), analyzed: enough that a scan of UserTable shows in plans. */
export async function manyUsers(t: TestGateway): Promise<void> {
  await t.db.ds.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_email, teams) SELECT 'bulk-' || g, 'bulk-' || g || '@example.com', '{}' FROM generate_series(1, 20000) g`);
  await t.db.ds.query(`ANALYZE "LiteLLM_UserTable"`);
}

/** The plans of the statements that look users up by id or email, given their parameters in order. */
export async function userLookupPlans(t: TestGateway, statements: string[], params: unknown[]): Promise<string[]> {
  const lookups = statements.filter((s) => /^\s*(WITH|SELECT)/i.test(s) && /FROM "LiteLLM_UserTable"/.test(s) && /user_email|user_id/.test(s));
  const plans = [];
  for (const s of lookups) {
    const used = Math.max(0, ...[...s.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    plans.push((await t.db.ds.query(`EXPLAIN ${s}`, params.slice(0, used))).map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
  }
  return plans;
}

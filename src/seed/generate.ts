import { DataSource, QueryRunner } from 'typeorm';
import { hashKey, keyName } from '../services/key-format';
import { progress } from './progress';

export interface SeedSize {
  organizations: number;
  teamsPerOrganization: number;
  users: number;
  keysPerUser: number;
  serviceKeysPerTeam: number;
  endUsers: number;
  spendLogs: number;
  days: number;
}

export const SIZES: Record<'tiny' | 'demo' | 'small' | 'medium', SeedSize> = {
  tiny: { organizations: 2, teamsPerOrganization: 2, users: 12, keysPerUser: 2, serviceKeysPerTeam: 1, endUsers: 5, spendLogs: 400, days: 10 },
  demo: { organizations: 3, teamsPerOrganization: 3, users: 30, keysPerUser: 2, serviceKeysPerTeam: 1, endUsers: 20, spendLogs: 5000, days: 60 },
  small: { organizations: 5, teamsPerOrganization: 20, users: 2000, keysPerUser: 4, serviceKeysPerTeam: 2, endUsers: 500, spendLogs: 200000, days: 90 },
  medium: { organizations: 50, teamsPerOrganization: 40, users: 50000, keysPerUser: 7, serviceKeysPerTeam: 25, endUsers: 20000, spendLogs: 10000000, days: 180 },
};

export interface SeedOptions extends SeedSize {
  seed?: number;
  /** Last day of spend (UTC); logs cover the `days` days up to and including it. */
  now?: Date;
  quiet?: boolean;
}

export interface SeedPrincipal {
  userId: string;
  role: string;
  rawKey: string;
  teamId: string | null;
  organizationId: string | null;
}

export interface SeedReport {
  tables: Record<string, { rows: number; seconds: number; rowsPerSecond: number }>;
  seconds: number;
  organizations: string[];
  teams: string[];
  /** Raw keys of a few users, one per role, for demos and tests (raw keys are never stored). */
  principals: SeedPrincipal[];
}

const MODELS = [
  { model: 'gpt-4o', group: 'gpt-4o', provider: 'openai', cost: 0.01 },
  { model: 'gpt-4o-mini', group: 'gpt-4o-mini', provider: 'openai', cost: 0.0006 },
  { model: 'claude-3-5-sonnet-20241022', group: 'claude-sonnet', provider: 'anthropic', cost: 0.015 },
  { model: 'azure/gpt-4o-eu', group: 'gpt-4o', provider: 'azure', cost: 0.011 },
  { model: 'text-embedding-3-small', group: 'embeddings', provider: 'openai', cost: 0.00002 },
];
const TAGS = ['prod', 'staging', 'batch', 'chat', 'eval'];

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => int(16).toString(16));
    h[12] = '4';
    h[16] = ((int(4) + 8) as number).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const key = () => {
    const bytes = Buffer.from(Array.from({ length: 16 }, () => int(256)));
    return `sk-${bytes.toString('base64url')}`;
  };
  return { next, int, uuid, key, pick: <T>(xs: T[]): T => xs[int(xs.length)] };
}

/** Multi-row INSERTs in chunks that stay under PostgreSQL's 65,535 parameters. */
async function insertRows(qr: QueryRunner, table: string, columns: string[], rows: unknown[][], label: string, quiet?: boolean) {
  const bar = progress(label, rows.length, quiet);
  const perChunk = Math.max(1, Math.floor(60000 / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params: unknown[] = [];
    const values = chunk
      .map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`)
      .join(', ');
    await qr.query(`INSERT INTO "${table}" (${cols}) VALUES ${values}`, params);
    bar.tick(chunk.length);
  }
  return bar.done();
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * Writes a consistent LiteLLM data set: organizations with budget tiers, teams whose members live in
 * members_with_roles (some teams hold the '{}' LiteLLM writes for none), UserTable.teams, TeamMembership
 * rows only for members with a budget, hashed keys, end users, SpendLogs, and daily rollups and spend
 * counters computed from those logs.
 */
export async function seedDatabase(ds: DataSource, opts: SeedOptions): Promise<SeedReport> {
  const r = rng(opts.seed ?? 42);
  const started = Date.now();
  const now = opts.now ?? new Date();
  const lastDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = lastDay - (opts.days - 1) * 86400000;
  const tables: SeedReport['tables'] = {};
  const created = new Date(firstDay - 86400000);

  const budgets: unknown[][] = [];
  const orgs: unknown[][] = [];
  const teams: unknown[][] = [];
  const users: unknown[][] = [];
  const orgMembers: unknown[][] = [];
  const teamMemberships: unknown[][] = [];
  const keys: unknown[][] = [];
  const principals: SeedPrincipal[] = [];
  const orgIds: string[] = [];
  const teamIds: string[] = [];

  const admin = 'default_user_id';
  const budget = (max: number | null, duration: string | null) => {
    const id = r.uuid();
    budgets.push([id, max, max === null ? null : max * 0.8, null, 100000, 1000, duration, duration ? new Date(lastDay + 86400000) : null, created, admin, created, admin]);
    return id;
  };

  // users first: role mix, then assignment to organizations and teams
  const userRows = Array.from({ length: opts.users }, (_, i) => ({
    id: r.uuid(),
    email: `user${i}@example.com`,
    role: i === 0 ? 'proxy_admin' : i === 1 ? 'proxy_admin_viewer' : i % 10 === 9 ? 'internal_user_viewer' : 'internal_user',
    teams: [] as string[],
    org: null as string | null,
  }));

  const teamsPerOrg = opts.teamsPerOrganization;
  const nTeams = opts.organizations * teamsPerOrg;
  const teamInfo: { id: string; org: string; members: { user_id: string; user_email: string; role: string }[] }[] = [];
  for (let o = 0; o < opts.organizations; o++) {
    const orgId = r.uuid();
    orgIds.push(orgId);
    orgs.push([orgId, `org-${o}`, budget(1000 + 100 * o, '30d'), json({ region: o % 2 ? 'eu' : 'us' }), ['gpt-4o', 'gpt-4o-mini'], 0, json({}), created, admin, created, admin]);
    for (let t = 0; t < teamsPerOrg; t++) {
      const id = r.uuid();
      teamIds.push(id);
      teamInfo.push({ id, org: orgId, members: [] });
    }
  }
  const teamsOfOrg = new Map<string, typeof teamInfo>();
  for (const t of teamInfo) teamsOfOrg.set(t.org, [...(teamsOfOrg.get(t.org) ?? []), t]);
  const teamById = new Map(teamInfo.map((t) => [t.id, t]));
  const userById = new Map(userRows.map((u) => [u.id, u]));
  // internal users (index ≥ 2) are spread over teams; each joins one or two teams of one organization
  for (let i = 2; i < userRows.length; i++) {
    const u = userRows[i];
    const first = teamInfo[(i - 2) % nTeams];
    const picks = r.next() < 0.3 ? [first, teamsOfOrg.get(first.org)![r.int(teamsPerOrg)]] : [first];
    for (const t of new Set(picks)) {
      t.members.push({ user_id: u.id, user_email: u.email, role: t.members.length === 0 ? 'admin' : 'user' });
      u.teams.push(t.id);
    }
    u.org = first.org;
  }
  teamInfo.forEach((t, idx) => {
    // every seventh team (from the fourth) keeps LiteLLM's '{}' default: a team created without members
    const empty = idx % 7 === 3;
    const members = empty ? [] : t.members;
    if (empty) {
      for (const m of t.members) {
        const u = userById.get(m.user_id)!;
        u.teams = u.teams.filter((x) => x !== t.id);
      }
      t.members = [];
    }
    teams.push([
      t.id, `team-${idx}`, t.org, [], [], members.length ? json(members) : '{}', json({}), 500, 0, ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet'],
      null, 200000, 2000, '30d', new Date(lastDay + 86400000 * 3), false, created, created,
    ]);
    for (const m of members) {
      if (r.next() < 0.3) teamMemberships.push([m.user_id, t.id, 0, budget(50, '7d')]);
    }
  });

  for (const u of userRows) {
    users.push([u.id, `User ${u.email.split('@')[0]}`, u.org, u.teams, u.role, 100, 0, u.email, [], json({}), '30d', new Date(lastDay + 86400000 * 5), created, created]);
  }
  const orgAdmins = new Set<string>();
  for (const u of userRows) {
    if (!u.org) continue;
    const role = orgAdmins.has(u.org) ? (u.role === 'internal_user_viewer' ? 'internal_user_viewer' : 'internal_user') : 'org_admin';
    orgAdmins.add(u.org);
    orgMembers.push([u.id, u.org, role, 0, created, created, null]);
  }

  const keyOwners: { token: string; user: string | null; team: string | null; org: string | null }[] = [];
  const addKey = (raw: string, user: string | null, team: string | null, org: string | null, alias: string | null) => {
    const token = hashKey(raw);
    keyOwners.push({ token, user, team, org });
    const expires = r.next() < 0.05 ? new Date(firstDay) : null;
    keys.push([token, keyName(raw), alias, 0, expires, [], user, team, json({}), null, 10000, 100, 25, '30d', new Date(lastDay + 86400000 * 2), org, created, admin, created, admin, null]);
  };
  userRows.forEach((u, i) => {
    for (let k = 0; k < opts.keysPerUser; k++) {
      const raw = r.key();
      const team = u.teams.length ? u.teams[k % u.teams.length] : null;
      const org = team ? teamById.get(team)!.org : null;
      addKey(raw, u.id, team, org, k === 0 ? `${u.email.split('@')[0]}-key` : null);
      if (k === 0) principals.push({ userId: u.id, role: u.role, rawKey: raw, teamId: team, organizationId: org });
    }
    void i;
  });
  teamInfo.forEach((t, idx) => {
    for (let k = 0; k < opts.serviceKeysPerTeam; k++) addKey(r.key(), null, t.id, t.org, `team-${idx}-service-${k}`);
  });
  // the expiry flag above is random; principals must authenticate, so their keys never expire
  const principalTokens = new Set(principals.map((p) => hashKey(p.rawKey)));
  for (const k of keys) if (principalTokens.has(k[0] as string)) k[4] = null;

  const endUsers = Array.from({ length: opts.endUsers }, (_, i) => [`customer-${i}`, `Customer ${i}`, 0, false, i % 3 === 0 ? 'eu' : null, null, null]);

  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    const q = opts.quiet;
    tables.LiteLLM_BudgetTable = await insertRows(qr, 'LiteLLM_BudgetTable', ['budget_id', 'max_budget', 'soft_budget', 'max_parallel_requests', 'tpm_limit', 'rpm_limit', 'budget_duration', 'budget_reset_at', 'created_at', 'created_by', 'updated_at', 'updated_by'], budgets, 'LiteLLM_BudgetTable', q);
    tables.LiteLLM_OrganizationTable = await insertRows(qr, 'LiteLLM_OrganizationTable', ['organization_id', 'organization_alias', 'budget_id', 'metadata', 'models', 'spend', 'model_spend', 'created_at', 'created_by', 'updated_at', 'updated_by'], orgs, 'LiteLLM_OrganizationTable', q);
    tables.LiteLLM_TeamTable = await insertRows(qr, 'LiteLLM_TeamTable', ['team_id', 'team_alias', 'organization_id', 'admins', 'members', 'members_with_roles', 'metadata', 'max_budget', 'spend', 'models', 'max_parallel_requests', 'tpm_limit', 'rpm_limit', 'budget_duration', 'budget_reset_at', 'blocked', 'created_at', 'updated_at'], teams, 'LiteLLM_TeamTable', q);
    tables.LiteLLM_UserTable = await insertRows(qr, 'LiteLLM_UserTable', ['user_id', 'user_alias', 'organization_id', 'teams', 'user_role', 'max_budget', 'spend', 'user_email', 'models', 'metadata', 'budget_duration', 'budget_reset_at', 'created_at', 'updated_at'], users, 'LiteLLM_UserTable', q);
    tables.LiteLLM_OrganizationMembership = await insertRows(qr, 'LiteLLM_OrganizationMembership', ['user_id', 'organization_id', 'user_role', 'spend', 'created_at', 'updated_at', 'budget_id'], orgMembers, 'LiteLLM_OrganizationMembership', q);
    tables.LiteLLM_TeamMembership = await insertRows(qr, 'LiteLLM_TeamMembership', ['user_id', 'team_id', 'spend', 'budget_id'], teamMemberships, 'LiteLLM_TeamMembership', q);
    tables.LiteLLM_VerificationToken = await insertRows(qr, 'LiteLLM_VerificationToken', ['token', 'key_name', 'key_alias', 'spend', 'expires', 'models', 'user_id', 'team_id', 'metadata', 'max_parallel_requests', 'tpm_limit', 'rpm_limit', 'max_budget', 'budget_duration', 'budget_reset_at', 'organization_id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'budget_id'], keys, 'LiteLLM_VerificationToken', q);
    tables.LiteLLM_EndUserTable = await insertRows(qr, 'LiteLLM_EndUserTable', ['user_id', 'alias', 'spend', 'blocked', 'allowed_model_region', 'default_model', 'budget_id'], endUsers, 'LiteLLM_EndUserTable', q);
    await insertRows(qr, 'LiteLLM_ProxyModelTable', ['model_id', 'model_name', 'litellm_params', 'model_info', 'created_by', 'updated_by'],
      MODELS.map((m, i) => [`model-${i}`, m.group, json({ model: m.model, api_key: `os.environ/${m.provider.toUpperCase()}_API_KEY`, api_base: `https://${m.provider}.example.com`, rpm: 1000 }), json({ id: `model-${i}`, mode: 'chat' }), admin, admin]),
      'LiteLLM_ProxyModelTable', true);
    const adminId = userRows[0].id;
    const day = (n: number) => new Date(lastDay - n * 86400000);
    await insertRows(qr, 'LiteLLM_InvitationLink', ['id', 'user_id', 'is_accepted', 'accepted_at', 'expires_at', 'created_at', 'created_by', 'updated_at', 'updated_by'],
      userRows.slice(2, 6).map((u, i) => [r.uuid(), u.id, i % 2 === 0, i % 2 === 0 ? day(3) : null, day(-7 + i), day(5), adminId, day(5), adminId]), 'LiteLLM_InvitationLink', true);
    await insertRows(qr, 'LiteLLM_UserNotifications', ['request_id', 'user_id', 'models', 'justification', 'status'],
      userRows.slice(2, 5).map((u, i) => [r.uuid(), u.id, ['claude-sonnet'], `need it for project ${i}`, ['pending', 'approved', 'rejected'][i]]), 'LiteLLM_UserNotifications', true);
    await insertRows(qr, 'LiteLLM_ErrorLogs', ['request_id', 'startTime', 'endTime', 'api_base', 'model_group', 'litellm_model_name', 'model_id', 'request_kwargs', 'exception_type', 'exception_string', 'status_code'],
      Array.from({ length: Math.min(200, Math.ceil(opts.spendLogs / 50)) }, (_, i) => {
        const m = MODELS[i % MODELS.length];
        const t = new Date(firstDay + r.int(opts.days * 86400) * 1000);
        return [r.uuid(), t, new Date(t.getTime() + 1500), `https://${m.provider}.example.com`, m.group, m.model, `model-${i % MODELS.length}`, json({ temperature: 0.2 }),
          i % 3 ? 'RateLimitError' : 'Timeout', i % 3 ? 'rate limit exceeded' : 'request timed out', i % 3 ? '429' : '408'];
      }), 'LiteLLM_ErrorLogs', true);
    await insertRows(qr, 'LiteLLM_AuditLog', ['id', 'updated_at', 'changed_by', 'changed_by_api_key', 'action', 'table_name', 'object_id', 'before_value', 'updated_values'],
      keys.slice(0, 10).map((k, i) => [r.uuid(), day(10 - i), adminId, '', i % 3 ? 'updated' : 'created', 'LiteLLM_VerificationToken', k[0], i % 3 ? json({ max_budget: 10 }) : null, json({ max_budget: 25 })]), 'LiteLLM_AuditLog', true);
    await qr.commitTransaction();

    // SpendLogs are generated inside PostgreSQL from the key table: fast and internally consistent.
    await qr.query('CREATE TEMP TABLE seed_keys AS SELECT row_number() OVER (ORDER BY token) AS n, token, coalesce(user_id, \'\') AS u, coalesce(team_id, \'\') AS t, coalesce(organization_id, \'\') AS o FROM "LiteLLM_VerificationToken"');
    await qr.query('CREATE TEMP TABLE seed_models (n int, model text, grp text, provider text, cost float8)');
    await qr.query(`INSERT INTO seed_models VALUES ${MODELS.map((m, i) => `(${i}, '${m.model}', '${m.group}', '${m.provider}', ${m.cost})`).join(', ')}`);
    const nKeys = keyOwners.length;
    const bar = progress('LiteLLM_SpendLogs', opts.spendLogs, opts.quiet);
    const batch = 250000;
    for (let done = 0; done < opts.spendLogs; done += batch) {
      const n = Math.min(batch, opts.spendLogs - done);
      await qr.query(
        `INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens,
           "startTime", "endTime", model, model_id, model_group, custom_llm_provider, api_base, "user", metadata, cache_hit, cache_key,
           request_tags, team_id, end_user, session_id, status, organization_id, request_duration_ms)
         SELECT 'chatcmpl-' || lpad(to_hex(g), 12, '0') || '-' || substr(md5(g::text), 1, 12), CASE WHEN m.n = 4 THEN 'aembedding' ELSE 'acompletion' END,
                k.token, round((m.cost * (p + c) / 1000)::numeric, 8)::float8, p + c, p, c, ts, ts + make_interval(secs => 0.2 + (g % 50) / 10.0),
                m.model, 'model-' || m.n, m.grp, m.provider, 'https://' || m.provider || '.example.com', k.u,
                jsonb_build_object('user_api_key', k.token, 'user_api_key_user_id', k.u, 'user_api_key_team_id', k.t, 'status', s),
                CASE WHEN g % 13 = 0 THEN 'True' ELSE 'False' END, 'Cache OFF',
                CASE WHEN g % 4 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(($6::text[])[1 + g % 5]) END,
                k.t, CASE WHEN g % 3 = 0 THEN 'customer-' || (g % $5) ELSE '' END, md5('s' || (g / 7)::text), s, k.o, 200 + g % 3000
           FROM generate_series($1::bigint + 1, $1::bigint + $2) AS g
           CROSS JOIN LATERAL (SELECT 1 + floor($3 * power(((hashint8(g * 7919) & 2147483647) % 1000003) / 1000003.0, 3))::int AS kn,
                                      (hashint8(g * 104729) & 2147483647) % 5 AS mn,
                                      to_timestamp($4::double precision + ((hashint8(g * 31) & 2147483647) % ($7::bigint * 86400))) AT TIME ZONE 'UTC' AS ts,
                                      50 + (hashint8(g) & 2147483647) % 2000 AS p, 10 + (hashint8(g + 1) & 2147483647) % 800 AS c,
                                      CASE WHEN g % 20 = 0 THEN 'failure' ELSE 'success' END AS s) x
           JOIN seed_keys k ON k.n = x.kn JOIN seed_models m ON m.n = x.mn`,
        [done, n, nKeys, firstDay / 1000, Math.max(1, opts.endUsers), TAGS, opts.days],
      );
      bar.tick(n);
    }
    tables.LiteLLM_SpendLogs = bar.done();

    await qr.query('DROP TABLE seed_keys; DROP TABLE seed_models');
    Object.assign(tables, await rollUpSpend(ds, { quiet: opts.quiet }));
  } catch (err) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    throw err;
  } finally {
    await qr.release();
  }
  return { tables, seconds: (Date.now() - started) / 1000, organizations: orgIds, teams: teamIds, principals };
}

const ROLLUPS: { table: string; entity: string; expr: string; from?: string }[] = [
  { table: 'LiteLLM_DailyUserSpend', entity: 'user_id', expr: `NULLIF(l."user", '')` },
  { table: 'LiteLLM_DailyTeamSpend', entity: 'team_id', expr: `NULLIF(l.team_id, '')` },
  { table: 'LiteLLM_DailyOrganizationSpend', entity: 'organization_id', expr: `NULLIF(l.organization_id, '')` },
  { table: 'LiteLLM_DailyEndUserSpend', entity: 'end_user_id', expr: `NULLIF(l.end_user, '')` },
  {
    table: 'LiteLLM_DailyTagSpend',
    entity: 'tag',
    expr: 'tg.tag',
    from: `"LiteLLM_SpendLogs" l CROSS JOIN LATERAL jsonb_array_elements_text(l.request_tags) AS tg(tag)`,
  },
];

/**
 * The daily rollups and every spend counter, computed from SpendLogs (so they always agree). Rows are
 * split by status with a NULL endpoint, so a (entity, date, key, model, provider) combination repeats,
 * as it can in LiteLLM. Rerunnable: each table is rebuilt in its own transaction, its secondary indexes
 * dropped during the load and rebuilt after (much faster at 10M logs).
 */
export async function rollUpSpend(ds: DataSource, opts: { quiet?: boolean } = {}): Promise<SeedReport['tables']> {
  const tables: SeedReport['tables'] = {};
  for (const r of ROLLUPS) {
    const bar = progress(r.table, 1, opts.quiet);
    await ds.transaction(async (em) => {
      await em.query(`SET LOCAL work_mem = '256MB'`);
      await em.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      const indexes: { indexname: string; indexdef: string }[] = await em.query(
        `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = $1
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [r.table],
      );
      await em.query(`TRUNCATE "${r.table}"`);
      for (const i of indexes) await em.query(`DROP INDEX "${i.indexname}"`);
      await em.query(
        `INSERT INTO "${r.table}" (id, ${r.entity}, date, api_key, model, model_group, custom_llm_provider, prompt_tokens, completion_tokens,
            spend, api_requests, successful_requests, failed_requests, created_at, updated_at)
         SELECT gen_random_uuid()::text, ${r.expr}, to_char(l."startTime", 'YYYY-MM-DD'), l.api_key, l.model, l.model_group, l.custom_llm_provider,
                sum(l.prompt_tokens), sum(l.completion_tokens), sum(l.spend), count(*),
                count(*) FILTER (WHERE l.status = 'success'), count(*) FILTER (WHERE l.status <> 'success'), now(), now()
           FROM ${r.from ?? '"LiteLLM_SpendLogs" l'}
          GROUP BY ${r.expr}, to_char(l."startTime", 'YYYY-MM-DD'), l.api_key, l.model, l.model_group, l.custom_llm_provider, l.status`,
      );
      for (const i of indexes) await em.query(i.indexdef);
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM "${r.table}"`);
      bar.tick(n);
    });
    tables[r.table] = bar.done();
  }
  await ds.transaction(async (em) => {
    await em.query(`SET LOCAL work_mem = '256MB'`);
    await em.query(`UPDATE "LiteLLM_VerificationToken" k SET spend = s.v FROM (SELECT api_key, sum(spend) v FROM "LiteLLM_SpendLogs" GROUP BY api_key) s WHERE k.token = s.api_key`);
    await em.query(`UPDATE "LiteLLM_UserTable" u SET spend = s.v FROM (SELECT "user", sum(spend) v FROM "LiteLLM_SpendLogs" WHERE "user" <> '' GROUP BY "user") s WHERE u.user_id = s."user"`);
    await em.query(`UPDATE "LiteLLM_TeamTable" t SET spend = s.v FROM (SELECT team_id, sum(spend) v FROM "LiteLLM_SpendLogs" WHERE team_id <> '' GROUP BY team_id) s WHERE t.team_id = s.team_id`);
    await em.query(`UPDATE "LiteLLM_OrganizationTable" o SET spend = s.v FROM (SELECT organization_id, sum(spend) v FROM "LiteLLM_SpendLogs" WHERE organization_id <> '' GROUP BY organization_id) s WHERE o.organization_id = s.organization_id`);
    await em.query(`UPDATE "LiteLLM_EndUserTable" e SET spend = s.v FROM (SELECT end_user, sum(spend) v FROM "LiteLLM_SpendLogs" WHERE end_user <> '' GROUP BY end_user) s WHERE e.user_id = s.end_user`);
    await em.query(`UPDATE "LiteLLM_TeamMembership" m SET spend = s.v FROM (SELECT team_id, "user", sum(spend) v FROM "LiteLLM_SpendLogs" WHERE team_id <> '' AND "user" <> '' GROUP BY team_id, "user") s WHERE m.team_id = s.team_id AND m.user_id = s."user"`);
    await em.query(`INSERT INTO "LiteLLM_TagTable" (tag_name, spend, created_at, updated_at)
                    SELECT tag, sum(spend), now(), now() FROM "LiteLLM_DailyTagSpend" GROUP BY tag
                    ON CONFLICT (tag_name) DO UPDATE SET spend = EXCLUDED.spend`);
  });
  await ds.query('ANALYZE');
  return tables;
}

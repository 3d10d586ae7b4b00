import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

/** Values each run picks from the data: the busiest team, a cursor deep in the key list, date windows. */
export interface BenchContext {
  teamId: string;
  deepAfterToken: string;
  deepCursor: string;
  today: string;
  from30: string;
  from90: string;
  /** the widest window USAGE_MAX_WINDOW_DAYS allows by default: 366 days up to today */
  from366: string;
  /** a virtual key of a proxy admin the runner adds to the data, for Q1 with a virtual key */
  virtualKey: string;
}

export const BENCH_VIRTUAL_KEY = 'sk-bench-virtual-key-of-a-proxy-admin';

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function prepareContext(pool: pg.Pool): Promise<BenchContext> {
  const { rows: [team] } = await pool.query(`SELECT team_id FROM "LiteLLM_TeamTable" ORDER BY spend DESC LIMIT 1`);
  const { rows: [{ n }] } = await pool.query(`SELECT count(*)::int AS n FROM "LiteLLM_VerificationToken"`);
  const { rows: [deep] } = await pool.query(`SELECT token FROM "LiteLLM_VerificationToken" ORDER BY token OFFSET $1 LIMIT 1`, [Math.floor(n * 0.75)]);
  const { rows: [last] } = await pool.query(`SELECT max(date) AS d FROM "LiteLLM_DailyTeamSpend"`);
  const today = last.d ?? day(new Date());
  await pool.query(`INSERT INTO "LiteLLM_UserTable" (user_id, user_role) VALUES ('bench-proxy-admin', 'proxy_admin') ON CONFLICT DO NOTHING`);
  await pool.query(
    `INSERT INTO "LiteLLM_VerificationToken" (token, key_name, user_id, models, spend, created_by, updated_by)
     VALUES ($1, 'sk-...dmin', 'bench-proxy-admin', '{}', 0, 'default_user_id', 'default_user_id') ON CONFLICT DO NOTHING`,
    [createHash('sha256').update(BENCH_VIRTUAL_KEY).digest('hex')],
  );
  const back = (days: number) => day(new Date(Date.parse(`${today}T00:00:00Z`) - days * 86400000));
  return {
    teamId: team.team_id,
    deepAfterToken: deep.token,
    deepCursor: Buffer.from(JSON.stringify([deep.token]), 'utf8').toString('base64url'),
    today,
    from30: back(29),
    from90: back(89),
    from366: back(365),
    virtualKey: BENCH_VIRTUAL_KEY,
  };
}

export interface BenchQuery {
  id: string;
  title: string;
  graphql(ctx: BenchContext): { query: string; variables?: Record<string, unknown> };
  /** the same answer by hand-written SQL through pg: the floor */
  floor(pool: pg.Pool, ctx: BenchContext): Promise<unknown>;
  /** rows in an answer (nodes at every level) */
  rows(data: any): number;
  /** sent with the proxy admin's virtual key instead of the master key */
  virtualKey?: boolean;
}

const NESTED = (withUsage: boolean) => {
  const usage = withUsage ? 'usage(from: $from, to: $to) { spend requests }' : '';
  return `query${withUsage ? '($from: Date!, $to: Date!)' : ''} {
  organizations(first: 10) { nodes { id alias ${usage}
    teams(first: 20) { nodes { id alias ${usage}
      members(first: 50) { nodes { userId spend user { email } ${usage} } } } } } } }`;
};

const USAGE_SUMS = `coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.api_requests), 0)::bigint AS requests`;

export async function nestedFloor(pool: pg.Pool, ctx: BenchContext, usage: boolean) {
  const orgs = (await pool.query(`SELECT organization_id AS id, organization_alias AS alias FROM "LiteLLM_OrganizationTable" ORDER BY organization_id LIMIT 10`)).rows;
  const orgIds = orgs.map((o) => o.id);
  const teams = (
    await pool.query(
      `SELECT t.* FROM unnest($1::text[]) AS p(id) CROSS JOIN LATERAL (
         SELECT team_id AS id, team_alias AS alias, organization_id, members_with_roles FROM "LiteLLM_TeamTable"
          WHERE organization_id = p.id ORDER BY team_id LIMIT 20) t`,
      [orgIds],
    )
  ).rows;
  const members = teams.flatMap((t) => (Array.isArray(t.members_with_roles) ? t.members_with_roles.slice(0, 50) : []).map((m: any) => ({ teamId: t.id, userId: m.user_id as string })));
  const withUser = members.filter((m) => m.userId);
  const [memberships, users, orgUsage, teamUsage, memberUsage] = await Promise.all([
    pool.query(`SELECT user_id, team_id, spend FROM "LiteLLM_TeamMembership" WHERE (user_id, team_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`, [withUser.map((m) => m.userId), withUser.map((m) => m.teamId)]),
    pool.query(`SELECT user_id, user_email FROM "LiteLLM_UserTable" WHERE user_id = ANY($1::text[])`, [[...new Set(withUser.map((m) => m.userId))]]),
    usage ? pool.query(`SELECT organization_id AS id, ${USAGE_SUMS} FROM "LiteLLM_DailyOrganizationSpend" d WHERE organization_id = ANY($1::text[]) AND date >= $2 AND date <= $3 GROUP BY 1`, [orgIds, ctx.from30, ctx.today]) : null,
    usage ? pool.query(`SELECT team_id AS id, ${USAGE_SUMS} FROM "LiteLLM_DailyTeamSpend" d WHERE team_id = ANY($1::text[]) AND date >= $2 AND date <= $3 GROUP BY 1`, [teams.map((t) => t.id), ctx.from30, ctx.today]) : null,
    usage
      ? pool.query(
          `SELECT p.user_id, p.team_id, s.* FROM unnest($1::text[], $2::text[]) AS p(user_id, team_id) CROSS JOIN LATERAL (
             SELECT ${USAGE_SUMS} FROM "LiteLLM_DailyUserSpend" d WHERE d.user_id = p.user_id AND d.date >= $3 AND d.date <= $4
                AND d.api_key IN (SELECT token FROM "LiteLLM_VerificationToken" WHERE user_id = p.user_id AND team_id = p.team_id
                                  UNION ALL SELECT token FROM "LiteLLM_DeletedVerificationToken" WHERE user_id = p.user_id AND team_id = p.team_id)) s`,
          [withUser.map((m) => m.userId), withUser.map((m) => m.teamId), ctx.from30, ctx.today],
        )
      : null,
  ]);
  const spendOf = new Map(memberships.rows.map((r) => [`${r.user_id}|${r.team_id}`, r.spend]));
  const emailOf = new Map(users.rows.map((r) => [r.user_id, r.user_email]));
  const byId = (res: pg.QueryResult | null) => new Map((res?.rows ?? []).map((r) => [r.id, { spend: r.spend, requests: Number(r.requests) }]));
  const ou = byId(orgUsage);
  const tu = byId(teamUsage);
  const mu = new Map((memberUsage?.rows ?? []).map((r) => [`${r.user_id}|${r.team_id}`, { spend: r.spend, requests: Number(r.requests) }]));
  return {
    organizations: {
      nodes: orgs.map((o) => ({
        ...o,
        ...(usage ? { usage: ou.get(o.id) ?? { spend: 0, requests: 0 } } : {}),
        teams: {
          nodes: teams.filter((t) => t.organization_id === o.id).map((t) => ({
            id: t.id,
            alias: t.alias,
            ...(usage ? { usage: tu.get(t.id) ?? { spend: 0, requests: 0 } } : {}),
            members: {
              nodes: members.filter((m) => m.teamId === t.id).map((m) => ({
                userId: m.userId,
                spend: spendOf.get(`${m.userId}|${t.id}`) ?? null,
                user: emailOf.has(m.userId) ? { email: emailOf.get(m.userId) } : null,
                ...(usage ? { usage: mu.get(`${m.userId}|${t.id}`) ?? { spend: 0, requests: 0 } } : {}),
              })),
            },
          })),
        },
      })),
    },
  };
}

/**
 * Q2's floor: one statement that builds the whole answer as JSON in PostgreSQL (organizations, their first
 * 20 teams by LATERAL, each team's first 50 members_with_roles entries with their TeamMembership spend and
 * user email by primary key), sent as it comes back.
 */
const NESTED_JSON = `
SELECT json_build_object('organizations', json_build_object('nodes', coalesce(json_agg(o ORDER BY o.id), '[]')))::text AS data FROM (
  SELECT org.organization_id AS id, org.organization_alias AS alias,
         json_build_object('nodes', coalesce((
           SELECT json_agg(json_build_object('id', t.team_id, 'alias', t.team_alias, 'members', json_build_object('nodes', coalesce((
                    SELECT json_agg(json_build_object('userId', m.e->>'user_id', 'spend', ms.spend,
                                                      'user', CASE WHEN u.user_id IS NULL THEN NULL ELSE json_build_object('email', u.user_email) END) ORDER BY m.ord)
                      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]' END) WITH ORDINALITY m(e, ord)
                      LEFT JOIN "LiteLLM_TeamMembership" ms ON ms.user_id = m.e->>'user_id' AND ms.team_id = t.team_id
                      LEFT JOIN "LiteLLM_UserTable" u ON u.user_id = m.e->>'user_id'
                     WHERE m.ord <= 50), '[]'))) ORDER BY t.team_id)
             FROM (SELECT * FROM "LiteLLM_TeamTable" WHERE organization_id = org.organization_id ORDER BY team_id LIMIT 20) t), '[]')) AS teams
    FROM "LiteLLM_OrganizationTable" org ORDER BY org.organization_id LIMIT 10) o`;

/** A floor answer already serialized by PostgreSQL: the floor server sends it as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

const nestedRows = (data: any) =>
  data.organizations.nodes.length +
  data.organizations.nodes.reduce((s: number, o: any) => s + o.teams.nodes.length + o.teams.nodes.reduce((x: number, t: any) => x + t.members.nodes.length, 0), 0);

const KEY_FIELDS = 'token keyName keyAlias spend maxBudget userId teamId';
const KEY_COLUMNS = 'token, key_name, key_alias, spend, max_budget, user_id, team_id';

export const QUERIES: BenchQuery[] = [
  {
    id: 'Q1',
    title: 'first page of keys (20)',
    graphql: () => ({ query: `{ keys(first: 20) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }` }),
    floor: async (pool) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 21`)).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'Q1V',
    title: 'Q1 with a virtual key (a proxy admin\'s)',
    virtualKey: true,
    graphql: () => ({ query: `{ keys(first: 20) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }` }),
    floor: async (pool) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" ORDER BY token LIMIT 21`)).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'Q2',
    title: 'organizations(10) → teams(20) → members(50) → user, spend',
    graphql: () => ({ query: NESTED(false) }),
    floor: async (pool) => new RawJson((await pool.query(NESTED_JSON)).rows[0].data),
    rows: nestedRows,
  },
  {
    id: 'Q3',
    title: 'Q2 with usage over 30 days at every level',
    graphql: (ctx) => ({ query: NESTED(true), variables: { from: ctx.from30, to: ctx.today } }),
    floor: (pool, ctx) => nestedFloor(pool, ctx, true),
    rows: nestedRows,
  },
  {
    id: 'Q4',
    title: 'a key page deep in the list, by cursor',
    graphql: (ctx) => ({ query: `query($after: String) { keys(first: 20, after: $after) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }`, variables: { after: ctx.deepCursor } }),
    floor: async (pool, ctx) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" WHERE token > $1 ORDER BY token LIMIT 21`, [ctx.deepAfterToken])).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  // L1–L3: key lists no index LiteLLM keeps can serve (issue 16); each costs LIST_SCAN_COST in the complexity limit
  {
    id: 'L1',
    title: 'the 20 keys with the highest spend (no index on spend)',
    graphql: () => ({ query: `{ keys(first: 20, orderBy: SPEND_DESC) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }` }),
    floor: async (pool) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" ORDER BY spend DESC, token DESC LIMIT 21`)).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'L2',
    title: 'keys whose alias starts with a prefix (no index on key_alias)',
    graphql: () => ({ query: `{ keys(first: 20, filter: { aliasPrefix: "key-12345" }) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }` }),
    floor: async (pool) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" WHERE starts_with(key_alias, 'key-12345') ORDER BY token LIMIT 21`)).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'L3',
    title: 'keys expired by the last day of the data (expires is only second in an index)',
    graphql: (ctx) => ({ query: `query($before: DateTime) { keys(first: 20, filter: { expiresBefore: $before }) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }`, variables: { before: `${ctx.today}T00:00:00.000Z` } }),
    floor: async (pool, ctx) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" WHERE expires <= $1 ORDER BY token LIMIT 21`, [`${ctx.today}T00:00:00.000Z`])).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'L4',
    title: 'the 20 newest keys (no index on created_at; NULL sorts as oldest)',
    graphql: () => ({ query: `{ keys(first: 20, orderBy: CREATED_AT_DESC) { nodes { ${KEY_FIELDS} } pageInfo { endCursor hasNextPage } } }` }),
    floor: async (pool) => ({ keys: { nodes: (await pool.query(`SELECT ${KEY_COLUMNS} FROM "LiteLLM_VerificationToken" ORDER BY coalesce(created_at, '0001-01-01') DESC, token DESC LIMIT 21`)).rows.slice(0, 20) } }),
    rows: (d) => d.keys.nodes.length,
  },
  {
    id: 'Q5',
    title: "spendReport of one team, 90 days, by DAY and MODEL",
    graphql: (ctx) => ({
      query: `query($input: SpendReportInput!) { spendReport(input: $input) { rows { day model spend requests totalTokens } } }`,
      variables: { input: { from: ctx.from90, to: ctx.today, groupBy: ['DAY', 'MODEL'], filter: { teams: [ctx.teamId] }, first: 1000 } },
    }),
    floor: async (pool, ctx) => ({
      spendReport: {
        rows: (
          await pool.query(
            `SELECT date AS day, model, sum(spend)::float8 AS spend, sum(api_requests) AS requests, sum(prompt_tokens + completion_tokens) AS "totalTokens"
               FROM "LiteLLM_DailyTeamSpend" WHERE team_id = $1 AND date >= $2 AND date <= $3 GROUP BY date, model ORDER BY 3 DESC, 1, 2 LIMIT 1001`,
            [ctx.teamId, ctx.from90, ctx.today],
          )
        ).rows.slice(0, 1000),
      },
    }),
    rows: (d) => d.spendReport.rows.length,
  },
  {
    id: 'Q6',
    title: 'generateKey',
    graphql: () => ({ query: `mutation { generateKey(input: { maxBudget: 10, budgetDuration: "30d", models: ["gpt-4o"] }) { key info { token keyName } } }` }),
    floor: async (pool) => {
      const key = `sk-${randomBytes(16).toString('base64url')}`;
      const token = createHash('sha256').update(key).digest('hex');
      await pool.query(
        `INSERT INTO "LiteLLM_VerificationToken" (token, key_name, models, max_budget, budget_duration, budget_reset_at, created_by, updated_by, updated_at)
         VALUES ($1, $2, $3, 10, '30d', date_trunc('month', now()) + interval '1 month', 'default_user_id', 'default_user_id', now())`,
        [token, `sk-...${key.slice(-4)}`, ['gpt-4o']],
      );
      return { generateKey: { key, info: { token, keyName: `sk-...${key.slice(-4)}` } } };
    },
    rows: () => 1,
  },
];

/**
 * S1: the probe a caller makes, measured while heavy reports keep the database busy: each heavy client
 * sends a year-long report over the whole user rollup by KEY and MODEL, then the next, until stopped.
 */
export const STARVATION = {
  probe: { query: '{ keys(first: 1) { nodes { token } } }' },
  heavy: (ctx: BenchContext) => ({
    query: `query($input: SpendReportInput!) { spendReport(input: $input) { rows { apiKey model spend requests } totals { spend } } }`,
    variables: { input: { from: ctx.from366, to: ctx.today, groupBy: ['KEY', 'MODEL'], first: 1000 } },
  }),
};

-- 6 statements

-- level 0
SELECT x."organization_id", x."organization_alias"
FROM "LiteLLM_OrganizationTable" x
WHERE TRUE
ORDER BY x."organization_id" ASC
LIMIT 11;

-- level 1
SELECT c.*
FROM unnest($1::text[]) AS parent(id)
CROSS JOIN LATERAL (
  SELECT x."team_id", x."team_alias", x."organization_id", parent.id AS "__parent"
  FROM "LiteLLM_TeamTable" x
  WHERE x."organization_id" = parent.id
  ORDER BY x."team_id" ASC
  LIMIT 21) c;

SELECT d."organization_id" AS id, coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens, coalesce(sum(d.completion_tokens), 0) AS completion_tokens, coalesce(sum(d.api_requests), 0) AS requests, coalesce(sum(d.successful_requests), 0) AS successful_requests, coalesce(sum(d.failed_requests), 0) AS failed_requests
FROM "LiteLLM_DailyOrganizationSpend" d
WHERE d."organization_id" = ANY($1::text[]) AND d.date >= $2 AND d.date <= $3
GROUP BY d."organization_id";

-- level 2
SELECT d."team_id" AS id, coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens, coalesce(sum(d.completion_tokens), 0) AS completion_tokens, coalesce(sum(d.api_requests), 0) AS requests, coalesce(sum(d.successful_requests), 0) AS successful_requests, coalesce(sum(d.failed_requests), 0) AS failed_requests
FROM "LiteLLM_DailyTeamSpend" d
WHERE d."team_id" = ANY($1::text[]) AND d.date >= $2 AND d.date <= $3
GROUP BY d."team_id";

SELECT t.team_id AS id, coalesce((
  SELECT json_agg(json_build_array(e.position, e.user_id, e.user_email, e.role, CASE WHEN tm.user_id IS NULL THEN NULL ELSE json_build_array(tm."spend") END, NULL) ORDER BY e.position ASC)
  FROM (
    SELECT o.position, CASE WHEN jsonb_typeof(o.m->'user_id') = 'string' THEN o.m->>'user_id' END AS user_id, CASE WHEN jsonb_typeof(o.m->'user_email') = 'string' THEN o.m->>'user_email' END AS user_email, CASE WHEN o.m->'role' = '"admin"'::jsonb THEN 'admin' ELSE 'user' END AS role
    FROM (
      SELECT x.m, (row_number() OVER (ORDER BY x.ord) - 1)::int AS position
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]'::jsonb END) WITH ORDINALITY AS x(m, ord)
      WHERE jsonb_typeof(x.m) = 'object') o
    WHERE TRUE
    ORDER BY o.position ASC
    LIMIT 51) e LEFT JOIN "LiteLLM_TeamMembership" tm ON tm.user_id = e.user_id AND tm.team_id = t.team_id), '[]') AS members
FROM "LiteLLM_TeamTable" t
WHERE t.team_id = ANY($1::text[]);

-- level 3
SELECT p.user_id, p.team_id, s.*
FROM unnest($1::text[], $2::text[]) AS p(user_id, team_id)
CROSS JOIN LATERAL (
  SELECT coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens, coalesce(sum(d.completion_tokens), 0) AS completion_tokens, coalesce(sum(d.api_requests), 0) AS requests, coalesce(sum(d.successful_requests), 0) AS successful_requests, coalesce(sum(d.failed_requests), 0) AS failed_requests
  FROM "LiteLLM_DailyUserSpend" d
  WHERE d.user_id = p.user_id AND d.date >= $3 AND d.date <= $4 AND d.api_key IN (
    SELECT token
    FROM "LiteLLM_VerificationToken"
    WHERE user_id = p.user_id AND team_id = p.team_id
    UNION ALL
    SELECT token
    FROM "LiteLLM_DeletedVerificationToken"
    WHERE user_id = p.user_id AND team_id = p.team_id)) s;

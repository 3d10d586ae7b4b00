-- 3 statements

-- level 0
SELECT x."organization_id", x."organization_alias"
FROM "LiteLLM_OrganizationTable" x
WHERE TRUE
ORDER BY x."organization_id" ASC
LIMIT 21;

-- level 1
SELECT c.*
FROM unnest($1::text[]) AS parent(id)
CROSS JOIN LATERAL (
  SELECT x."team_id", x."team_alias", x."organization_id", parent.id AS "__parent"
  FROM "LiteLLM_TeamTable" x
  WHERE x."organization_id" = parent.id
  ORDER BY x."team_id" ASC
  LIMIT 21) c;

-- level 2
SELECT t.team_id AS id, coalesce((
  SELECT json_agg(json_build_array(e.position, e.user_id, e.user_email, e.role, CASE WHEN tm.user_id IS NULL THEN NULL ELSE json_build_array(tm."spend") END, CASE WHEN u.user_id IS NULL THEN NULL ELSE json_build_array(u."user_id", u."user_email") END) ORDER BY e.position ASC)
  FROM (
    SELECT o.position, CASE WHEN jsonb_typeof(o.m->'user_id') = 'string' THEN o.m->>'user_id' END AS user_id, CASE WHEN jsonb_typeof(o.m->'user_email') = 'string' THEN o.m->>'user_email' END AS user_email, CASE WHEN o.m->'role' = '"admin"'::jsonb THEN 'admin' ELSE 'user' END AS role
    FROM (
      SELECT x.m, (row_number() OVER (ORDER BY x.ord) - 1)::int AS position
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(t.members_with_roles) = 'array' THEN t.members_with_roles ELSE '[]'::jsonb END) WITH ORDINALITY AS x(m, ord)
      WHERE jsonb_typeof(x.m) = 'object') o
    WHERE TRUE
    ORDER BY o.position ASC
    LIMIT 51) e LEFT JOIN "LiteLLM_TeamMembership" tm ON tm.user_id = e.user_id AND tm.team_id = t.team_id LEFT JOIN "LiteLLM_UserTable" u ON u.user_id = e.user_id), '[]') AS members
FROM "LiteLLM_TeamTable" t
WHERE t.team_id = ANY($1::text[]);

-- 4 statements

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
  SELECT x."team_id", x."team_alias", x."organization_id", x."members_with_roles", parent.id AS "__parent"
  FROM "LiteLLM_TeamTable" x
  WHERE x."organization_id" = parent.id
  ORDER BY x."team_id" ASC
  LIMIT 21) c;

-- level 2
SELECT x."user_id", x."team_id", x."spend", x."budget_id", x."total_spend"
FROM "LiteLLM_TeamMembership" x
WHERE (x.user_id, x.team_id) IN (
  SELECT *
  FROM unnest($1::text[], $2::text[]));

SELECT x."user_id", x."user_email"
FROM "LiteLLM_UserTable" x
WHERE x."user_id" = ANY($1::text[]);

-- 6 statements

-- level 0
SELECT x."team_id", x."team_alias", x."organization_id", x."members_with_roles"
FROM "LiteLLM_TeamTable" x
WHERE TRUE
ORDER BY x."team_id" ASC
LIMIT 11;

-- level 1
SELECT c.*
FROM unnest($1::text[]) AS parent(id)
CROSS JOIN LATERAL (
  SELECT x."token", x."key_name", x."team_id", parent.id AS "__parent"
  FROM "LiteLLM_VerificationToken" x
  WHERE x."team_id" = parent.id
  ORDER BY x."token" ASC
  LIMIT 4) c;

SELECT x."organization_id", x."organization_alias", x."budget_id"
FROM "LiteLLM_OrganizationTable" x
WHERE x."organization_id" = ANY($1::text[]);

SELECT x."user_id", x."team_id", x."spend", x."budget_id", x."total_spend"
FROM "LiteLLM_TeamMembership" x
WHERE (x.user_id, x.team_id) IN (
  SELECT *
  FROM unnest($1::text[], $2::text[]));

-- level 2
SELECT x."budget_id", x."max_budget", x."budget_duration"
FROM "LiteLLM_BudgetTable" x
WHERE x."budget_id" = ANY($1::text[]);

SELECT x."budget_id", x."max_budget", x."budget_duration"
FROM "LiteLLM_BudgetTable" x
WHERE x."budget_id" = ANY($1::text[]);

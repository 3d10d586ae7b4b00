-- 5 statements

-- level 0
SELECT x."token", x."key_name", x."key_alias", x."spend", x."expires", x."user_id", x."team_id", x."max_budget", x."budget_id", x."organization_id"
FROM "LiteLLM_VerificationToken" x
WHERE TRUE
ORDER BY x."token" ASC
LIMIT 21;

-- level 1
SELECT count(*)::int AS n
FROM "LiteLLM_VerificationToken" x
WHERE TRUE;

SELECT x."organization_id", x."organization_alias"
FROM "LiteLLM_OrganizationTable" x
WHERE x."organization_id" = ANY($1::text[]);

SELECT x."team_id", x."team_alias"
FROM "LiteLLM_TeamTable" x
WHERE x."team_id" = ANY($1::text[]);

SELECT x."user_id", x."user_email"
FROM "LiteLLM_UserTable" x
WHERE x."user_id" = ANY($1::text[]);

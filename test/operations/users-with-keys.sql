-- 6 statements

-- level 0
SELECT x."user_id", x."teams", x."user_role", x."user_email"
FROM "LiteLLM_UserTable" x
WHERE TRUE
ORDER BY x."user_id" ASC
LIMIT 21;

-- level 1
SELECT c.*
FROM unnest($1::text[]) AS parent(id)
CROSS JOIN LATERAL (
  SELECT x."token", x."key_name", x."user_id", x."team_id", parent.id AS "__parent"
  FROM "LiteLLM_VerificationToken" x
  WHERE x."user_id" = parent.id
  ORDER BY x."token" ASC
  LIMIT 6) c;

SELECT x."team_id", x."team_alias"
FROM "LiteLLM_TeamTable" x
WHERE x."team_id" = ANY($1::text[]);

SELECT x."user_id", x."organization_id"
FROM "LiteLLM_OrganizationMembership" x
WHERE x.user_id = ANY($1::text[])
ORDER BY x.organization_id;

-- level 2
SELECT x."organization_id", x."organization_alias"
FROM "LiteLLM_OrganizationTable" x
WHERE x."organization_id" = ANY($1::text[]);

SELECT x."user_id" AS parent, count(*)::int AS n
FROM "LiteLLM_VerificationToken" x
WHERE x."user_id" = ANY($1::text[])
GROUP BY 1;

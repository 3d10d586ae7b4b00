-- 3 statements

-- level 0
SELECT x."request_id", x."api_key", x."spend", x."startTime", x."model", x."team_id"
FROM "LiteLLM_SpendLogs" x
WHERE x."startTime" >= $1 AND x."startTime" <= $2 AND x.status = $3
ORDER BY x."startTime" DESC, x."request_id" DESC
LIMIT 21;

-- level 1
SELECT x."team_id", x."team_alias"
FROM "LiteLLM_TeamTable" x
WHERE x."team_id" = ANY($1::text[]);

SELECT x."token", x."key_name"
FROM "LiteLLM_VerificationToken" x
WHERE x."token" = ANY($1::text[]);

-- 2 statements

-- level 0
SELECT d."date" AS g0, d."model" AS g1, coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.api_requests), 0) AS requests
FROM "LiteLLM_DailyUserSpend" d
WHERE d.date >= $1 AND d.date <= $2
GROUP BY d."date", d."model"
ORDER BY spend DESC, d."date" ASC NULLS FIRST, d."model" ASC NULLS FIRST
LIMIT 21 OFFSET $3;

-- level 1
SELECT coalesce(sum(d.spend), 0)::float8 AS spend, coalesce(sum(d.prompt_tokens), 0) AS prompt_tokens, coalesce(sum(d.completion_tokens), 0) AS completion_tokens, coalesce(sum(d.api_requests), 0) AS requests, coalesce(sum(d.successful_requests), 0) AS successful_requests, coalesce(sum(d.failed_requests), 0) AS failed_requests
FROM "LiteLLM_DailyUserSpend" d
WHERE d.date >= $1 AND d.date <= $2;

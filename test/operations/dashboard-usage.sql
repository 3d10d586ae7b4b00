-- 1 statements

-- level 0
SELECT u.piece AS data
FROM unnest(string_to_array('{' || '"organizations":' || (
  SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"alias":' || coalesce(to_json(j1."organization_alias")::text, 'null') || ',"usage":' || (
    SELECT '{' || '"spend":' || coalesce(sum(d.spend), 0)::float8::text || ',"requests":' || (CASE WHEN abs(coalesce(sum(d.api_requests), 0)) <= 9007199254740991 THEN coalesce(sum(d.api_requests), 0) ELSE coalesce(sum(d.api_requests), 0) / 0 END)::text || '}'
    FROM "LiteLLM_DailyOrganizationSpend" d
    WHERE d."organization_id" = j1."organization_id" AND d.date >= $1 AND d.date <= $2) || ',"teams":' || (
    SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"alias":' || coalesce(to_json(j2."team_alias")::text, 'null') || ',"usage":' || (
      SELECT '{' || '"spend":' || coalesce(sum(d.spend), 0)::float8::text || ',"totalTokens":' || (CASE WHEN abs((coalesce(sum(d.prompt_tokens), 0) + coalesce(sum(d.completion_tokens), 0))) <= 9007199254740991 THEN (coalesce(sum(d.prompt_tokens), 0) + coalesce(sum(d.completion_tokens), 0)) ELSE (coalesce(sum(d.prompt_tokens), 0) + coalesce(sum(d.completion_tokens), 0)) / 0 END)::text || '}'
      FROM "LiteLLM_DailyTeamSpend" d
      WHERE d."team_id" = j2."team_id" AND d.date >= $3 AND d.date <= $4) || ',"members":' || (
      SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"userEmail":' || coalesce(to_json(j3.user_email)::text, 'null') || ',"spend":' || coalesce(j3tm.spend::text, 'null') || ',"usage":' || (
        SELECT '{' || '"spend":' || coalesce(sum(d.spend), 0)::float8::text || '}'
        FROM "LiteLLM_DailyUserSpend" d
        WHERE d."user_id" = j3.user_id AND d.date >= $5 AND d.date <= $6 AND d.api_key IN (
          SELECT token
          FROM "LiteLLM_VerificationToken"
          WHERE user_id = j3.user_id AND team_id = j2."team_id"
          UNION ALL
          SELECT token
          FROM "LiteLLM_DeletedVerificationToken"
          WHERE user_id = j3.user_id AND team_id = j2."team_id")) || '}', ',' ORDER BY j3.__n) FILTER (WHERE j3.__n <= 50), '') || ']' || '}'
      FROM (
        SELECT o.position, CASE WHEN jsonb_typeof(o.m->'user_id') = 'string' THEN o.m->>'user_id' END AS user_id, CASE WHEN jsonb_typeof(o.m->'user_email') = 'string' THEN o.m->>'user_email' END AS user_email, CASE WHEN o.m->'role' = '"admin"'::jsonb THEN 'admin' ELSE 'user' END AS role, row_number() OVER (ORDER BY o.position) AS __n
        FROM (
          SELECT x.m, (row_number() OVER (ORDER BY x.ord) - 1)::int AS position
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j2.members_with_roles) = 'array' THEN j2.members_with_roles ELSE '[]'::jsonb END) WITH ORDINALITY AS x(m, ord)
          WHERE jsonb_typeof(x.m) = 'object') o
        WHERE TRUE
        ORDER BY o.position
        LIMIT 51) j3 LEFT JOIN "LiteLLM_TeamMembership" j3tm ON j3tm.user_id = j3.user_id AND j3tm.team_id = j2.team_id
      GROUP BY ()) || '}', ',' ORDER BY j2.__n) FILTER (WHERE j2.__n <= 20), '') || ']' || '}'
    FROM (
      SELECT j2x.*, row_number() OVER (ORDER BY j2x."team_id" ASC) AS __n
      FROM (
        SELECT j2x."team_alias", j2x."team_id", j2x."members_with_roles"
        FROM "LiteLLM_TeamTable" j2x
        WHERE j2x."organization_id" = j1."organization_id"
        ORDER BY j2x."team_id" ASC
        LIMIT 21) j2x) j2
    GROUP BY ()) || '}', ',' || chr(1) ORDER BY j1.__n) FILTER (WHERE j1.__n <= 10), '') || ']' || '}'
  FROM (
    SELECT j1x.*, row_number() OVER (ORDER BY j1x."organization_id" ASC) AS __n
    FROM (
      SELECT j1x."organization_alias", j1x."organization_id"
      FROM "LiteLLM_OrganizationTable" j1x
      WHERE TRUE
      ORDER BY j1x."organization_id" ASC
      LIMIT 11) j1x) j1
  GROUP BY ()) || '}', chr(1))) WITH ORDINALITY AS u(piece, n)
ORDER BY u.n;

-- 1 statements

-- level 0
SELECT u.piece AS data
FROM unnest(string_to_array('{' || '"organizations":' || (
  SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"id":' || coalesce(to_json(j1."organization_id")::text, 'null') || ',"alias":' || coalesce(to_json(j1."organization_alias")::text, 'null') || ',"teams":' || (
    SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"id":' || coalesce(to_json(j2."team_id")::text, 'null') || ',"alias":' || coalesce(to_json(j2."team_alias")::text, 'null') || ',"members":' || (
      SELECT '{' || '"nodes":' || '[' || coalesce(string_agg('{' || '"user":' || CASE WHEN j3u.user_id IS NULL THEN 'null' ELSE '{' || '"email":' || coalesce(to_json(j3u."user_email")::text, 'null') || '}' END || ',"spend":' || coalesce(j3tm.spend::text, 'null') || '}', ',' ORDER BY j3.__n) FILTER (WHERE j3.__n <= 50), '') || ']' || '}'
      FROM (
        SELECT o.position, CASE WHEN jsonb_typeof(o.m->'user_id') = 'string' THEN o.m->>'user_id' END AS user_id, CASE WHEN jsonb_typeof(o.m->'user_email') = 'string' THEN o.m->>'user_email' END AS user_email, CASE WHEN o.m->'role' = '"admin"'::jsonb THEN 'admin' ELSE 'user' END AS role, row_number() OVER (ORDER BY o.position) AS __n
        FROM (
          SELECT x.m, (row_number() OVER (ORDER BY x.ord) - 1)::int AS position
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j2.members_with_roles) = 'array' THEN j2.members_with_roles ELSE '[]'::jsonb END) WITH ORDINALITY AS x(m, ord)
          WHERE jsonb_typeof(x.m) = 'object') o
        WHERE TRUE
        ORDER BY o.position
        LIMIT 51) j3 LEFT JOIN "LiteLLM_TeamMembership" j3tm ON j3tm.user_id = j3.user_id AND j3tm.team_id = j2.team_id LEFT JOIN "LiteLLM_UserTable" j3u ON j3u.user_id = j3.user_id
      GROUP BY ()) || '}', ',' ORDER BY j2.__n) FILTER (WHERE j2.__n <= 20), '') || ']' || '}'
    FROM (
      SELECT j2x.*, row_number() OVER (ORDER BY j2x."team_id" ASC) AS __n
      FROM (
        SELECT j2x."team_id", j2x."team_alias", j2x."members_with_roles"
        FROM "LiteLLM_TeamTable" j2x
        WHERE j2x."organization_id" = j1."organization_id"
        ORDER BY j2x."team_id" ASC
        LIMIT 21) j2x) j2
    GROUP BY ()) || '}', ',' || chr(1) ORDER BY j1.__n) FILTER (WHERE j1.__n <= 20), '') || ']' || '}'
  FROM (
    SELECT j1x.*, row_number() OVER (ORDER BY j1x."organization_id" ASC) AS __n
    FROM (
      SELECT j1x."organization_id", j1x."organization_alias"
      FROM "LiteLLM_OrganizationTable" j1x
      WHERE TRUE
      ORDER BY j1x."organization_id" ASC
      LIMIT 21) j1x) j1
  GROUP BY ()) || '}', chr(1))) WITH ORDINALITY AS u(piece, n)
ORDER BY u.n;

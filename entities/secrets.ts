/**
 * Columns of LiteLLM's tables that hold secrets: no GraphQL field maps to one
 * (test/security/secrets-never-have-a-field.test.ts checks every field of the schema against this list).
 * `filteredBy` names the only way part of such a column may leave: a field resolver that returns what an
 * allow-list keeps of it, never a plain field. A column without it is not even read (src/db/rows.ts).
 *
 * Left off on purpose: key hashes (VerificationToken.token and the tombstone, deprecated, JWT-mapping, tool and
 * spend-log copies of it, *_api_key of the audit and deleted tables): LiteLLM accepts only the raw key, and the
 * hash is the key's id; credential names (LiteLLM_CredentialsTable.credential_name, litellm_credential_name)
 * and credential_info (provider, description); extra_headers (header names to forward, not values); OAuth
 * endpoint URLs (authorization_url, token_url, registration_url: published by the provider).
 */
export interface SecretColumn {
  why: string;
  filteredBy?: string;
}

/** filteredBy of free-form JSON columns: a field shows them only with the masksSecrets extension, which masks every secret-named member. */
export const MASKED_JSON = 'maskSecrets';

export const SECRET_COLUMNS: Record<string, SecretColumn> = {
  'LiteLLM_UserTable.password': { why: "the user's UI login password (a hash in current LiteLLM releases)" },
  'LiteLLM_CredentialsTable.credential_values': { why: "provider API keys and cloud credentials behind a credential name (encrypted with LiteLLM's salt key)" },
  'LiteLLM_MCPUserCredentials.credential_b64': { why: "a user's own (BYOK) API key or OAuth token for an MCP server, base64" },
  'LiteLLM_MCPServerTable.credentials': { why: 'auth_value, client_id/client_secret and OAuth tokens for the MCP server (encrypted)' },
  'LiteLLM_MCPServerTable.env': { why: 'environment of a stdio MCP server: where its API keys go' },
  'LiteLLM_MCPServerTable.args': { why: 'command-line arguments of a stdio MCP server, which carry tokens as often as flags' },
  'LiteLLM_MCPServerTable.static_headers': { why: 'header values sent to the MCP server on every call (Authorization, x-api-key)' },
  'LiteLLM_MCPServerTable.url': { why: 'hosted MCP servers (Zapier and others) put the secret in the URL path or query' },
  'LiteLLM_AgentsTable.static_headers': { why: 'header values sent to the agent on every call (Authorization, x-api-key)' },
  'LiteLLM_SSOConfig.sso_settings': { why: 'Google, Microsoft and generic OIDC client secrets of the admin UI login' },
  'LiteLLM_Config.param_value': { why: 'stored general_settings, litellm_settings and environment_variables (provider keys, alerting webhooks)' },
  'LiteLLM_ConfigOverrides.config_value': { why: 'config sections overridden from the UI, secret-manager settings with their tokens among them' },
  'LiteLLM_CacheConfig.cache_settings': { why: 'cache backend connection settings: Redis password, URL with credentials' },
  'LiteLLM_ProxyModelTable.litellm_params': { why: "a deployment's api_key, aws_secret_access_key, vertex_credentials, …", filteredBy: 'publicLitellmParams' },
  'LiteLLM_AgentsTable.litellm_params': { why: "the agent's model parameters, api_key included", filteredBy: 'an allow-list of non-secret parameters (publicLitellmParams)' },
  'LiteLLM_GuardrailsTable.litellm_params': { why: "the guardrail provider's api_key and api_base", filteredBy: 'an allow-list of non-secret guardrail parameters' },
  'LiteLLM_PromptTable.litellm_params': { why: 'the prompt integration settings, its api keys (Langfuse, Humanloop, …) included', filteredBy: 'an allow-list of non-secret prompt parameters' },
  'LiteLLM_SearchToolsTable.litellm_params': { why: "the search provider's api_key", filteredBy: 'an allow-list of non-secret search parameters' },
  'LiteLLM_ManagedVectorStoresTable.litellm_params': { why: "the vector store provider's api_key or cloud credentials", filteredBy: 'an allow-list of non-secret parameters' },
  'LiteLLM_ManagedVectorStoreIndexTable.litellm_params': { why: "the vector store provider's api_key or cloud credentials", filteredBy: 'an allow-list of non-secret parameters' },
  'LiteLLM_AuditLog.before_value': { why: 'LiteLLM dumps whole rows here: passwords, litellm_params, credential values', filteredBy: 'publicAuditValue' },
  'LiteLLM_AuditLog.updated_values': { why: 'LiteLLM dumps whole rows here: passwords, litellm_params, credential values', filteredBy: 'publicAuditValue' },
  // free-form JSON: shown only through a field with the masksSecrets extension (maskSecrets in src/graphql/secrets.ts)
  'LiteLLM_VerificationToken.metadata': { why: 'logging callbacks with their keys (metadata.logging[].callback_vars), and whatever users store', filteredBy: MASKED_JSON },
  'LiteLLM_VerificationToken.config': { why: 'per-key LiteLLM settings, which may carry a provider api_key', filteredBy: MASKED_JSON },
  'LiteLLM_VerificationToken.permissions': { why: "free-form JSON next to the key's settings", filteredBy: MASKED_JSON },
  'LiteLLM_VerificationToken.router_settings': { why: 'router settings, which may carry redis_password', filteredBy: MASKED_JSON },
  'LiteLLM_DeletedVerificationToken.metadata': { why: "the deleted key's metadata: logging callbacks with their keys", filteredBy: MASKED_JSON },
  'LiteLLM_DeletedVerificationToken.config': { why: "the deleted key's settings, which may carry a provider api_key", filteredBy: MASKED_JSON },
  'LiteLLM_DeletedVerificationToken.permissions': { why: "the deleted key's free-form permissions JSON", filteredBy: MASKED_JSON },
  'LiteLLM_DeletedVerificationToken.router_settings': { why: "the deleted key's router settings, which may carry redis_password", filteredBy: MASKED_JSON },
  'LiteLLM_TeamTable.metadata': { why: "the team's logging callbacks with their keys, and whatever users store", filteredBy: MASKED_JSON },
  'LiteLLM_TeamTable.router_settings': { why: 'router settings, which may carry redis_password', filteredBy: MASKED_JSON },
  'LiteLLM_DeletedTeamTable.metadata': { why: "the deleted team's metadata: logging callbacks with their keys", filteredBy: MASKED_JSON },
  'LiteLLM_DeletedTeamTable.router_settings': { why: "the deleted team's router settings, which may carry redis_password", filteredBy: MASKED_JSON },
  'LiteLLM_UserTable.metadata': { why: 'free-form JSON users store with themselves, secrets included', filteredBy: MASKED_JSON },
  'LiteLLM_OrganizationTable.metadata': { why: "the organization's logging callbacks with their keys, and whatever users store", filteredBy: MASKED_JSON },
  'LiteLLM_ProjectTable.metadata': { why: 'free-form JSON stored with the project', filteredBy: MASKED_JSON },
  'LiteLLM_ProxyModelTable.model_info': { why: 'free-form deployment information written by admins', filteredBy: MASKED_JSON },
  'LiteLLM_TagTable.model_info': { why: 'free-form model information stored with the tag', filteredBy: MASKED_JSON },
  'LiteLLM_SpendLogs.metadata': { why: "request metadata: the client's headers among it", filteredBy: MASKED_JSON },
  'LiteLLM_SpendLogs.messages': { why: "the request's messages, tool arguments with their keys among them", filteredBy: MASKED_JSON },
  'LiteLLM_SpendLogs.response': { why: "the provider's response", filteredBy: MASKED_JSON },
  'LiteLLM_SpendLogs.proxy_server_request': { why: 'the request as the proxy received it: Authorization and x-api-key headers, api_key and cloud credentials in the body', filteredBy: MASKED_JSON },
  'LiteLLM_ErrorLogs.request_kwargs': { why: "the failed request's parameters: api_key, extra headers", filteredBy: MASKED_JSON },
  'LiteLLM_MemoryTable.metadata': { why: 'free-form JSON stored with a memory', filteredBy: MASKED_JSON },
  'LiteLLM_SkillsTable.metadata': { why: 'free-form JSON stored with a skill', filteredBy: MASKED_JSON },
  'LiteLLM_WorkflowRun.metadata': { why: 'free-form JSON stored with a workflow run', filteredBy: MASKED_JSON },
  'LiteLLM_SpendLogs.api_base': { why: 'a deployment URL may carry credentials in its user info or query string', filteredBy: 'publicUrl' },
  'LiteLLM_ErrorLogs.api_base': { why: 'a deployment URL may carry credentials in its user info or query string', filteredBy: 'publicUrl' },
  'LiteLLM_ManagedFileTable.storage_url': { why: 'a presigned storage URL: its query string is a credential', filteredBy: 'publicUrl' },
  'LiteLLM_ManagedVectorStoreTable.storage_url': { why: 'a presigned storage URL: its query string is a credential', filteredBy: 'publicUrl' },
};

/** Secret columns no field may show even in part: the gateway never reads them. */
export const NEVER_READ_COLUMNS = new Set(Object.keys(SECRET_COLUMNS).filter((c) => !SECRET_COLUMNS[c].filteredBy));

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
  'LiteLLM_SpendLogs.api_base': { why: 'a deployment URL may carry credentials in its user info or query string', filteredBy: 'publicUrl' },
  'LiteLLM_ErrorLogs.api_base': { why: 'a deployment URL may carry credentials in its user info or query string', filteredBy: 'publicUrl' },
  'LiteLLM_ManagedFileTable.storage_url': { why: 'a presigned storage URL: its query string is a credential', filteredBy: 'publicUrl' },
  'LiteLLM_ManagedVectorStoreTable.storage_url': { why: 'a presigned storage URL: its query string is a credential', filteredBy: 'publicUrl' },
};

/** Secret columns no field may show even in part: the gateway never reads them. */
export const NEVER_READ_COLUMNS = new Set(Object.keys(SECRET_COLUMNS).filter((c) => !SECRET_COLUMNS[c].filteredBy));

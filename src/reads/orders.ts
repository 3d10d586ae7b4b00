import { Order } from '../paging';

/** Every list's order, defined once: each is served by an index LiteLLM has (README, "Lists"). */
const byPrimaryKey = (column: string, property = 'id'): Order => ({ columns: [column], properties: [property], direction: 'ASC' });

export const KEY_ORDER = byPrimaryKey('token', 'token');
/** LiteLLM has no index on spend: ordering all keys by it reads the key table (LIST_SCAN_COST). */
export const KEY_SPEND_ORDER: Order = { columns: ['spend', 'token'], properties: ['spend', 'token'], direction: 'DESC' };
/** Nor on created_at, which LiteLLM leaves NULL on some rows: those sort as the oldest (year 1). */
export const KEY_CREATED_ORDER: Order = {
  columns: ['created_at', 'token'],
  properties: ['createdAt', 'token'],
  direction: 'DESC',
  nullAs: { created_at: { sql: `'0001-01-01 00:00:00'::timestamp`, value: '0001-01-01T00:00:00.000Z' } },
};
export const TEAM_ORDER = byPrimaryKey('team_id');
export const USER_ORDER = byPrimaryKey('user_id');
export const ORGANIZATION_ORDER = byPrimaryKey('organization_id');
/** OrganizationMembership's primary key is (user_id, organization_id): members of one organization by user */
export const ORGANIZATION_MEMBER_ORDER = byPrimaryKey('user_id', 'userId');
export const END_USER_ORDER = byPrimaryKey('user_id');
export const BUDGET_ORDER = byPrimaryKey('budget_id');
export const MODEL_ORDER = byPrimaryKey('model_id');
export const INVITATION_ORDER = byPrimaryKey('id');
export const MODEL_ACCESS_REQUEST_ORDER = byPrimaryKey('request_id');

/** Newest first. */
export const SPEND_LOG_ORDER: Order = { columns: ['startTime', 'request_id'], properties: ['startTime', 'requestId'], direction: 'DESC' };
export const ERROR_LOG_ORDER: Order = { columns: ['startTime', 'request_id'], properties: ['startTime', 'requestId'], direction: 'DESC' };
export const AUDIT_LOG_ORDER: Order = { columns: ['updated_at', 'id'], properties: ['updatedAt', 'id'], direction: 'DESC' };
/** Tombstones, newest deletion first (deleted_at is indexed). */
export const DELETED_KEY_ORDER: Order = { columns: ['deleted_at', 'id'], properties: ['deletedAt', 'id'], direction: 'DESC' };
export const DELETED_TEAM_ORDER: Order = { columns: ['deleted_at', 'id'], properties: ['deletedAt', 'id'], direction: 'DESC' };
/** Issue 16's lists, each by its primary key. */
export const TAG_ORDER = byPrimaryKey('tag_name', 'tagName');
export const PROJECT_ORDER = byPrimaryKey('project_id', 'projectId');
export const CREDENTIAL_ORDER = byPrimaryKey('credential_id', 'credentialId');
export const ACCESS_GROUP_ORDER = byPrimaryKey('access_group_id', 'accessGroupId');
/** Proxy configuration objects (issue 16): by primary key. */
export const AGENT_ORDER = byPrimaryKey('agent_id', 'agentId');
export const MCP_SERVER_ORDER = byPrimaryKey('server_id', 'serverId');
export const MCP_TOOLSET_ORDER = byPrimaryKey('toolset_id', 'toolsetId');
export const GUARDRAIL_ORDER = byPrimaryKey('guardrail_id', 'guardrailId');
export const POLICY_ORDER = byPrimaryKey('policy_id', 'policyId');
export const PROMPT_ORDER = byPrimaryKey('id');
export const VECTOR_STORE_ORDER = byPrimaryKey('vector_store_id', 'vectorStoreId');
/** A team's files, newest first: LiteLLM's (team_id, created_at DESC) index. */
export const MANAGED_FILE_ORDER: Order = { columns: ['created_at', 'id'], properties: ['createdAt', 'id'], direction: 'DESC' };
/** Health checks, newest first (checked_at is indexed). */
export const HEALTH_CHECK_ORDER: Order = { columns: ['checked_at', 'health_check_id'], properties: ['checkedAt', 'healthCheckId'], direction: 'DESC' };

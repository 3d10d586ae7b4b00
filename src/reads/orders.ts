import { Order } from '../paging';

/** Every list's order, defined once: each is served by an index LiteLLM has (README, "Lists"). */
const byPrimaryKey = (column: string, property = 'id'): Order => ({ columns: [column], properties: [property], direction: 'ASC' });

export const KEY_ORDER = byPrimaryKey('token', 'token');
/** LiteLLM has no index on spend: ordering all keys by it reads the key table (LIST_SCAN_COST). */
export const KEY_SPEND_ORDER: Order = { columns: ['spend', 'token'], properties: ['spend', 'token'], direction: 'DESC' };
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

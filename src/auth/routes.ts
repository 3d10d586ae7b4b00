/**
 * LiteLLM's `allowed_routes` on this API. A key with an empty list may call every operation its role
 * allows; otherwise each root field of an operation must be granted by one entry: a route category
 * (LiteLLM stores key_type read_only as info_routes, llm_api as llm_api_routes, management as
 * management_routes), a LiteLLM route that the operation stands for, or such a route with a trailing `*`.
 * Anything else grants nothing.
 */
export type OperationKind = 'query' | 'mutation';

/** Each root field and the LiteLLM routes it stands for (README, "Security model"). */
export const ROUTES: Record<OperationKind, Record<string, string[]>> = {
  query: {
    viewer: ['/key/info', '/user/info'],
    organizations: ['/organization/list'],
    organization: ['/organization/info'],
    teams: ['/team/list'],
    team: ['/team/info'],
    users: ['/user/list'],
    user: ['/user/info'],
    keys: ['/key/list'],
    key: ['/key/info'],
    endUsers: ['/customer/list'],
    endUser: ['/customer/info'],
    budgets: ['/budget/list'],
    budget: ['/budget/info'],
    models: ['/model/info', '/v2/model/info'],
    invitations: ['/invitation/info'],
    modelAccessRequests: ['/user/available_users'],
    spendReport: ['/global/spend/report', '/spend/report'],
    spendLogs: ['/spend/logs'],
    spendLog: ['/spend/logs'],
    errorLogs: ['/global/spend/logs'],
    auditLogs: ['/audit'],
    deletedKeys: ['/key/list'],
    deletedTeams: ['/team/list'],
    tags: ['/tag/list', '/tag/info'],
    projects: ['/project/list', '/project/info'],
    credentials: ['/credentials'],
    accessGroups: ['/v1/access_group'],
    agents: ['/v1/agents'],
    mcpServers: ['/v1/mcp/server'],
    mcpToolsets: ['/v1/mcp/toolset'],
    guardrails: ['/guardrails/list', '/v2/guardrails/list'],
    policies: ['/policies/list', '/policy/list'],
    prompts: ['/prompts/list'],
    vectorStores: ['/vector_store/list'],
    healthChecks: ['/health/history', '/health/latest'],
  },
  mutation: {
    generateKey: ['/key/generate'],
    updateKey: ['/key/update'],
    deleteKeys: ['/key/delete'],
    regenerateKey: ['/key/regenerate'],
    blockKey: ['/key/block'],
    unblockKey: ['/key/unblock'],
    resetKeySpend: ['/key/reset_spend'],
    createBudget: ['/budget/new'],
    updateBudget: ['/budget/update'],
    deleteBudget: ['/budget/delete'],
    setTeamBudget: ['/team/update'],
    setUserBudget: ['/user/update'],
    setTeamMemberBudget: ['/team/member_update'],
    createTeam: ['/team/new'],
    updateTeam: ['/team/update'],
    deleteTeams: ['/team/delete'],
    blockTeam: ['/team/block'],
    unblockTeam: ['/team/unblock'],
    addTeamModels: ['/team/model/add'],
    removeTeamModels: ['/team/model/delete'],
    addTeamMembers: ['/team/member_add', '/team/bulk_member_add'],
    removeTeamMembers: ['/team/member_delete'],
    updateTeamMember: ['/team/member_update'],
    resetTeamMemberSpend: ['/team/{team_id}/member/{user_id}/reset_spend'],
    setOrganizationBudget: ['/organization/update'],
    setEndUserBudget: ['/customer/update'],
    createEndUser: ['/customer/new', '/end_user/new'],
    updateEndUser: ['/customer/update', '/end_user/update'],
    deleteEndUsers: ['/customer/delete', '/end_user/delete'],
    blockEndUsers: ['/customer/block', '/end_user/block'],
    unblockEndUsers: ['/customer/unblock', '/end_user/unblock'],
    createOrganization: ['/organization/new'],
    updateOrganization: ['/organization/update'],
    deleteOrganizations: ['/organization/delete'],
    addOrganizationMembers: ['/organization/member_add'],
    updateOrganizationMember: ['/organization/member_update'],
    removeOrganizationMembers: ['/organization/member_delete'],
    resetBudgets: [],
    createUser: ['/user/new'],
    updateUser: ['/user/update'],
    updateUsers: ['/user/bulk_update'],
    deleteUsers: ['/user/delete'],
  },
};

const SPEND_QUERIES = new Set(['viewer', 'spendReport', 'spendLogs', 'spendLog', 'errorLogs']);

/** What one allowed_routes entry grants for a root field, or false. */
function grants(entry: string, kind: OperationKind, field: string): boolean {
  switch (entry) {
    case 'management_routes':
      return true;
    case 'info_routes':
      return kind === 'query';
    case 'spend_tracking_routes':
    case 'global_spend_tracking_routes':
      return kind === 'query' && SPEND_QUERIES.has(field);
  }
  const routes = ROUTES[kind][field] ?? [];
  if (entry.endsWith('*')) {
    const prefix = entry.slice(0, -1);
    return prefix.startsWith('/') && routes.some((r) => r.startsWith(prefix));
  }
  return routes.includes(entry);
}

/** The root fields an allowed_routes list refuses (empty: all allowed). Introspection needs any grant on this API. */
export function refusedRootFields(allowedRoutes: readonly string[], kind: OperationKind, fields: readonly string[]): string[] {
  if (!allowedRoutes.length) return [];
  const anyGrant = (['query', 'mutation'] as const).some((k) => Object.keys(ROUTES[k]).some((f) => allowedRoutes.some((e) => grants(e, k, f))));
  return fields.filter((f) => (f.startsWith('__') ? !anyGrant : !allowedRoutes.some((e) => grants(e, kind, f))));
}

/**
 * The query roots that read each object type: a nested field reaching a type (viewer { user { keys } })
 * needs a grant for one of them, so nesting reads nothing a key's routes would refuse at the root.
 */
const TYPE_ROOTS: Record<string, string[]> = {
  Viewer: ['viewer'],
  Organization: ['organization', 'organizations'],
  OrganizationMember: ['organization', 'organizations'],
  Team: ['team', 'teams'],
  TeamMember: ['team', 'teams'],
  User: ['user', 'users'],
  VirtualKey: ['key', 'keys'],
  EndUser: ['endUser', 'endUsers'],
  Budget: ['budget', 'budgets'],
  Model: ['models'],
  Invitation: ['invitations'],
  ModelAccessRequest: ['modelAccessRequests'],
  SpendLog: ['spendLogs', 'spendLog'],
  SpendReport: ['spendReport'],
  SpendReportRow: ['spendReport'],
  ErrorLog: ['errorLogs'],
  AuditLogEntry: ['auditLogs'],
  DeletedKey: ['deletedKeys'],
  DeletedTeam: ['deletedTeams'],
  Tag: ['tags'],
  Project: ['projects'],
  // a permission set is read through the key, team, user or organization (or project) that points to it
  ObjectPermission: ['key', 'keys', 'team', 'teams', 'user', 'users', 'organization', 'organizations', 'projects'],
  Credential: ['credentials'],
  AccessGroup: ['accessGroups'],
  Agent: ['agents'],
  McpServer: ['mcpServers'],
  McpToolset: ['mcpToolsets'],
  Guardrail: ['guardrails'],
  DailyGuardrailMetrics: ['guardrails'],
  Policy: ['policies'],
  PolicyAttachment: ['policies'],
  DailyPolicyMetrics: ['policies'],
  Prompt: ['prompts'],
  VectorStore: ['vectorStores'],
  ManagedFile: ['team', 'teams'],
  HealthCheck: ['healthChecks'],
};

/** Mutation answers that wrap the object they made. */
const WRAPPERS: Record<string, string[]> = { GeneratedKey: ['VirtualKey'], CreatedUser: ['User', 'GeneratedKey', 'VirtualKey'] };

export const withWrapped = (types: string[]) => types.flatMap((t) => [t, ...(WRAPPERS[t] ?? [])]);

/** The object types an allowed_routes list lets no query root read (types not listed above are wrappers). */
export function refusedTypes(allowedRoutes: readonly string[], types: Iterable<string>): string[] {
  if (!allowedRoutes.length) return [];
  return [...types].filter((type) => {
    const roots = TYPE_ROOTS[type];
    return roots !== undefined && !roots.some((root) => allowedRoutes.some((e) => grants(e, 'query', root)));
  });
}

/** May a key restricted to `mine` give another key `theirs`? Only a subset of its own routes. */
export function routesWithin(mine: readonly string[], theirs: readonly string[] | null | undefined): boolean {
  if (!mine.length) return true;
  if (!theirs || !theirs.length) return false;
  return theirs.every((r) => mine.includes(r));
}

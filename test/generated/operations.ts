/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** A member's role in members_with_roles */
export type TeamRole =
  /** Team admin ('admin'): manages the team's members and all its keys */
  | 'ADMIN'
  /** Team member ('user'): creates and manages their own keys in the team */
  | 'USER';

export type DashboardUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardUsageQuery = { organizations: { nodes: Array<{ alias: string, usage: { spend: number, requests: number }, teams: { nodes: Array<{ alias: string | null, usage: { spend: number, totalTokens: number }, members: { nodes: Array<{ userEmail: string | null, spend: number | null, usage: { spend: number } | null }> } }> } }> } };

export type KeyPageQueryVariables = Exact<{ [key: string]: never; }>;


export type KeyPageQuery = { keys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ token: string, keyName: string | null, keyAlias: string | null, spend: number, maxBudget: number | null, expires: string | null, user: { email: string | null } | null, team: { alias: string | null } | null, organization: { alias: string } | null, budget: { maxBudget: number | null } | null }> } };

export type NestedOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type NestedOrganizationsQuery = { organizations: { nodes: Array<{ id: string, alias: string, teams: { nodes: Array<{ id: string, alias: string | null, members: { nodes: Array<{ spend: number | null, user: { email: string | null } | null }> } }> } }> } };

export type SpendLogsWindowQueryVariables = Exact<{ [key: string]: never; }>;


export type SpendLogsWindowQuery = { spendLogs: { nodes: Array<{ requestId: string, startTime: string, spend: number, model: string, key: { keyName: string | null } | null, team: { alias: string | null } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SpendReportByDayAndModelQueryVariables = Exact<{ [key: string]: never; }>;


export type SpendReportByDayAndModelQuery = { spendReport: { source: string, rows: Array<{ day: string | null, model: string | null, spend: number, requests: number }>, totals: { spend: number }, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TeamMembersBudgetsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamMembersBudgetsQuery = { teams: { nodes: Array<{ alias: string | null, organization: { alias: string, budget: { maxBudget: number | null, budgetDuration: string | null } | null } | null, members: { totalCount: number, nodes: Array<{ userEmail: string | null, role: TeamRole, spend: number | null, budget: { maxBudget: number | null, budgetDuration: string | null } | null }> }, keys: { nodes: Array<{ keyName: string | null }> } }> } };

export type UsersWithKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type UsersWithKeysQuery = { users: { nodes: Array<{ id: string, email: string | null, role: string | null, teams: Array<{ alias: string | null }>, organizations: Array<{ alias: string }>, keys: { totalCount: number, nodes: Array<{ keyName: string | null, team: { alias: string | null } | null }> } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: string, isMasterKey: boolean, user: { email: string | null } | null } };

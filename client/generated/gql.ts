/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DashboardUsage {\n  organizations(first: 10) {\n    nodes {\n      alias\n      usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n        spend\n        requests\n      }\n      teams(first: 20) {\n        nodes {\n          alias\n          usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n            spend\n            totalTokens\n          }\n          members(first: 50) {\n            nodes {\n              userEmail\n              spend\n              usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n                spend\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.DashboardUsageDocument,
    "query KeyPage {\n  keys(first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      token\n      keyName\n      keyAlias\n      spend\n      maxBudget\n      expires\n      user {\n        email\n      }\n      team {\n        alias\n      }\n      organization {\n        alias\n      }\n      budget {\n        maxBudget\n      }\n    }\n  }\n}": typeof types.KeyPageDocument,
    "query NestedOrganizations {\n  organizations(first: 20) {\n    nodes {\n      id\n      alias\n      teams(first: 20) {\n        nodes {\n          id\n          alias\n          members(first: 50) {\n            nodes {\n              user {\n                email\n              }\n              spend\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.NestedOrganizationsDocument,
    "query SpendLogsWindow {\n  spendLogs(\n    first: 20\n    filter: {from: \"2026-11-01T00:00:00Z\", to: \"2026-11-08T00:00:00Z\", status: \"success\"}\n  ) {\n    nodes {\n      requestId\n      startTime\n      spend\n      model\n      key {\n        keyName\n      }\n      team {\n        alias\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SpendLogsWindowDocument,
    "query SpendReportByDayAndModel {\n  spendReport(\n    input: {from: \"2026-01-01\", to: \"2026-12-31\", groupBy: [DAY, MODEL], first: 20}\n  ) {\n    source\n    rows {\n      day\n      model\n      spend\n      requests\n    }\n    totals {\n      spend\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SpendReportByDayAndModelDocument,
    "query TeamMembersBudgets {\n  teams(first: 10) {\n    nodes {\n      alias\n      organization {\n        alias\n        budget {\n          maxBudget\n          budgetDuration\n        }\n      }\n      members(first: 20) {\n        totalCount\n        nodes {\n          userEmail\n          role\n          spend\n          budget {\n            maxBudget\n            budgetDuration\n          }\n        }\n      }\n      keys(first: 3) {\n        nodes {\n          keyName\n        }\n      }\n    }\n  }\n}": typeof types.TeamMembersBudgetsDocument,
    "query UsersWithKeys {\n  users(first: 20) {\n    nodes {\n      id\n      email\n      role\n      teams {\n        alias\n      }\n      organizations {\n        alias\n      }\n      keys(first: 5) {\n        totalCount\n        nodes {\n          keyName\n          team {\n            alias\n          }\n        }\n      }\n    }\n  }\n}": typeof types.UsersWithKeysDocument,
    "query Viewer {\n  viewer {\n    role\n    isMasterKey\n    user {\n      email\n    }\n  }\n}": typeof types.ViewerDocument,
};
const documents: Documents = {
    "query DashboardUsage {\n  organizations(first: 10) {\n    nodes {\n      alias\n      usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n        spend\n        requests\n      }\n      teams(first: 20) {\n        nodes {\n          alias\n          usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n            spend\n            totalTokens\n          }\n          members(first: 50) {\n            nodes {\n              userEmail\n              spend\n              usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n                spend\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.DashboardUsageDocument,
    "query KeyPage {\n  keys(first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      token\n      keyName\n      keyAlias\n      spend\n      maxBudget\n      expires\n      user {\n        email\n      }\n      team {\n        alias\n      }\n      organization {\n        alias\n      }\n      budget {\n        maxBudget\n      }\n    }\n  }\n}": types.KeyPageDocument,
    "query NestedOrganizations {\n  organizations(first: 20) {\n    nodes {\n      id\n      alias\n      teams(first: 20) {\n        nodes {\n          id\n          alias\n          members(first: 50) {\n            nodes {\n              user {\n                email\n              }\n              spend\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.NestedOrganizationsDocument,
    "query SpendLogsWindow {\n  spendLogs(\n    first: 20\n    filter: {from: \"2026-11-01T00:00:00Z\", to: \"2026-11-08T00:00:00Z\", status: \"success\"}\n  ) {\n    nodes {\n      requestId\n      startTime\n      spend\n      model\n      key {\n        keyName\n      }\n      team {\n        alias\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SpendLogsWindowDocument,
    "query SpendReportByDayAndModel {\n  spendReport(\n    input: {from: \"2026-01-01\", to: \"2026-12-31\", groupBy: [DAY, MODEL], first: 20}\n  ) {\n    source\n    rows {\n      day\n      model\n      spend\n      requests\n    }\n    totals {\n      spend\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SpendReportByDayAndModelDocument,
    "query TeamMembersBudgets {\n  teams(first: 10) {\n    nodes {\n      alias\n      organization {\n        alias\n        budget {\n          maxBudget\n          budgetDuration\n        }\n      }\n      members(first: 20) {\n        totalCount\n        nodes {\n          userEmail\n          role\n          spend\n          budget {\n            maxBudget\n            budgetDuration\n          }\n        }\n      }\n      keys(first: 3) {\n        nodes {\n          keyName\n        }\n      }\n    }\n  }\n}": types.TeamMembersBudgetsDocument,
    "query UsersWithKeys {\n  users(first: 20) {\n    nodes {\n      id\n      email\n      role\n      teams {\n        alias\n      }\n      organizations {\n        alias\n      }\n      keys(first: 5) {\n        totalCount\n        nodes {\n          keyName\n          team {\n            alias\n          }\n        }\n      }\n    }\n  }\n}": types.UsersWithKeysDocument,
    "query Viewer {\n  viewer {\n    role\n    isMasterKey\n    user {\n      email\n    }\n  }\n}": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardUsage {\n  organizations(first: 10) {\n    nodes {\n      alias\n      usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n        spend\n        requests\n      }\n      teams(first: 20) {\n        nodes {\n          alias\n          usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n            spend\n            totalTokens\n          }\n          members(first: 50) {\n            nodes {\n              userEmail\n              spend\n              usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n                spend\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DashboardUsage {\n  organizations(first: 10) {\n    nodes {\n      alias\n      usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n        spend\n        requests\n      }\n      teams(first: 20) {\n        nodes {\n          alias\n          usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n            spend\n            totalTokens\n          }\n          members(first: 50) {\n            nodes {\n              userEmail\n              spend\n              usage(from: \"2026-01-01\", to: \"2026-12-31\") {\n                spend\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KeyPage {\n  keys(first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      token\n      keyName\n      keyAlias\n      spend\n      maxBudget\n      expires\n      user {\n        email\n      }\n      team {\n        alias\n      }\n      organization {\n        alias\n      }\n      budget {\n        maxBudget\n      }\n    }\n  }\n}"): (typeof documents)["query KeyPage {\n  keys(first: 20) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      token\n      keyName\n      keyAlias\n      spend\n      maxBudget\n      expires\n      user {\n        email\n      }\n      team {\n        alias\n      }\n      organization {\n        alias\n      }\n      budget {\n        maxBudget\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NestedOrganizations {\n  organizations(first: 20) {\n    nodes {\n      id\n      alias\n      teams(first: 20) {\n        nodes {\n          id\n          alias\n          members(first: 50) {\n            nodes {\n              user {\n                email\n              }\n              spend\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query NestedOrganizations {\n  organizations(first: 20) {\n    nodes {\n      id\n      alias\n      teams(first: 20) {\n        nodes {\n          id\n          alias\n          members(first: 50) {\n            nodes {\n              user {\n                email\n              }\n              spend\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SpendLogsWindow {\n  spendLogs(\n    first: 20\n    filter: {from: \"2026-11-01T00:00:00Z\", to: \"2026-11-08T00:00:00Z\", status: \"success\"}\n  ) {\n    nodes {\n      requestId\n      startTime\n      spend\n      model\n      key {\n        keyName\n      }\n      team {\n        alias\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SpendLogsWindow {\n  spendLogs(\n    first: 20\n    filter: {from: \"2026-11-01T00:00:00Z\", to: \"2026-11-08T00:00:00Z\", status: \"success\"}\n  ) {\n    nodes {\n      requestId\n      startTime\n      spend\n      model\n      key {\n        keyName\n      }\n      team {\n        alias\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SpendReportByDayAndModel {\n  spendReport(\n    input: {from: \"2026-01-01\", to: \"2026-12-31\", groupBy: [DAY, MODEL], first: 20}\n  ) {\n    source\n    rows {\n      day\n      model\n      spend\n      requests\n    }\n    totals {\n      spend\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SpendReportByDayAndModel {\n  spendReport(\n    input: {from: \"2026-01-01\", to: \"2026-12-31\", groupBy: [DAY, MODEL], first: 20}\n  ) {\n    source\n    rows {\n      day\n      model\n      spend\n      requests\n    }\n    totals {\n      spend\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeamMembersBudgets {\n  teams(first: 10) {\n    nodes {\n      alias\n      organization {\n        alias\n        budget {\n          maxBudget\n          budgetDuration\n        }\n      }\n      members(first: 20) {\n        totalCount\n        nodes {\n          userEmail\n          role\n          spend\n          budget {\n            maxBudget\n            budgetDuration\n          }\n        }\n      }\n      keys(first: 3) {\n        nodes {\n          keyName\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query TeamMembersBudgets {\n  teams(first: 10) {\n    nodes {\n      alias\n      organization {\n        alias\n        budget {\n          maxBudget\n          budgetDuration\n        }\n      }\n      members(first: 20) {\n        totalCount\n        nodes {\n          userEmail\n          role\n          spend\n          budget {\n            maxBudget\n            budgetDuration\n          }\n        }\n      }\n      keys(first: 3) {\n        nodes {\n          keyName\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersWithKeys {\n  users(first: 20) {\n    nodes {\n      id\n      email\n      role\n      teams {\n        alias\n      }\n      organizations {\n        alias\n      }\n      keys(first: 5) {\n        totalCount\n        nodes {\n          keyName\n          team {\n            alias\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query UsersWithKeys {\n  users(first: 20) {\n    nodes {\n      id\n      email\n      role\n      teams {\n        alias\n      }\n      organizations {\n        alias\n      }\n      keys(first: 5) {\n        totalCount\n        nodes {\n          keyName\n          team {\n            alias\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    role\n    isMasterKey\n    user {\n      email\n    }\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    role\n    isMasterKey\n    user {\n      email\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
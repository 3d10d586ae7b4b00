import { NonEmptyArray } from 'type-graphql';
import { AccessGroupResolver, CredentialResolver, KeyCoverageResolver, OrganizationCoverageResolver, ProjectResolver, TagResolver, TeamCoverageResolver, UserCoverageResolver } from './coverage.resolver';
import { BudgetQueryResolver, EndUserResolver, InvitationResolver, ModelAccessRequestResolver, ModelResolver } from './admin-lists.resolver';
import { BudgetMutationResolver } from './budget.resolver';
import { DeletedKeyResolver, DeletedTeamResolver, SpendLogHistoryResolver, SpendReportRowHistoryResolver } from './history.resolver';
import { EndUserMutationResolver } from './end-user.resolver';
import { KeyMutationResolver, KeyResolver } from './key.resolver';
import { AuditLogSecretsResolver, ErrorLogSecretsResolver, SpendLogSecretsResolver } from './log-secrets.resolver';
import { OrganizationMemberResolver, OrganizationMutationResolver, OrganizationResolver } from './organization.resolver';
import { TeamMemberResolver, TeamResolver } from './team.resolver';
import { SpendLogResolver, SpendQueryResolver, SpendReportRowResolver, USAGE_RESOLVERS } from './spend.resolver';
import { UserMutationResolver, UserResolver } from './user.resolver';
import { ViewerResolver } from './viewer.resolver';
import { PROXY_CONFIG_RESOLVERS } from './proxy-config.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ViewerResolver,
  OrganizationResolver,
  OrganizationMemberResolver,
  OrganizationMutationResolver,
  TeamResolver,
  TeamMemberResolver,
  UserResolver,
  UserMutationResolver,
  KeyResolver,
  KeyMutationResolver,
  BudgetMutationResolver,
  EndUserResolver,
  EndUserMutationResolver,
  BudgetQueryResolver,
  ModelResolver,
  InvitationResolver,
  ModelAccessRequestResolver,
  SpendQueryResolver,
  SpendReportRowResolver,
  SpendLogResolver,
  SpendLogSecretsResolver,
  ErrorLogSecretsResolver,
  AuditLogSecretsResolver,
  DeletedKeyResolver,
  DeletedTeamResolver,
  SpendLogHistoryResolver,
  SpendReportRowHistoryResolver,
  TagResolver,
  ProjectResolver,
  KeyCoverageResolver,
  TeamCoverageResolver,
  UserCoverageResolver,
  OrganizationCoverageResolver,
  CredentialResolver,
  AccessGroupResolver,
  ...USAGE_RESOLVERS,
  ...PROXY_CONFIG_RESOLVERS,
];

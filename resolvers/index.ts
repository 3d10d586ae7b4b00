import { NonEmptyArray } from 'type-graphql';
import { BudgetQueryResolver, EndUserResolver, InvitationResolver, ModelAccessRequestResolver, ModelResolver } from './admin-lists.resolver';
import { BudgetMutationResolver } from './budget.resolver';
import { KeyMutationResolver, KeyResolver } from './key.resolver';
import { AuditLogSecretsResolver, ErrorLogSecretsResolver, SpendLogSecretsResolver } from './log-secrets.resolver';
import { OrganizationMemberResolver, OrganizationResolver } from './organization.resolver';
import { TeamMemberResolver, TeamResolver } from './team.resolver';
import { SpendLogResolver, SpendQueryResolver, SpendReportRowResolver, USAGE_RESOLVERS } from './spend.resolver';
import { UserMutationResolver, UserResolver } from './user.resolver';
import { ViewerResolver } from './viewer.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  ViewerResolver,
  OrganizationResolver,
  OrganizationMemberResolver,
  TeamResolver,
  TeamMemberResolver,
  UserResolver,
  UserMutationResolver,
  KeyResolver,
  KeyMutationResolver,
  BudgetMutationResolver,
  EndUserResolver,
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
  ...USAGE_RESOLVERS,
];

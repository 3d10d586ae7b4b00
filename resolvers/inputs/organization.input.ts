import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { SafeIntScalar } from '../../src/graphql/scalars';

export enum OrganizationRole {
  ORG_ADMIN = 'org_admin',
  INTERNAL_USER = 'internal_user',
  INTERNAL_USER_VIEWER = 'internal_user_viewer',
}
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: "A member's role in an organization (LiteLLM_OrganizationMembership.user_role)",
  valuesConfig: {
    ORG_ADMIN: { description: "Organization admin ('org_admin'): manages the organization's members, teams and keys" },
    INTERNAL_USER: { description: "Member ('internal_user'): creates and manages their own keys" },
    INTERNAL_USER_VIEWER: { description: "Read-only member ('internal_user_viewer')" },
  },
});

@InputType('OrganizationBudgetInput', { description: "Limits of an organization's budget tier (LiteLLM_BudgetTable), as /organization/new and /organization/update take them" })
abstract class OrganizationBudgetInput {
  @Field(() => Float, { nullable: true, description: 'Max spend in USD per budget period (max_budget)' })
  maxBudget?: number | null;

  @Field(() => Float, { nullable: true, description: 'Alert-only threshold in USD (soft_budget)' })
  softBudget?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Tokens per minute (tpm_limit)' })
  tpmLimit?: number | null;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Requests per minute (rpm_limit)' })
  rpmLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Concurrent requests (max_parallel_requests)' })
  maxParallelRequests?: number | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Max spend in USD per model, {model: usd} (model_max_budget)' })
  modelMaxBudget?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Reset period of the budget in LiteLLM's duration grammar ('30d', '1mo'); budget_reset_at follows" })
  budgetDuration?: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing budget tier to use instead (budget_id)' })
  budgetId?: string | null;
}

@InputType({ description: "LiteLLM's NewOrganizationRequest: the organization and its budget tier (made from the limits unless budgetId is given)" })
export class CreateOrganizationInput extends OrganizationBudgetInput {
  @Field(() => ID, { nullable: true, description: 'organization_id; a new UUID v4 when omitted' })
  organizationId?: string | null;

  @Field(() => String, { description: 'Display name (organization_alias)' })
  organizationAlias: string;

  @Field(() => [String], { nullable: true, description: 'Models the organization may use; empty (the default) means all proxy models' })
  models?: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Free-form JSON object stored with the organization' })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: "LiteLLM's /organization/update request: omitted or null fields stay as they are" })
export class UpdateOrganizationInput extends OrganizationBudgetInput {
  @Field(() => String, { nullable: true, description: 'New display name (organization_alias)' })
  organizationAlias?: string | null;

  @Field(() => [String], { nullable: true, description: 'Models the organization may use (replaces the list); empty means all proxy models' })
  models?: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Keys merged into the stored metadata object (top-level keys replace)' })
  metadata?: Record<string, unknown> | null;
}

@InputType({ description: "A member to add to an organization (LiteLLM's OrgMember): by user_id, by email, or both, with a role" })
export class OrganizationMemberInput {
  @Field(() => ID, { nullable: true, description: 'user_id of the member; an unknown id creates the user (proxy admins only)' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's email (exact match); an unknown email creates a new internal user with a new id" })
  userEmail?: string | null;

  @Field(() => OrganizationRole, { description: "The member's role in the organization" })
  role: OrganizationRole;

  @Field(() => Float, { nullable: true, description: "The member's own spend limit in this organization, in USD: a budget tier linked from the membership" })
  maxBudgetInOrganization?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of maxBudgetInOrganization in LiteLLM's duration grammar ('30d', '1mo')" })
  budgetDuration?: string | null;
}

@InputType({ description: "LiteLLM's OrganizationMemberUpdateRequest: a member's role and budget in the organization" })
export class UpdateOrganizationMemberInput {
  @Field(() => OrganizationRole, { nullable: true, description: 'New role in the organization' })
  role?: OrganizationRole | null;

  @Field(() => Float, { nullable: true, description: "The member's spend limit in this organization, in USD (max_budget_in_organization)" })
  maxBudgetInOrganization?: number | null;

  @Field(() => String, { nullable: true, description: "Reset period of maxBudgetInOrganization ('30d', '1mo'); only with it" })
  budgetDuration?: string | null;
}

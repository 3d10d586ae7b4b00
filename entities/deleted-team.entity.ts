import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';

@ObjectType('DeletedTeam', { description: 'A deleted team: the copy LiteLLM keeps in LiteLLM_DeletedTeamTable' })
@Index('LiteLLM_DeletedTeamTable_created_at_idx', ['createdAt'])
@Index('LiteLLM_DeletedTeamTable_deleted_at_idx', ['deletedAt'])
@Index('LiteLLM_DeletedTeamTable_organization_id_idx', ['organizationId'])
@Index('LiteLLM_DeletedTeamTable_team_alias_idx', ['teamAlias'])
@Index('LiteLLM_DeletedTeamTable_team_id_idx', ['teamId'])
@Entity({ name: 'LiteLLM_DeletedTeamTable' })
export class DeletedTeam {
  @Field(() => ID, { description: 'Id of the tombstone row' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => ID, { description: 'Id the team had (team_id)' })
  @Column({ name: 'team_id', type: 'text' })
  teamId: string;

  @Field(() => String, { nullable: true, description: "The team's alias when it was deleted" })
  @Column({ name: 'team_alias', type: 'text', nullable: true })
  teamAlias: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization of the team' })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Column({ name: 'admins', type: 'text', array: true, nullable: true })
  admins: string[] | null;

  @Column({ name: 'members', type: 'text', array: true, nullable: true })
  members: string[] | null;

  @Field(() => GraphQLJSON, { description: "The team's members_with_roles when it was deleted" })
  @Column({ name: 'members_with_roles', type: 'jsonb', default: () => "'{}'::jsonb" })
  membersWithRoles: any;

  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Float, { nullable: true, description: 'Spend limit the team had, in USD' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float, { description: 'Spend of the team when it was deleted, in USD' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => [String], { nullable: true, description: 'Models the team was allowed' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Tokens per minute the team had' })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Requests per minute the team had' })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => String, { nullable: true, description: 'Budget period the team had' })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => Boolean, { description: 'Whether the team was blocked' })
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Column({ name: 'team_member_permissions', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teamMemberPermissions: string[] | null;

  @Column({ name: 'model_id', type: 'integer', nullable: true })
  modelId: number | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the team was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true })
  createdAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true })
  updatedAt: Date | null;

  @Field(() => DateTimeResolver, { description: 'When it was deleted' })
  @Column({ name: 'deleted_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  deletedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who deleted it (user_id, or the proxy admin name for the master key)' })
  @Column({ name: 'deleted_by', type: 'text', nullable: true })
  deletedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the key that deleted it' })
  @Column({ name: 'deleted_by_api_key', type: 'text', nullable: true })
  deletedByApiKey: string | null;

  @Field(() => String, { nullable: true, description: 'The litellm-changed-by header of the deleting call, when one was sent' })
  @Column({ name: 'litellm_changed_by', type: 'text', nullable: true })
  litellmChangedBy: string | null;

  @Column({ name: 'router_settings', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  routerSettings: any | null;

  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @Column({ name: 'allow_team_guardrail_config', type: 'boolean', default: () => "false" })
  allowTeamGuardrailConfig: boolean;

  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('DeletedKey', { description: 'A deleted or rotated-away virtual key: the copy LiteLLM keeps in LiteLLM_DeletedVerificationToken' })
@Index('LiteLLM_DeletedVerificationToken_created_at_idx', ['createdAt'])
@Index('LiteLLM_DeletedVerificationToken_deleted_at_idx', ['deletedAt'])
@Index('LiteLLM_DeletedVerificationToken_key_alias_idx', ['keyAlias'])
@Index('LiteLLM_DeletedVerificationToken_organization_id_idx', ['organizationId'])
@Index('LiteLLM_DeletedVerificationToken_team_id_idx', ['teamId'])
@Index('LiteLLM_DeletedVerificationToken_token_idx', ['token'])
@Index('LiteLLM_DeletedVerificationToken_user_id_idx', ['userId'])
@Entity({ name: 'LiteLLM_DeletedVerificationToken' })
export class DeletedVirtualKey {
  @Field(() => ID, { description: 'Id of the tombstone row' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'Hash of the key that was deleted (the token it had)' })
  @Column({ name: 'token', type: 'text' })
  token: string;

  @Field(() => String, { nullable: true, description: "The key's masked name (sk-...abcd)" })
  @Column({ name: 'key_name', type: 'text', nullable: true })
  keyName: string | null;

  @Field(() => String, { nullable: true, description: "The key's alias when it was deleted" })
  @Column({ name: 'key_alias', type: 'text', nullable: true })
  keyAlias: string | null;

  @Column({ name: 'soft_budget_cooldown', type: 'boolean', default: () => "false" })
  softBudgetCooldown: boolean;

  @Field(() => Float, { description: 'Spend of the key when it was deleted, in USD' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'expires', type: 'timestamp', precision: 3, nullable: true })
  expires: Date | null;

  @Field(() => [String], { nullable: true, description: 'Models the key was allowed' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'aliases', type: 'jsonb', default: () => "'{}'::jsonb" })
  aliases: any;

  @Column({ name: 'config', type: 'jsonb', default: () => "'{}'::jsonb" })
  config: any;

  @Field(() => ID, { nullable: true, description: 'Owner of the key (user_id)' })
  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

  @Field(() => ID, { nullable: true, description: 'Team of the key (team_id)' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'permissions', type: 'jsonb', default: () => "'{}'::jsonb" })
  permissions: any;

  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Column({ name: 'blocked', type: 'boolean', nullable: true })
  blocked: boolean | null;

  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => Float, { nullable: true, description: 'Spend limit the key had, in USD' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Column({ name: 'allowed_cache_controls', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedCacheControls: string[] | null;

  @Column({ name: 'allowed_routes', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedRoutes: string[] | null;

  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => ID, { nullable: true, description: 'Organization of the key' })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true })
  createdAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who made the key (user_id)' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true })
  updatedAt: Date | null;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'rotation_count', type: 'integer', nullable: true, default: () => "0" })
  rotationCount: number | null;

  @Column({ name: 'auto_rotate', type: 'boolean', nullable: true, default: () => "false" })
  autoRotate: boolean | null;

  @Column({ name: 'rotation_interval', type: 'text', nullable: true })
  rotationInterval: string | null;

  @Column({ name: 'last_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  lastRotationAt: Date | null;

  @Column({ name: 'key_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  keyRotationAt: Date | null;

  @Field(() => DateTimeResolver, { description: 'When it was deleted or rotated away' })
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

  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;

  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId: string | null;

  @Column({ name: 'project_id', type: 'text', nullable: true })
  projectId: string | null;

  @Column({ name: 'last_active', type: 'timestamp', precision: 3, nullable: true })
  lastActive: Date | null;
}

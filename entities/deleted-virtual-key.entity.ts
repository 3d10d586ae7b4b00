import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_DeletedVerificationToken' })
export class DeletedVirtualKey {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'token', type: 'text' })
  token: string;

  @Column({ name: 'key_name', type: 'text', nullable: true })
  keyName: string | null;

  @Column({ name: 'key_alias', type: 'text', nullable: true })
  keyAlias: string | null;

  @Column({ name: 'soft_budget_cooldown', type: 'boolean', default: () => "false" })
  softBudgetCooldown: boolean;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'expires', type: 'timestamp', precision: 3, nullable: true })
  expires: Date | null;

  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'aliases', type: 'jsonb', default: () => "'{}'::jsonb" })
  aliases: any;

  @Column({ name: 'config', type: 'jsonb', default: () => "'{}'::jsonb" })
  config: any;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

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

  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true })
  createdAt: Date | null;

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

  @Column({ name: 'deleted_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  deletedAt: Date;

  @Column({ name: 'deleted_by', type: 'text', nullable: true })
  deletedBy: string | null;

  @Column({ name: 'deleted_by_api_key', type: 'text', nullable: true })
  deletedByApiKey: string | null;

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

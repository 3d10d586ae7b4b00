import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_DeletedTeamTable' })
export class DeletedTeam {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'team_id', type: 'text' })
  teamId: string;

  @Column({ name: 'team_alias', type: 'text', nullable: true })
  teamAlias: string | null;

  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Column({ name: 'admins', type: 'text', array: true, nullable: true })
  admins: string[] | null;

  @Column({ name: 'members', type: 'text', array: true, nullable: true })
  members: string[] | null;

  @Column({ name: 'members_with_roles', type: 'jsonb', default: () => "'{}'::jsonb" })
  membersWithRoles: any;

  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

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

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true })
  createdAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true })
  updatedAt: Date | null;

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

  @Column({ name: 'allow_team_guardrail_config', type: 'boolean', default: () => "false" })
  allowTeamGuardrailConfig: boolean;

  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;
}

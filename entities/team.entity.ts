import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { TeamModelAliases } from './team-model-aliases.entity';

@ObjectType('Team')
@Entity({ name: 'LiteLLM_TeamTable' })
export class Team {
  @Field(() => ID)
  @PrimaryColumn({ name: 'team_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'team_alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => [String], { nullable: true, description: 'Legacy LiteLLM column, usually empty: see members' })
  @Column({ name: 'admins', type: 'text', array: true, nullable: true })
  legacyAdmins: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Legacy LiteLLM column, usually empty: see members' })
  @Column({ name: 'members', type: 'text', array: true, nullable: true })
  legacyMembers: string[] | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'members_with_roles', type: 'jsonb', default: () => "'{}'::jsonb" })
  membersWithRoles: any;

  @Field(() => GraphQLJSON)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => Boolean)
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Field(() => DateTimeResolver)
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver)
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'model_id', type: 'integer', nullable: true })
  modelId: number | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'team_member_permissions', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teamMemberPermissions: string[] | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'router_settings', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  routerSettings: any | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @Field(() => Boolean)
  @Column({ name: 'allow_team_guardrail_config', type: 'boolean', default: () => "false" })
  allowTeamGuardrailConfig: boolean;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'default_team_member_models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  defaultTeamMemberModels: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'budget_limits', type: 'jsonb', nullable: true })
  budgetLimits: any | null;

  @ManyToOne(() => TeamModelAliases, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'model_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_TeamTable_model_id_fkey' })
  model?: Relation<TeamModelAliases> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_TeamTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_TeamTable_organization_id_fkey' })
  organization?: Relation<Organization> | null;
}

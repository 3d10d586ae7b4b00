import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { Project } from './project.entity';

@ObjectType('VirtualKey')
@Entity({ name: 'LiteLLM_VerificationToken' })
export class VirtualKey {
  @Field(() => ID)
  @PrimaryColumn({ name: 'token', type: 'text' })
  token: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'key_name', type: 'text', nullable: true })
  keyName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'key_alias', type: 'text', nullable: true })
  keyAlias: string | null;

  @Field(() => Boolean)
  @Column({ name: 'soft_budget_cooldown', type: 'boolean', default: () => "false" })
  softBudgetCooldown: boolean;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'expires', type: 'timestamp', precision: 3, nullable: true })
  expires: Date | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'aliases', type: 'jsonb', default: () => "'{}'::jsonb" })
  aliases: any;

  @Field(() => GraphQLJSON)
  @Column({ name: 'config', type: 'jsonb', default: () => "'{}'::jsonb" })
  config: any;

  @Field(() => String, { nullable: true })
  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'permissions', type: 'jsonb', default: () => "'{}'::jsonb" })
  permissions: any;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'blocked', type: 'boolean', nullable: true })
  blocked: boolean | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'allowed_cache_controls', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedCacheControls: string[] | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => String, { nullable: true })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'allowed_routes', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedRoutes: string[] | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => Boolean, { nullable: true })
  @Column({ name: 'auto_rotate', type: 'boolean', nullable: true, default: () => "false" })
  autoRotate: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'key_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  keyRotationAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'last_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  lastRotationAt: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'rotation_count', type: 'integer', nullable: true, default: () => "0" })
  rotationCount: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'rotation_interval', type: 'text', nullable: true })
  rotationInterval: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'project_id', type: 'text', nullable: true })
  projectId: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'router_settings', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  routerSettings: any | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId: string | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'last_active', type: 'timestamp', precision: 3, nullable: true })
  lastActive: Date | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'budget_limits', type: 'jsonb', nullable: true })
  budgetLimits: any | null;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_VerificationToken_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_VerificationToken_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_VerificationToken_organization_id_fkey' })
  organization?: Relation<Organization> | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'project_id', referencedColumnName: 'projectId', foreignKeyConstraintName: 'LiteLLM_VerificationToken_project_id_fkey' })
  project?: Relation<Project> | null;
}

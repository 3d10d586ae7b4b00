import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';

@ObjectType('User')
@Entity({ name: 'LiteLLM_UserTable' })
export class User {
  @Field(() => ID)
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'user_alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'sso_user_id', type: 'text', nullable: true })
  ssoUserId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'password', type: 'text', nullable: true })
  password: string | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'teams', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teamIds: string[] | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'user_role', type: 'text', nullable: true })
  role: string | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'user_email', type: 'text', nullable: true })
  email: string | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

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

  @Field(() => [String], { nullable: true })
  @Column({ name: 'allowed_cache_controls', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedCacheControls: string[] | null;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON)
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => [String], { nullable: true })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_UserTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_UserTable_organization_id_fkey' })
  organization?: Relation<Organization> | null;
}

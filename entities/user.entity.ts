import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('User', { description: 'An internal user of the proxy, with role, inline budget and keys (LiteLLM_UserTable)' })
@Index('LiteLLM_UserTable_sso_user_id_key', ['ssoUserId'], { unique: true })
@Index('LiteLLM_UserTable_user_email_lower_idx', { synchronize: false })
@Entity({ name: 'LiteLLM_UserTable' })
export class User {
  @Field(() => ID, { description: 'User id (user_id)' })
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Display name (user_alias); null when not set' })
  @Column({ name: 'user_alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => String, { nullable: true, description: 'Legacy single-team column, usually null: see teams' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true, description: "The user's id at the SSO identity provider; null for users who do not sign in with SSO" })
  @Column({ name: 'sso_user_id', type: 'text', nullable: true })
  ssoUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Legacy organization column: see organizations and memberships' })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Column({ name: 'password', type: 'text', nullable: true })
  password: string | null;

  @Field(() => [String], { nullable: true, description: 'team_id of every team the user belongs to (UserTable.teams)' })
  @Column({ name: 'teams', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teamIds: string[] | null;

  @Field(() => String, { nullable: true, description: 'Proxy role: proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer' })
  @Column({ name: 'user_role', type: 'text', nullable: true })
  role: string | null;

  @Field(() => Float, { nullable: true, description: 'Personal spend limit in USD per budget period; null means no limit' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float, { description: "Spend in USD across all the user's keys and teams since the last reset" })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => String, { nullable: true, description: 'Email address (user_email); null when not known' })
  @Column({ name: 'user_email', type: 'text', nullable: true })
  email: string | null;

  @Field(() => [String], { nullable: true, description: 'Models the user may call; empty means no restriction' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => GraphQLJSON, { description: 'Free-form JSON LiteLLM stores with the user; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests for the user; null means unlimited' })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum tokens per minute for the user; null means unlimited' })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum requests per minute for the user; null means unlimited' })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1d', '7d', '30d', '1mo'…); null means spend never resets" })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When spend next resets to 0 (UTC), calendar-aligned from budgetDuration; null without one' })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => [String], { nullable: true, description: "Cache-control values the user's requests may set (e.g. no-cache); empty allows all" })
  @Column({ name: 'allowed_cache_controls', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedCacheControls: string[] | null;

  @Field(() => GraphQLJSON, { description: 'Spend in USD per model as JSON, {model: usd}' })
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON, { description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the user was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the user was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ObjectPermissionTable row with MCP, vector-store and agent allow-lists; null when none' })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => [String], { nullable: true, description: 'Names of the guardrail policies attached to the user' })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_UserTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_UserTable_organization_id_fkey' })
  organization?: Relation<Organization> | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { Project } from './project.entity';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('VirtualKey', { description: 'A virtual API key (LiteLLM_VerificationToken), identified by the SHA-256 hash of the raw sk- key' })
@Index('LiteLLM_VerificationToken_budget_reset_at_expires_idx', ['budgetResetAt', 'expires'])
@Index('LiteLLM_VerificationToken_team_id_idx', ['teamId'])
@Index('LiteLLM_VerificationToken_user_id_team_id_idx', ['userId', 'teamId'])
@Entity({ name: 'LiteLLM_VerificationToken' })
export class VirtualKey {
  @Field(() => ID, { description: "Lowercase hex SHA-256 of the raw key: the key's id; the raw key itself is never stored" })
  @PrimaryColumn({ name: 'token', type: 'text' })
  token: string;

  @Field(() => String, { nullable: true, description: "Redacted key for display: 'sk-...' plus the last 4 characters; null when DISABLE_KEY_NAME is set" })
  @Column({ name: 'key_name', type: 'text', nullable: true })
  keyName: string | null;

  @Field(() => String, { nullable: true, description: 'Human-readable name, unique across all keys; null when not set' })
  @Column({ name: 'key_alias', type: 'text', nullable: true })
  keyAlias: string | null;

  @Field(() => Boolean, { description: 'True while a soft-budget alert for this key is in its cooldown' })
  @Column({ name: 'soft_budget_cooldown', type: 'boolean', default: () => "false" })
  softBudgetCooldown: boolean;

  @Field(() => Float, { description: 'Spend in USD made with this key since the last reset' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key stops working (UTC); null means never' })
  @Column({ name: 'expires', type: 'timestamp', precision: 3, nullable: true })
  expires: Date | null;

  @Field(() => [String], { nullable: true, description: 'Models the key may call; empty means all models its team (or the proxy) allows' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => GraphQLJSON, { description: 'Model name aliases for this key as JSON, {alias: model}' })
  @Column({ name: 'aliases', type: 'jsonb', default: () => "'{}'::jsonb" })
  aliases: any;

  @Field(() => GraphQLJSON, { description: 'Per-key LiteLLM config overrides as JSON; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'config', type: 'jsonb', default: () => "'{}'::jsonb" })
  config: any;

  @Field(() => String, { nullable: true, description: "user_id of the key's owner; null for a team service-account key" })
  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true, description: "team_id of the key's team; null for a key outside any team" })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => GraphQLJSON, { description: 'Extra permissions as JSON, e.g. {get_spend_routes: true}; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'permissions', type: 'jsonb', default: () => "'{}'::jsonb" })
  permissions: any;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests with this key; null means unlimited' })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => GraphQLJSON, { description: 'Free-form JSON LiteLLM stores with the key (also holds tags, guardrails and per-model rpm/tpm limits); values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Boolean, { nullable: true, description: 'When true, LiteLLM rejects every request made with this key; null means not blocked' })
  @Column({ name: 'blocked', type: 'boolean', nullable: true })
  blocked: boolean | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum tokens per minute with this key; null means unlimited' })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum requests per minute with this key; null means unlimited' })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => Float, { nullable: true, description: 'Key spend limit in USD per budget period; null means no limit' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1d', '7d', '30d', '1mo'…); null means spend never resets" })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When spend next resets to 0 (UTC), calendar-aligned from budgetDuration; null without one' })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => [String], { nullable: true, description: 'Cache-control values requests with this key may set (e.g. no-cache); empty allows all' })
  @Column({ name: 'allowed_cache_controls', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedCacheControls: string[] | null;

  @Field(() => GraphQLJSON, { description: 'Spend in USD per model as JSON, {model: usd}' })
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON, { description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_BudgetTable tier linked to the key (soft budget, shared limits); null when none' })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => String, { nullable: true, description: 'organization_id of the key (inherited from its team when not given); null when none' })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => String, { nullable: true, description: 'user_id of the caller who created the key' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'user_id of the caller who last changed the key' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => [String], { nullable: true, description: "Proxy routes the key may call (e.g. llm_api_routes, info_routes); empty means no restriction beyond its owner's role" })
  @Column({ name: 'allowed_routes', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedRoutes: string[] | null;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ObjectPermissionTable row with MCP, vector-store and agent allow-lists; null when none' })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether LiteLLM regenerates the key automatically every rotationInterval' })
  @Column({ name: 'auto_rotate', type: 'boolean', nullable: true, default: () => "false" })
  autoRotate: boolean | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the next automatic rotation is due (UTC); null when not rotating' })
  @Column({ name: 'key_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  keyRotationAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key was last regenerated (UTC); null if never' })
  @Column({ name: 'last_rotation_at', type: 'timestamp', precision: 3, nullable: true })
  lastRotationAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'How many times the key has been regenerated' })
  @Column({ name: 'rotation_count', type: 'integer', nullable: true, default: () => "0" })
  rotationCount: number | null;

  @Field(() => String, { nullable: true, description: "Auto-rotation period in LiteLLM's duration grammar, e.g. '30d'; null when not rotating" })
  @Column({ name: 'rotation_interval', type: 'text', nullable: true })
  rotationInterval: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ProjectTable project the key belongs to; null when none' })
  @Column({ name: 'project_id', type: 'text', nullable: true })
  projectId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Router settings that override the proxy's for this key's requests, as JSON; values under secret names (api keys, tokens, passwords, credentials) read as ****" })
  @Extensions(masksSecrets)
  @Column({ name: 'router_settings', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  routerSettings: any | null;

  @Field(() => [String], { nullable: true, description: 'Names of the guardrail policies attached to the key' })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Ids of the access groups whose models and resources the key gets' })
  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;

  @Field(() => String, { nullable: true, description: 'Id of the agent (LiteLLM_AgentsTable) the key belongs to; null when none' })
  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the key last made a request (UTC); null if not recorded' })
  @Column({ name: 'last_active', type: 'timestamp', precision: 3, nullable: true })
  lastActive: Date | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Extra budget windows as a JSON array, each with its own budget_duration, max_budget and reset_at; null when unused' })
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

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON, SafeIntResolver } from 'graphql-scalars';
import { ObjectPermission } from './object-permission.entity';
import { Organization } from './organization.entity';
import { TeamModelAliases } from './team-model-aliases.entity';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('Team', { description: 'A team with its members, models, inline budget and rate limits (LiteLLM_TeamTable)' })
@Index('LiteLLM_TeamTable_created_at_idx', ['createdAt'])
@Index('LiteLLM_TeamTable_model_id_key', ['modelId'], { unique: true })
@Index('LiteLLM_TeamTable_organization_id_idx', ['organizationId'])
@Index('LiteLLM_TeamTable_team_alias_idx', ['alias'])
@Entity({ name: 'LiteLLM_TeamTable' })
export class Team {
  @Field(() => ID, { description: 'Team id (team_id)' })
  @PrimaryColumn({ name: 'team_id', type: 'text' })
  id: string;

  @Field(() => String, { nullable: true, description: 'Display name (team_alias); null when not set' })
  @Column({ name: 'team_alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => String, { nullable: true, description: "organization_id of the team's organization; null when none" })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => [String], { nullable: true, description: 'Legacy LiteLLM column, usually empty: see members' })
  @Column({ name: 'admins', type: 'text', array: true, nullable: true })
  legacyAdmins: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Legacy LiteLLM column, usually empty: see members' })
  @Column({ name: 'members', type: 'text', array: true, nullable: true })
  legacyMembers: string[] | null;

  @Field(() => GraphQLJSON, { description: 'The raw members_with_roles JSON array of {user_id, user_email, role}; members reads it page by page' })
  @Column({ name: 'members_with_roles', type: 'jsonb', default: () => "'{}'::jsonb" })
  membersWithRoles: any;

  @Field(() => GraphQLJSON, { description: 'Free-form JSON LiteLLM stores with the team (also holds settings such as team_member_budget_id); values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => Float, { nullable: true, description: 'Team spend limit in USD per budget period; null means no limit' })
  @Column({ name: 'max_budget', type: 'double precision', nullable: true })
  maxBudget: number | null;

  @Field(() => Float, { description: "Spend in USD of all the team's keys, service-account keys included, since the last reset" })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => [String], { nullable: true, description: "Models the team's keys may call; empty means all proxy models" })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Maximum concurrent in-flight requests for the team; null means unlimited' })
  @Column({ name: 'max_parallel_requests', type: 'integer', nullable: true })
  maxParallelRequests: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum tokens per minute for the team; null means unlimited' })
  @Column({ name: 'tpm_limit', type: 'bigint', nullable: true })
  tpmLimit: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'Maximum requests per minute for the team; null means unlimited' })
  @Column({ name: 'rpm_limit', type: 'bigint', nullable: true })
  rpmLimit: number | null;

  @Field(() => String, { nullable: true, description: "Budget period in LiteLLM's duration grammar ('1d', '7d', '30d', '1mo'…); null means spend never resets" })
  @Column({ name: 'budget_duration', type: 'text', nullable: true })
  budgetDuration: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When spend next resets to 0 (UTC), calendar-aligned from budgetDuration; null without one' })
  @Column({ name: 'budget_reset_at', type: 'timestamp', precision: 3, nullable: true })
  budgetResetAt: Date | null;

  @Field(() => Boolean, { description: "When true, LiteLLM rejects every request made with the team's keys" })
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Field(() => DateTimeResolver, { description: 'When the team was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'When the team was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => GraphQLJSON, { description: 'Spend in USD per model as JSON, {model: usd}' })
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => GraphQLJSON, { description: 'Per-model budgets as JSON, {model: {budget_limit, time_period}}' })
  @Column({ name: 'model_max_budget', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelMaxBudget: any;

  @Field(() => Int, { nullable: true, description: "Id of the LiteLLM_ModelTable row holding the team's model aliases; null when none" })
  @Column({ name: 'model_id', type: 'integer', nullable: true })
  modelId: number | null;

  @Field(() => [String], { nullable: true, description: 'Extra management routes plain team members may call, e.g. /key/update' })
  @Column({ name: 'team_member_permissions', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  teamMemberPermissions: string[] | null;

  @Field(() => String, { nullable: true, description: 'Id of the LiteLLM_ObjectPermissionTable row with MCP, vector-store and agent allow-lists; null when none' })
  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: "Router settings that override the proxy's for the team's requests, as JSON; values under secret names (api keys, tokens, passwords, credentials) read as ****" })
  @Extensions(masksSecrets)
  @Column({ name: 'router_settings', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  routerSettings: any | null;

  @Field(() => [String], { nullable: true, description: 'Names of the guardrail policies attached to the team' })
  @Column({ name: 'policies', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  policies: string[] | null;

  @Field(() => Boolean, { description: 'Whether team admins may configure guardrails for the team' })
  @Column({ name: 'allow_team_guardrail_config', type: 'boolean', default: () => "false" })
  allowTeamGuardrailConfig: boolean;

  @Field(() => Float, { nullable: true, description: 'Alert threshold in USD: crossing it sends an alert but blocks nothing; null means no alert' })
  @Column({ name: 'soft_budget', type: 'double precision', nullable: true })
  softBudget: number | null;

  @Field(() => [String], { nullable: true, description: 'Ids of the access groups whose models and resources the team gets' })
  @Column({ name: 'access_group_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessGroupIds: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Models that members added to the team get by default' })
  @Column({ name: 'default_team_member_models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  defaultTeamMemberModels: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Extra budget windows as a JSON array, each with its own budget_duration, max_budget and reset_at; null when unused' })
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

import { masksSecrets } from '../src/graphql/secrets';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Extensions, Field, Float, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Team } from './team.entity';

@ObjectType('Project', { description: 'A project inside a team, with its own models, budget tier and spend (LiteLLM_ProjectTable); keys may belong to a project' })
@Entity({ name: 'LiteLLM_ProjectTable' })
export class Project {
  @Field(() => ID, { description: 'Project id (project_id)' })
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @Field(() => String, { nullable: true, description: 'Display name (project_alias); null when not set' })
  @Column({ name: 'project_alias', type: 'text', nullable: true })
  projectAlias: string | null;

  @Field(() => String, { nullable: true, description: 'team_id of the team the project belongs to; null when none' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true, description: "budget_id of the project's budget tier; null when none" })
  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Field(() => GraphQLJSON, { description: 'Free-form JSON LiteLLM stores with the project; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Field(() => [String], { nullable: true, description: "Models the project's keys may call; null or empty means the team's models" })
  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Field(() => Float, { description: 'Spend in USD tracked on the project' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => GraphQLJSON, { description: 'Spend in USD per model, as JSON {model: spend}' })
  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Field(() => Boolean, { description: "When true, LiteLLM refuses the project's keys" })
  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => DateTimeResolver, { description: 'When the project was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'user_id of the caller who created the project' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'When the project was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'user_id of the caller who last changed the project' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => String, { nullable: true, description: 'What the project is for; null when not set' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Field(() => GraphQLJSON, { description: 'Requests per minute per model, as JSON {model: limit}' })
  @Column({ name: 'model_rpm_limit', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelRpmLimit: any;

  @Field(() => GraphQLJSON, { description: 'Tokens per minute per model, as JSON {model: limit}' })
  @Column({ name: 'model_tpm_limit', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelTpmLimit: any;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_ProjectTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_ProjectTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Team, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_ProjectTable_team_id_fkey' })
  team?: Relation<Team> | null;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ObjectPermission } from './object-permission.entity';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Agent', { description: 'An agent (A2A) registered on the proxy (LiteLLM_AgentsTable); its static_headers never leave' })
@Index('LiteLLM_AgentsTable_agent_name_key', ['agentName'], { unique: true })
@Entity({ name: 'LiteLLM_AgentsTable' })
export class Agent {
  @Field(() => ID, { description: 'Agent id (agent_id)' })
  @PrimaryColumn({ name: 'agent_id', type: 'text' })
  agentId: string;

  @Field(() => String, { description: 'Unique agent name' })
  @Column({ name: 'agent_name', type: 'text' })
  agentName: string;

  @Column({ name: 'litellm_params', type: 'jsonb', nullable: true })
  litellmParams: any | null;

  @Field(() => GraphQLJSON, { description: 'The agent\'s public A2A card (name, description, skills)' })
  @Column({ name: 'agent_card_params', type: 'jsonb' })
  agentCardParams: any;

  @Field(() => DateTimeResolver, { description: 'When the agent was registered' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { description: 'Who registered it' })
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { description: 'Who changed it last' })
  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Field(() => [String], { nullable: true, description: 'Access groups the agent belongs to' })
  @Column({ name: 'agent_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agentAccessGroups: string[] | null;

  @Column({ name: 'static_headers', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  staticHeaders: any | null;

  @Field(() => [String], { nullable: true, description: 'Names of request headers forwarded to the agent (names only, no values)' })
  @Column({ name: 'extra_headers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  extraHeaders: string[] | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Field(() => Float, { description: 'Spend through the agent, in USD' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => Int, { nullable: true, description: 'Tokens per minute allowed' })
  @Column({ name: 'tpm_limit', type: 'integer', nullable: true })
  tpmLimit: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests per minute allowed' })
  @Column({ name: 'rpm_limit', type: 'integer', nullable: true })
  rpmLimit: number | null;

  @Field(() => Int, { nullable: true, description: 'Tokens per minute allowed per session' })
  @Column({ name: 'session_tpm_limit', type: 'integer', nullable: true })
  sessionTpmLimit: number | null;

  @Field(() => Int, { nullable: true, description: 'Requests per minute allowed per session' })
  @Column({ name: 'session_rpm_limit', type: 'integer', nullable: true })
  sessionRpmLimit: number | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_AgentsTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}

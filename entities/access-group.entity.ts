import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('AccessGroup', { description: 'A named bundle of models, MCP servers and agents given to teams and keys (LiteLLM_AccessGroupTable)' })
@Index('LiteLLM_AccessGroupTable_access_group_name_key', ['accessGroupName'], { unique: true })
@Entity({ name: 'LiteLLM_AccessGroupTable' })
export class AccessGroup {
  @Field(() => ID, { description: 'Access group id (access_group_id)' })
  @PrimaryColumn({ name: 'access_group_id', type: 'text' })
  accessGroupId: string;

  @Field(() => String, { description: 'Unique name of the group' })
  @Column({ name: 'access_group_name', type: 'text' })
  accessGroupName: string;

  @Field(() => String, { nullable: true, description: 'What the group is for; null when not set' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Field(() => [String], { nullable: true, description: 'Model names the group gives' })
  @Column({ name: 'access_model_names', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessModelNames: string[] | null;

  @Field(() => [String], { nullable: true, description: 'MCP server ids the group gives' })
  @Column({ name: 'access_mcp_server_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessMcpServerIds: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Agent ids the group gives' })
  @Column({ name: 'access_agent_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessAgentIds: string[] | null;

  @Field(() => [String], { nullable: true, description: 'team_ids of the teams the group is given to' })
  @Column({ name: 'assigned_team_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  assignedTeamIds: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Key hashes (token) of the keys the group is given to' })
  @Column({ name: 'assigned_key_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  assignedKeyIds: string[] | null;

  @Field(() => DateTimeResolver, { description: 'When the group was created (UTC)' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'user_id of the caller who created the group' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { description: 'When the group was last changed (UTC)' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'user_id of the caller who last changed the group' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

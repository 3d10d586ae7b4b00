import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';

@ObjectType('ObjectPermission', { description: 'What a key, team, user or organization may use beyond models: MCP servers and toolsets, vector stores, agents, search tools (LiteLLM_ObjectPermissionTable)' })
@Entity({ name: 'LiteLLM_ObjectPermissionTable' })
export class ObjectPermission {
  @Field(() => ID, { description: 'Permission set id (object_permission_id)' })
  @PrimaryColumn({ name: 'object_permission_id', type: 'text' })
  objectPermissionId: string;

  @Field(() => [String], { nullable: true, description: 'MCP server ids allowed; empty means none beyond what the access groups give' })
  @Column({ name: 'mcp_servers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpServers: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Vector store ids allowed' })
  @Column({ name: 'vector_stores', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  vectorStores: string[] | null;

  @Field(() => [String], { nullable: true, description: 'MCP access groups allowed (each names a set of MCP servers)' })
  @Column({ name: 'mcp_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpAccessGroups: string[] | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Tools allowed per MCP server, as JSON {server_id: [tool names]}' })
  @Column({ name: 'mcp_tool_permissions', type: 'jsonb', nullable: true })
  mcpToolPermissions: any | null;

  @Field(() => [String], { nullable: true, description: 'Agent ids allowed' })
  @Column({ name: 'agents', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agents: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Agent access groups allowed' })
  @Column({ name: 'agent_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agentAccessGroups: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Models allowed through this permission set' })
  @Column({ name: 'models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  models: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tools refused whatever else allows them' })
  @Column({ name: 'blocked_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  blockedTools: string[] | null;

  @Field(() => [String], { nullable: true, description: 'MCP toolset ids allowed' })
  @Column({ name: 'mcp_toolsets', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpToolsets: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Search tool names allowed' })
  @Column({ name: 'search_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  searchTools: string[] | null;
}

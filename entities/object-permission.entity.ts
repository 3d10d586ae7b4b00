import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_ObjectPermissionTable' })
export class ObjectPermission {
  @PrimaryColumn({ name: 'object_permission_id', type: 'text' })
  objectPermissionId: string;

  @Column({ name: 'mcp_servers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpServers: string[] | null;

  @Column({ name: 'vector_stores', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  vectorStores: string[] | null;

  @Column({ name: 'mcp_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpAccessGroups: string[] | null;

  @Column({ name: 'mcp_tool_permissions', type: 'jsonb', nullable: true })
  mcpToolPermissions: any | null;

  @Column({ name: 'agents', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agents: string[] | null;

  @Column({ name: 'agent_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agentAccessGroups: string[] | null;

  @Column({ name: 'models', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  models: string[] | null;

  @Column({ name: 'blocked_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  blockedTools: string[] | null;

  @Column({ name: 'mcp_toolsets', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  mcpToolsets: string[] | null;

  @Column({ name: 'search_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  searchTools: string[] | null;
}

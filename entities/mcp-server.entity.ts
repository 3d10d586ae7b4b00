import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_MCPServerTable_approval_status_idx', ['approvalStatus'])
@Entity({ name: 'LiteLLM_MCPServerTable' })
export class McpServer {
  @PrimaryColumn({ name: 'server_id', type: 'text' })
  serverId: string;

  @Column({ name: 'server_name', type: 'text', nullable: true })
  serverName: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'transport', type: 'text', default: () => "'sse'::text" })
  transport: string;

  @Column({ name: 'auth_type', type: 'text', nullable: true })
  authType: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'status', type: 'text', nullable: true, default: () => "'unknown'::text" })
  status: string | null;

  @Column({ name: 'last_health_check', type: 'timestamp', precision: 3, nullable: true })
  lastHealthCheck: Date | null;

  @Column({ name: 'health_check_error', type: 'text', nullable: true })
  healthCheckError: string | null;

  @Column({ name: 'mcp_info', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  mcpInfo: any | null;

  @Column({ name: 'args', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  args: string[] | null;

  @Column({ name: 'command', type: 'text', nullable: true })
  command: string | null;

  @Column({ name: 'env', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  env: any | null;

  @Column({ name: 'mcp_access_groups', type: 'text', array: true, nullable: true })
  mcpAccessGroups: string[] | null;

  @Column({ name: 'alias', type: 'text', nullable: true })
  alias: string | null;

  @Column({ name: 'allowed_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedTools: string[] | null;

  @Column({ name: 'extra_headers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  extraHeaders: string[] | null;

  @Column({ name: 'static_headers', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  staticHeaders: any | null;

  @Column({ name: 'credentials', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  credentials: any | null;

  @Column({ name: 'authorization_url', type: 'text', nullable: true })
  authorizationUrl: string | null;

  @Column({ name: 'registration_url', type: 'text', nullable: true })
  registrationUrl: string | null;

  @Column({ name: 'token_url', type: 'text', nullable: true })
  tokenUrl: string | null;

  @Column({ name: 'allow_all_keys', type: 'boolean', default: () => "false" })
  allowAllKeys: boolean;

  @Column({ name: 'available_on_public_internet', type: 'boolean', default: () => "true" })
  availableOnPublicInternet: boolean;

  @Column({ name: 'spec_path', type: 'text', nullable: true })
  specPath: string | null;

  @Column({ name: 'tool_name_to_display_name', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  toolNameToDisplayName: any | null;

  @Column({ name: 'tool_name_to_description', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  toolNameToDescription: any | null;

  @Column({ name: 'is_byok', type: 'boolean', default: () => "false" })
  isByok: boolean;

  @Column({ name: 'byok_description', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  byokDescription: string[] | null;

  @Column({ name: 'byok_api_key_help_url', type: 'text', nullable: true })
  byokApiKeyHelpUrl: string | null;

  @Column({ name: 'instructions', type: 'text', nullable: true })
  instructions: string | null;

  @Column({ name: 'delegate_auth_to_upstream', type: 'boolean', default: () => "false" })
  delegateAuthToUpstream: boolean;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ name: 'approval_status', type: 'text', nullable: true, default: () => "'active'::text" })
  approvalStatus: string | null;

  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'submitted_at', type: 'timestamp', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_at', type: 'timestamp', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'review_notes', type: 'text', nullable: true })
  reviewNotes: string | null;
}

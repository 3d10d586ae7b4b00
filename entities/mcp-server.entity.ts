import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('McpServer', { description: 'An MCP server registered on the proxy (LiteLLM_MCPServerTable); never its url, credentials, env, args or static headers' })
@Index('LiteLLM_MCPServerTable_approval_status_idx', ['approvalStatus'])
@Entity({ name: 'LiteLLM_MCPServerTable' })
export class McpServer {
  @Field(() => ID, { description: 'Server id (server_id)' })
  @PrimaryColumn({ name: 'server_id', type: 'text' })
  serverId: string;

  @Field(() => String, { nullable: true, description: 'Server name' })
  @Column({ name: 'server_name', type: 'text', nullable: true })
  serverName: string | null;

  @Field(() => String, { nullable: true, description: 'Description' })
  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'text', nullable: true })
  url: string | null;

  @Field(() => String, { description: 'sse, http or stdio' })
  @Column({ name: 'transport', type: 'text', default: () => "'sse'::text" })
  transport: string;

  @Field(() => String, { nullable: true, description: 'How the proxy authenticates to it (none, api_key, bearer_token, oauth2, …)' })
  @Column({ name: 'auth_type', type: 'text', nullable: true })
  authType: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was added' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who added it' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who changed it last' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Health status the proxy last saw' })
  @Column({ name: 'status', type: 'text', nullable: true, default: () => "'unknown'::text" })
  status: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the proxy last checked it' })
  @Column({ name: 'last_health_check', type: 'timestamp', precision: 3, nullable: true })
  lastHealthCheck: Date | null;

  @Field(() => String, { nullable: true, description: 'Error of the last failed health check' })
  @Column({ name: 'health_check_error', type: 'text', nullable: true })
  healthCheckError: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Display information (logo, description) LiteLLM keeps' })
  @Column({ name: 'mcp_info', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  mcpInfo: any | null;

  @Column({ name: 'args', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  args: string[] | null;

  @Field(() => String, { nullable: true, description: 'Command of a stdio server (its arguments and environment never leave)' })
  @Column({ name: 'command', type: 'text', nullable: true })
  command: string | null;

  @Column({ name: 'env', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  env: any | null;

  @Field(() => [String], { nullable: true, description: 'Access groups the server belongs to' })
  @Column({ name: 'mcp_access_groups', type: 'text', array: true, nullable: true })
  mcpAccessGroups: string[] | null;

  @Field(() => String, { nullable: true, description: 'Alias tools are prefixed with' })
  @Column({ name: 'alias', type: 'text', nullable: true })
  alias: string | null;

  @Field(() => [String], { nullable: true, description: 'Tools exposed (empty: all)' })
  @Column({ name: 'allowed_tools', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  allowedTools: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names of request headers forwarded to the server (names only)' })
  @Column({ name: 'extra_headers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  extraHeaders: string[] | null;

  @Column({ name: 'static_headers', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  staticHeaders: any | null;

  @Column({ name: 'credentials', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  credentials: any | null;

  @Field(() => String, { nullable: true, description: 'OAuth authorization endpoint' })
  @Column({ name: 'authorization_url', type: 'text', nullable: true })
  authorizationUrl: string | null;

  @Field(() => String, { nullable: true, description: 'OAuth dynamic registration endpoint' })
  @Column({ name: 'registration_url', type: 'text', nullable: true })
  registrationUrl: string | null;

  @Field(() => String, { nullable: true, description: 'OAuth token endpoint' })
  @Column({ name: 'token_url', type: 'text', nullable: true })
  tokenUrl: string | null;

  @Field(() => Boolean, { description: 'Whether every key may use it' })
  @Column({ name: 'allow_all_keys', type: 'boolean', default: () => "false" })
  allowAllKeys: boolean;

  @Field(() => Boolean, { description: 'Whether callers from the public internet may use it' })
  @Column({ name: 'available_on_public_internet', type: 'boolean', default: () => "true" })
  availableOnPublicInternet: boolean;

  @Field(() => String, { nullable: true, description: 'OpenAPI spec the server was generated from' })
  @Column({ name: 'spec_path', type: 'text', nullable: true })
  specPath: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Display names of its tools' })
  @Column({ name: 'tool_name_to_display_name', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  toolNameToDisplayName: any | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Descriptions of its tools' })
  @Column({ name: 'tool_name_to_description', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  toolNameToDescription: any | null;

  @Field(() => Boolean, { description: 'Whether each user brings their own credential' })
  @Column({ name: 'is_byok', type: 'boolean', default: () => "false" })
  isByok: boolean;

  @Field(() => [String], { nullable: true, description: 'What a user is asked for when bringing their own credential' })
  @Column({ name: 'byok_description', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  byokDescription: string[] | null;

  @Field(() => String, { nullable: true, description: 'Where a user finds their own credential' })
  @Column({ name: 'byok_api_key_help_url', type: 'text', nullable: true })
  byokApiKeyHelpUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Instructions for clients' })
  @Column({ name: 'instructions', type: 'text', nullable: true })
  instructions: string | null;

  @Field(() => Boolean, { description: 'Whether the caller\'s auth is passed to the server' })
  @Column({ name: 'delegate_auth_to_upstream', type: 'boolean', default: () => "false" })
  delegateAuthToUpstream: boolean;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true, description: 'active, pending_review or rejected' })
  @Column({ name: 'approval_status', type: 'text', nullable: true, default: () => "'active'::text" })
  approvalStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Who submitted it for review' })
  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was submitted' })
  @Column({ name: 'submitted_at', type: 'timestamp', precision: 3, nullable: true })
  submittedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was reviewed' })
  @Column({ name: 'reviewed_at', type: 'timestamp', precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The reviewer\'s notes' })
  @Column({ name: 'review_notes', type: 'text', nullable: true })
  reviewNotes: string | null;
}

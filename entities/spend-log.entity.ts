import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('SpendLog')
@Entity({ name: 'LiteLLM_SpendLogs' })
export class SpendLog {
  @Field(() => ID)
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @Field(() => String)
  @Column({ name: 'call_type', type: 'text' })
  callType: string;

  @Field(() => String)
  @Column({ name: 'api_key', type: 'text', default: () => "''::text" })
  apiKey: string;

  @Field(() => Float)
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => Int)
  @Column({ name: 'total_tokens', type: 'integer', default: () => "0" })
  totalTokens: number;

  @Field(() => Int)
  @Column({ name: 'prompt_tokens', type: 'integer', default: () => "0" })
  promptTokens: number;

  @Field(() => Int)
  @Column({ name: 'completion_tokens', type: 'integer', default: () => "0" })
  completionTokens: number;

  @Field(() => DateTimeResolver)
  @Column({ name: 'startTime', type: 'timestamp', precision: 3 })
  startTime: Date;

  @Field(() => DateTimeResolver)
  @Column({ name: 'endTime', type: 'timestamp', precision: 3 })
  endTime: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  @Column({ name: 'completionStartTime', type: 'timestamp', precision: 3, nullable: true })
  completionStartTime: Date | null;

  @Field(() => String)
  @Column({ name: 'model', type: 'text', default: () => "''::text" })
  model: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'model_id', type: 'text', nullable: true, default: () => "''::text" })
  modelId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'model_group', type: 'text', nullable: true, default: () => "''::text" })
  modelGroup: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'custom_llm_provider', type: 'text', nullable: true, default: () => "''::text" })
  customLlmProvider: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'api_base', type: 'text', nullable: true, default: () => "''::text" })
  apiBase: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'user', type: 'text', nullable: true, default: () => "''::text" })
  user: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'metadata', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  metadata: any | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cache_hit', type: 'text', nullable: true, default: () => "''::text" })
  cacheHit: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cache_key', type: 'text', nullable: true, default: () => "''::text" })
  cacheKey: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'request_tags', type: 'jsonb', nullable: true, default: () => "'[]'::jsonb" })
  requestTags: any | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'end_user', type: 'text', nullable: true })
  endUser: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'requester_ip_address', type: 'text', nullable: true })
  requesterIpAddress: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'messages', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  messages: any | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'response', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  response: any | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'proxy_server_request', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  proxyServerRequest: any | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'session_id', type: 'text', nullable: true })
  sessionId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'status', type: 'text', nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'mcp_namespaced_tool_name', type: 'text', nullable: true })
  mcpNamespacedToolName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'request_duration_ms', type: 'integer', nullable: true })
  requestDurationMs: number | null;
}

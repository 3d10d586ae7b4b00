import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType, Extensions } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';
import { masksSecrets } from '../src/graphql/secrets';

@ObjectType('SpendLog', { description: 'One LLM request, successful or failed, with its cost and tokens (LiteLLM_SpendLogs)' })
@Index('LiteLLM_SpendLogs_end_user_idx', ['endUser'])
@Index('LiteLLM_SpendLogs_session_id_idx', ['sessionId'])
@Index('LiteLLM_SpendLogs_startTime_idx', ['startTime'])
@Index('LiteLLM_SpendLogs_startTime_request_id_idx', ['startTime', 'requestId'])
@Entity({ name: 'LiteLLM_SpendLogs' })
export class SpendLog {
  @Field(() => ID, { description: "Provider response id, else LiteLLM's call id; cache hits carry a _cache_hit suffix" })
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @Field(() => String, { description: 'LiteLLM call type, e.g. acompletion, aembedding or aimage_generation' })
  @Column({ name: 'call_type', type: 'text' })
  callType: string;

  @Field(() => String, { description: 'SHA-256 hash of the virtual key used (for master-key calls, of the master key)' })
  @Column({ name: 'api_key', type: 'text', default: () => "''::text" })
  apiKey: string;

  @Field(() => Float, { description: 'Cost of this request in USD' })
  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Field(() => Int, { description: 'Prompt plus completion tokens' })
  @Column({ name: 'total_tokens', type: 'integer', default: () => "0" })
  totalTokens: number;

  @Field(() => Int, { description: 'Input tokens' })
  @Column({ name: 'prompt_tokens', type: 'integer', default: () => "0" })
  promptTokens: number;

  @Field(() => Int, { description: 'Output tokens' })
  @Column({ name: 'completion_tokens', type: 'integer', default: () => "0" })
  completionTokens: number;

  @Field(() => DateTimeResolver, { description: 'When the request started (UTC)' })
  @Column({ name: 'startTime', type: 'timestamp', precision: 3 })
  startTime: Date;

  @Field(() => DateTimeResolver, { description: 'When the request ended (UTC)' })
  @Column({ name: 'endTime', type: 'timestamp', precision: 3 })
  endTime: Date;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the first token of the response arrived (UTC); null when not recorded' })
  @Column({ name: 'completionStartTime', type: 'timestamp', precision: 3, nullable: true })
  completionStartTime: Date | null;

  @Field(() => String, { description: 'Model as called, provider-qualified where LiteLLM records it so' })
  @Column({ name: 'model', type: 'text', default: () => "''::text" })
  model: string;

  @Field(() => String, { nullable: true, description: 'Id of the deployment that served the request' })
  @Column({ name: 'model_id', type: 'text', nullable: true, default: () => "''::text" })
  modelId: string | null;

  @Field(() => String, { nullable: true, description: 'Public model name the caller requested (model_group)' })
  @Column({ name: 'model_group', type: 'text', nullable: true, default: () => "''::text" })
  modelGroup: string | null;

  @Field(() => String, { nullable: true, description: 'Provider that served the request, e.g. openai, azure or bedrock' })
  @Column({ name: 'custom_llm_provider', type: 'text', nullable: true, default: () => "''::text" })
  customLlmProvider: string | null;

  @Field(() => String, { nullable: true, description: 'Provider endpoint called, without user info, query string or fragment' })
  @Column({ name: 'api_base', type: 'text', nullable: true, default: () => "''::text" })
  apiBase: string | null;

  @Field(() => String, { nullable: true, description: 'user_id owning the key; empty string when none' })
  @Column({ name: 'user', type: 'text', nullable: true, default: () => "''::text" })
  user: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Request metadata as JSON (key and team aliases, guardrail results, cost breakdown, …); read only when selected; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'metadata', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  metadata: any | null;

  @Field(() => String, { nullable: true, description: "'True' when the response came from LiteLLM's cache, else 'False' (text, as stored)" })
  @Column({ name: 'cache_hit', type: 'text', nullable: true, default: () => "''::text" })
  cacheHit: string | null;

  @Field(() => String, { nullable: true, description: "Cache key of the request, or 'Cache OFF'" })
  @Column({ name: 'cache_key', type: 'text', nullable: true, default: () => "''::text" })
  cacheKey: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Tags of the request as a JSON array' })
  @Column({ name: 'request_tags', type: 'jsonb', nullable: true, default: () => "'[]'::jsonb" })
  requestTags: any | null;

  @Field(() => String, { nullable: true, description: 'team_id of the key; empty string when none' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => String, { nullable: true, description: 'Customer id sent with the request; empty string when none' })
  @Column({ name: 'end_user', type: 'text', nullable: true })
  endUser: string | null;

  @Field(() => String, { nullable: true, description: 'Client IP address, when LiteLLM records it' })
  @Column({ name: 'requester_ip_address', type: 'text', nullable: true })
  requesterIpAddress: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Prompt messages as JSON; {} unless store_prompts_in_spend_logs is on; read only when selected; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'messages', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  messages: any | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Response as JSON; {} unless store_prompts_in_spend_logs is on; read only when selected; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'response', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  response: any | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Request body received by the proxy as JSON; {} unless store_prompts_in_spend_logs is on; read only when selected; values under secret names (api keys, tokens, passwords, credentials) read as ****' })
  @Extensions(masksSecrets)
  @Column({ name: 'proxy_server_request', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  proxyServerRequest: any | null;

  @Field(() => String, { nullable: true, description: 'Trace id grouping related requests (a fresh UUID when the caller sent none)' })
  @Column({ name: 'session_id', type: 'text', nullable: true })
  sessionId: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure' })
  @Column({ name: 'status', type: 'text', nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true, description: 'Namespaced MCP tool name for MCP tool calls; null otherwise' })
  @Column({ name: 'mcp_namespaced_tool_name', type: 'text', nullable: true })
  mcpNamespacedToolName: string | null;

  @Field(() => String, { nullable: true, description: 'organization_id of the key; empty string when none' })
  @Column({ name: 'organization_id', type: 'text', nullable: true })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the agent that made the request; null when none' })
  @Column({ name: 'agent_id', type: 'text', nullable: true })
  agentId: string | null;

  @Field(() => Int, { nullable: true, description: 'Request duration in milliseconds; null when not recorded (older LiteLLM versions)' })
  @Column({ name: 'request_duration_ms', type: 'integer', nullable: true })
  requestDurationMs: number | null;
}

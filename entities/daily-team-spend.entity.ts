import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_DailyTeamSpend_api_key_idx', ['apiKey'])
@Index('LiteLLM_DailyTeamSpend_date_idx', ['date'])
@Index('LiteLLM_DailyTeamSpend_endpoint_idx', ['endpoint'])
@Index('LiteLLM_DailyTeamSpend_mcp_namespaced_tool_name_idx', ['mcpNamespacedToolName'])
@Index('LiteLLM_DailyTeamSpend_model_idx', ['model'])
@Index('LiteLLM_DailyTeamSpend_team_id_date_api_key_model_custom_ll_key', ['teamId', 'date', 'apiKey', 'model', 'customLlmProvider', 'mcpNamespacedToolName', 'endpoint'], { unique: true })
@Index('LiteLLM_DailyTeamSpend_team_id_date_idx', ['teamId', 'date'])
@Entity({ name: 'LiteLLM_DailyTeamSpend' })
export class DailyTeamSpend {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'date', type: 'text' })
  date: string;

  @Column({ name: 'api_key', type: 'text' })
  apiKey: string;

  @Column({ name: 'model', type: 'text', nullable: true })
  model: string | null;

  @Column({ name: 'model_group', type: 'text', nullable: true })
  modelGroup: string | null;

  @Column({ name: 'custom_llm_provider', type: 'text', nullable: true })
  customLlmProvider: string | null;

  @Column({ name: 'prompt_tokens', type: 'bigint', default: () => "0" })
  promptTokens: number;

  @Column({ name: 'completion_tokens', type: 'bigint', default: () => "0" })
  completionTokens: number;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'api_requests', type: 'bigint', default: () => "0" })
  apiRequests: number;

  @Column({ name: 'successful_requests', type: 'bigint', default: () => "0" })
  successfulRequests: number;

  @Column({ name: 'failed_requests', type: 'bigint', default: () => "0" })
  failedRequests: number;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'cache_creation_input_tokens', type: 'bigint', default: () => "0" })
  cacheCreationInputTokens: number;

  @Column({ name: 'cache_read_input_tokens', type: 'bigint', default: () => "0" })
  cacheReadInputTokens: number;

  @Column({ name: 'mcp_namespaced_tool_name', type: 'text', nullable: true })
  mcpNamespacedToolName: string | null;

  @Column({ name: 'endpoint', type: 'text', nullable: true })
  endpoint: string | null;
}

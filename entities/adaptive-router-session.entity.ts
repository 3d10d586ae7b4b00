import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('idx_adaptive_router_session_activity', ['lastActivityAt'])
@Entity({ name: 'LiteLLM_AdaptiveRouterSession' })
export class AdaptiveRouterSession {
  @PrimaryColumn({ name: 'session_id', type: 'text' })
  sessionId: string;

  @PrimaryColumn({ name: 'router_name', type: 'text' })
  routerName: string;

  @PrimaryColumn({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'classified_type', type: 'text' })
  classifiedType: string;

  @Column({ name: 'misalignment_count', type: 'integer', default: () => "0" })
  misalignmentCount: number;

  @Column({ name: 'stagnation_count', type: 'integer', default: () => "0" })
  stagnationCount: number;

  @Column({ name: 'disengagement_count', type: 'integer', default: () => "0" })
  disengagementCount: number;

  @Column({ name: 'satisfaction_count', type: 'integer', default: () => "0" })
  satisfactionCount: number;

  @Column({ name: 'failure_count', type: 'integer', default: () => "0" })
  failureCount: number;

  @Column({ name: 'loop_count', type: 'integer', default: () => "0" })
  loopCount: number;

  @Column({ name: 'exhaustion_count', type: 'integer', default: () => "0" })
  exhaustionCount: number;

  @Column({ name: 'last_user_content', type: 'text', nullable: true })
  lastUserContent: string | null;

  @Column({ name: 'last_assistant_content', type: 'text', nullable: true })
  lastAssistantContent: string | null;

  @Column({ name: 'tool_call_history', type: 'jsonb', default: () => "'[]'::jsonb" })
  toolCallHistory: any;

  @Column({ name: 'pending_tool_calls', type: 'jsonb', default: () => "'{}'::jsonb" })
  pendingToolCalls: any;

  @Column({ name: 'turn_count', type: 'integer', default: () => "0" })
  turnCount: number;

  @Column({ name: 'last_processed_turn', type: 'integer', default: () => "'-1'::integer" })
  lastProcessedTurn: number;

  @Column({ name: 'clean_credit_awarded', type: 'boolean', default: () => "false" })
  cleanCreditAwarded: boolean;

  @Column({ name: 'terminal_status', type: 'integer', nullable: true })
  terminalStatus: number | null;

  @Column({ name: 'last_activity_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  lastActivityAt: Date;
}

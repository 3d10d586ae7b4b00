import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ToolTable_input_policy_idx', ['inputPolicy'])
@Index('LiteLLM_ToolTable_output_policy_idx', ['outputPolicy'])
@Index('LiteLLM_ToolTable_team_id_idx', ['teamId'])
@Index('LiteLLM_ToolTable_tool_name_key', ['toolName'], { unique: true })
@Entity({ name: 'LiteLLM_ToolTable' })
export class Tool {
  @PrimaryColumn({ name: 'tool_id', type: 'text' })
  toolId: string;

  @Column({ name: 'tool_name', type: 'text' })
  toolName: string;

  @Column({ name: 'origin', type: 'text', nullable: true })
  origin: string | null;

  @Column({ name: 'input_policy', type: 'text', default: () => "'untrusted'::text" })
  inputPolicy: string;

  @Column({ name: 'output_policy', type: 'text', default: () => "'untrusted'::text" })
  outputPolicy: string;

  @Column({ name: 'call_count', type: 'integer', default: () => "0" })
  callCount: number;

  @Column({ name: 'assignments', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  assignments: any | null;

  @Column({ name: 'key_hash', type: 'text', nullable: true })
  keyHash: string | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'key_alias', type: 'text', nullable: true })
  keyAlias: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ name: 'last_used_at', type: 'timestamp', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_WorkflowRun_created_at_idx', ['createdAt'])
@Index('LiteLLM_WorkflowRun_created_by_idx', ['createdBy'])
@Index('LiteLLM_WorkflowRun_session_id_idx', ['sessionId'])
@Index('LiteLLM_WorkflowRun_session_id_key', ['sessionId'], { unique: true })
@Index('LiteLLM_WorkflowRun_workflow_type_status_idx', ['workflowType', 'status'])
@Entity({ name: 'LiteLLM_WorkflowRun' })
export class WorkflowRun {
  @PrimaryColumn({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'session_id', type: 'text' })
  sessionId: string;

  @Column({ name: 'workflow_type', type: 'text' })
  workflowType: string;

  @Column({ name: 'status', type: 'text', default: () => "'pending'::text" })
  status: string;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'input', type: 'jsonb', nullable: true })
  input: any | null;

  @Column({ name: 'output', type: 'jsonb', nullable: true })
  output: any | null;

  @Column({ name: 'metadata', type: 'jsonb', nullable: true })
  metadata: any | null;
}

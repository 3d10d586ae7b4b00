import { Column, Entity, PrimaryColumn } from 'typeorm';

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

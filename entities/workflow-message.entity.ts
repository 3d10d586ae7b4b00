import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { WorkflowRun } from './workflow-run.entity';

@Index('LiteLLM_WorkflowMessage_run_id_idx', ['runId'])
@Index('LiteLLM_WorkflowMessage_run_id_sequence_number_key', ['runId', 'sequenceNumber'], { unique: true })
@Entity({ name: 'LiteLLM_WorkflowMessage' })
export class WorkflowMessage {
  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'role', type: 'text' })
  role: string;

  @Column({ name: 'content', type: 'text' })
  content: string;

  @Column({ name: 'sequence_number', type: 'integer' })
  sequenceNumber: number;

  @Column({ name: 'session_id', type: 'text', nullable: true })
  sessionId: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @ManyToOne(() => WorkflowRun, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', referencedColumnName: 'runId', foreignKeyConstraintName: 'LiteLLM_WorkflowMessage_run_id_fkey' })
  run?: Relation<WorkflowRun>;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { WorkflowRun } from './workflow-run.entity';

@Index('LiteLLM_WorkflowEvent_run_id_idx', ['runId'])
@Index('LiteLLM_WorkflowEvent_run_id_sequence_number_key', ['runId', 'sequenceNumber'], { unique: true })
@Entity({ name: 'LiteLLM_WorkflowEvent' })
export class WorkflowEvent {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'step_name', type: 'text' })
  stepName: string;

  @Column({ name: 'sequence_number', type: 'integer' })
  sequenceNumber: number;

  @Column({ name: 'data', type: 'jsonb', nullable: true })
  data: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @ManyToOne(() => WorkflowRun, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'run_id', referencedColumnName: 'runId', foreignKeyConstraintName: 'LiteLLM_WorkflowEvent_run_id_fkey' })
  run?: Relation<WorkflowRun>;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Budget } from './budget.entity';

@Entity({ name: 'LiteLLM_TagTable' })
export class Tag {
  @PrimaryColumn({ name: 'tag_name', type: 'text' })
  tagName: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'model_info', type: 'jsonb', nullable: true })
  modelInfo: any | null;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_TagTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Budget } from './budget.entity';

@Entity({ name: 'LiteLLM_TeamMembership' })
export class TeamMembership {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  userId: string;

  @PrimaryColumn({ name: 'team_id', type: 'text' })
  teamId: string;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Column({ name: 'total_spend', type: 'double precision', default: () => "0.0" })
  totalSpend: number;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_TeamMembership_budget_id_fkey' })
  budget?: Relation<Budget> | null;
}

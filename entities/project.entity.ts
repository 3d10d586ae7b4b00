import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Budget } from './budget.entity';
import { ObjectPermission } from './object-permission.entity';
import { Team } from './team.entity';

@Entity({ name: 'LiteLLM_ProjectTable' })
export class Project {
  @PrimaryColumn({ name: 'project_id', type: 'text' })
  projectId: string;

  @Column({ name: 'project_alias', type: 'text', nullable: true })
  projectAlias: string | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'budget_id', type: 'text', nullable: true })
  budgetId: string | null;

  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'::jsonb" })
  metadata: any;

  @Column({ name: 'models', type: 'text', array: true, nullable: true })
  models: string[] | null;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'model_spend', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelSpend: any;

  @Column({ name: 'blocked', type: 'boolean', default: () => "false" })
  blocked: boolean;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'model_rpm_limit', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelRpmLimit: any;

  @Column({ name: 'model_tpm_limit', type: 'jsonb', default: () => "'{}'::jsonb" })
  modelTpmLimit: any;

  @ManyToOne(() => Budget, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_ProjectTable_budget_id_fkey' })
  budget?: Relation<Budget> | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_ProjectTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;

  @ManyToOne(() => Team, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'team_id', referencedColumnName: 'id', foreignKeyConstraintName: 'LiteLLM_ProjectTable_team_id_fkey' })
  team?: Relation<Team> | null;
}

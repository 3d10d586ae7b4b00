import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ObjectPermission } from './object-permission.entity';

@Index('LiteLLM_AgentsTable_agent_name_key', ['agentName'], { unique: true })
@Entity({ name: 'LiteLLM_AgentsTable' })
export class Agent {
  @PrimaryColumn({ name: 'agent_id', type: 'text' })
  agentId: string;

  @Column({ name: 'agent_name', type: 'text' })
  agentName: string;

  @Column({ name: 'litellm_params', type: 'jsonb', nullable: true })
  litellmParams: any | null;

  @Column({ name: 'agent_card_params', type: 'jsonb' })
  agentCardParams: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Column({ name: 'agent_access_groups', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  agentAccessGroups: string[] | null;

  @Column({ name: 'static_headers', type: 'jsonb', nullable: true, default: () => "'{}'::jsonb" })
  staticHeaders: any | null;

  @Column({ name: 'extra_headers', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  extraHeaders: string[] | null;

  @Column({ name: 'object_permission_id', type: 'text', nullable: true })
  objectPermissionId: string | null;

  @Column({ name: 'spend', type: 'double precision', default: () => "0.0" })
  spend: number;

  @Column({ name: 'tpm_limit', type: 'integer', nullable: true })
  tpmLimit: number | null;

  @Column({ name: 'rpm_limit', type: 'integer', nullable: true })
  rpmLimit: number | null;

  @Column({ name: 'session_tpm_limit', type: 'integer', nullable: true })
  sessionTpmLimit: number | null;

  @Column({ name: 'session_rpm_limit', type: 'integer', nullable: true })
  sessionRpmLimit: number | null;

  @ManyToOne(() => ObjectPermission, { onDelete: 'SET NULL', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'object_permission_id', referencedColumnName: 'objectPermissionId', foreignKeyConstraintName: 'LiteLLM_AgentsTable_object_permission_id_fkey' })
  objectPermission?: Relation<ObjectPermission> | null;
}

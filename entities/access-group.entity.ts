import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_AccessGroupTable_access_group_name_key', ['accessGroupName'], { unique: true })
@Entity({ name: 'LiteLLM_AccessGroupTable' })
export class AccessGroup {
  @PrimaryColumn({ name: 'access_group_id', type: 'text' })
  accessGroupId: string;

  @Column({ name: 'access_group_name', type: 'text' })
  accessGroupName: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'access_model_names', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessModelNames: string[] | null;

  @Column({ name: 'access_mcp_server_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessMcpServerIds: string[] | null;

  @Column({ name: 'access_agent_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  accessAgentIds: string[] | null;

  @Column({ name: 'assigned_team_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  assignedTeamIds: string[] | null;

  @Column({ name: 'assigned_key_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  assignedKeyIds: string[] | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

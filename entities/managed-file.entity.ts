import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ManagedFileTable_team_id_created_at_idx', ['teamId', 'createdAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_ManagedFileTable_unified_file_id_idx', ['unifiedFileId'])
@Index('LiteLLM_ManagedFileTable_unified_file_id_key', ['unifiedFileId'], { unique: true })
@Entity({ name: 'LiteLLM_ManagedFileTable' })
export class ManagedFile {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'unified_file_id', type: 'text' })
  unifiedFileId: string;

  @Column({ name: 'file_object', type: 'jsonb', nullable: true })
  fileObject: any | null;

  @Column({ name: 'model_mappings', type: 'jsonb' })
  modelMappings: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'flat_model_file_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  flatModelFileIds: string[] | null;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'storage_backend', type: 'text', nullable: true })
  storageBackend: string | null;

  @Column({ name: 'storage_url', type: 'text', nullable: true })
  storageUrl: string | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;
}

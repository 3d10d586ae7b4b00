import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ManagedObjectTable_model_object_id_idx', ['modelObjectId'])
@Index('LiteLLM_ManagedObjectTable_model_object_id_key', ['modelObjectId'], { unique: true })
@Index('LiteLLM_ManagedObjectTable_team_id_created_at_idx', ['teamId', 'createdAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_ManagedObjectTable_unified_object_id_idx', ['unifiedObjectId'])
@Index('LiteLLM_ManagedObjectTable_unified_object_id_key', ['unifiedObjectId'], { unique: true })
@Entity({ name: 'LiteLLM_ManagedObjectTable' })
export class ManagedObject {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'unified_object_id', type: 'text' })
  unifiedObjectId: string;

  @Column({ name: 'model_object_id', type: 'text' })
  modelObjectId: string;

  @Column({ name: 'file_object', type: 'jsonb' })
  fileObject: any;

  @Column({ name: 'file_purpose', type: 'text' })
  filePurpose: string;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'status', type: 'text', nullable: true })
  status: string | null;

  @Column({ name: 'batch_processed', type: 'boolean', default: () => "false" })
  batchProcessed: boolean;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ManagedVectorStoreTable_team_id_created_at_idx', ['teamId', 'createdAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_ManagedVectorStoreTable_unified_resource_id_idx', ['unifiedResourceId'])
@Index('LiteLLM_ManagedVectorStoreTable_unified_resource_id_key', ['unifiedResourceId'], { unique: true })
@Entity({ name: 'LiteLLM_ManagedVectorStoreTable' })
export class ManagedVectorStore {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'unified_resource_id', type: 'text' })
  unifiedResourceId: string;

  @Column({ name: 'resource_object', type: 'jsonb', nullable: true })
  resourceObject: any | null;

  @Column({ name: 'model_mappings', type: 'jsonb' })
  modelMappings: any;

  @Column({ name: 'flat_model_resource_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  flatModelResourceIds: string[] | null;

  @Column({ name: 'storage_backend', type: 'text', nullable: true })
  storageBackend: string | null;

  @Column({ name: 'storage_url', type: 'text', nullable: true })
  storageUrl: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;
}

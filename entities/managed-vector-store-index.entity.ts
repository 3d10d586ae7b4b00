import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ManagedVectorStoreIndexTable_index_name_key', ['indexName'], { unique: true })
@Entity({ name: 'LiteLLM_ManagedVectorStoreIndexTable' })
export class ManagedVectorStoreIndex {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'index_name', type: 'text' })
  indexName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Column({ name: 'index_info', type: 'jsonb', nullable: true })
  indexInfo: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ManagedVectorStoresTable_team_id_idx', ['teamId'])
@Index('LiteLLM_ManagedVectorStoresTable_user_id_idx', ['userId'])
@Entity({ name: 'LiteLLM_ManagedVectorStoresTable' })
export class VectorStore {
  @PrimaryColumn({ name: 'vector_store_id', type: 'text' })
  vectorStoreId: string;

  @Column({ name: 'custom_llm_provider', type: 'text' })
  customLlmProvider: string;

  @Column({ name: 'vector_store_name', type: 'text', nullable: true })
  vectorStoreName: string | null;

  @Column({ name: 'vector_store_description', type: 'text', nullable: true })
  vectorStoreDescription: string | null;

  @Column({ name: 'vector_store_metadata', type: 'jsonb', nullable: true })
  vectorStoreMetadata: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'litellm_credential_name', type: 'text', nullable: true })
  litellmCredentialName: string | null;

  @Column({ name: 'litellm_params', type: 'jsonb', nullable: true })
  litellmParams: any | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;
}

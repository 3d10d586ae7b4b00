import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('VectorStore', { description: 'A vector store registered on the proxy (LiteLLM_ManagedVectorStoresTable)' })
@Index('LiteLLM_ManagedVectorStoresTable_team_id_idx', ['teamId'])
@Index('LiteLLM_ManagedVectorStoresTable_user_id_idx', ['userId'])
@Entity({ name: 'LiteLLM_ManagedVectorStoresTable' })
export class VectorStore {
  @Field(() => ID, { description: 'Vector store id' })
  @PrimaryColumn({ name: 'vector_store_id', type: 'text' })
  vectorStoreId: string;

  @Field(() => String, { description: 'Provider (openai, bedrock, …)' })
  @Column({ name: 'custom_llm_provider', type: 'text' })
  customLlmProvider: string;

  @Field(() => String, { nullable: true, description: 'Name' })
  @Column({ name: 'vector_store_name', type: 'text', nullable: true })
  vectorStoreName: string | null;

  @Field(() => String, { nullable: true, description: 'Description' })
  @Column({ name: 'vector_store_description', type: 'text', nullable: true })
  vectorStoreDescription: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Metadata' })
  @Column({ name: 'vector_store_metadata', type: 'jsonb', nullable: true })
  vectorStoreMetadata: any | null;

  @Field(() => DateTimeResolver, { description: 'When it was registered' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'Name of the stored credential it uses (the name only)' })
  @Column({ name: 'litellm_credential_name', type: 'text', nullable: true })
  litellmCredentialName: string | null;

  @Column({ name: 'litellm_params', type: 'jsonb', nullable: true })
  litellmParams: any | null;

  @Field(() => ID, { nullable: true, description: 'Team that owns it' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Field(() => ID, { nullable: true, description: 'User that owns it' })
  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('ManagedFile', { description: 'A file uploaded through the proxy (LiteLLM_ManagedFileTable)' })
@Index('LiteLLM_ManagedFileTable_team_id_created_at_idx', ['teamId', 'createdAt']) // DESC on the last column in LiteLLM: TypeORM has no column order, the migration has it
@Index('LiteLLM_ManagedFileTable_unified_file_id_idx', ['unifiedFileId'])
@Index('LiteLLM_ManagedFileTable_unified_file_id_key', ['unifiedFileId'], { unique: true })
@Entity({ name: 'LiteLLM_ManagedFileTable' })
export class ManagedFile {
  @Field(() => ID, { description: 'Row id' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'The file id callers use' })
  @Column({ name: 'unified_file_id', type: 'text' })
  unifiedFileId: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The OpenAI file object (name, bytes, purpose)' })
  @Column({ name: 'file_object', type: 'jsonb', nullable: true })
  fileObject: any | null;

  @Field(() => GraphQLJSON, { description: 'The provider\'s file id per deployment' })
  @Column({ name: 'model_mappings', type: 'jsonb' })
  modelMappings: any;

  @Field(() => DateTimeResolver, { description: 'When it was uploaded' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who uploaded it' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Field(() => [String], { nullable: true, description: 'Provider file ids' })
  @Column({ name: 'flat_model_file_ids', type: 'text', array: true, nullable: true, default: () => "ARRAY[]::text[]" })
  flatModelFileIds: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who changed it last' })
  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Where the proxy keeps a copy' })
  @Column({ name: 'storage_backend', type: 'text', nullable: true })
  storageBackend: string | null;

  @Column({ name: 'storage_url', type: 'text', nullable: true })
  storageUrl: string | null;

  @Field(() => ID, { nullable: true, description: 'Team the file belongs to' })
  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;
}

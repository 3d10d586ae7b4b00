import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver, GraphQLJSON } from 'graphql-scalars';

@ObjectType('Prompt', { description: 'One version of a prompt in one environment (LiteLLM_PromptTable)' })
@Index('LiteLLM_PromptTable_prompt_id_environment_idx', ['promptId', 'environment'])
@Index('LiteLLM_PromptTable_prompt_id_idx', ['promptId'])
@Index('LiteLLM_PromptTable_prompt_id_version_environment_key', ['promptId', 'version', 'environment'], { unique: true })
@Entity({ name: 'LiteLLM_PromptTable' })
export class Prompt {
  @Field(() => ID, { description: 'Row id' })
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Field(() => String, { description: 'Prompt id, shared by its versions' })
  @Column({ name: 'prompt_id', type: 'text' })
  promptId: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Prompt type and display information' })
  @Column({ name: 'prompt_info', type: 'jsonb', nullable: true })
  promptInfo: any | null;

  @Field(() => DateTimeResolver, { description: 'When this version was made' })
  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Field(() => DateTimeResolver, { description: 'Last change' })
  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Version number' })
  @Column({ name: 'version', type: 'integer', default: () => "1" })
  version: number;

  @Field(() => String, { description: 'development, staging or production' })
  @Column({ name: 'environment', type: 'text', default: () => "'development'::text" })
  environment: string;

  @Field(() => String, { nullable: true, description: 'Who made it' })
  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;
}

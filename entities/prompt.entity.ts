import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_PromptTable_prompt_id_environment_idx', ['promptId', 'environment'])
@Index('LiteLLM_PromptTable_prompt_id_idx', ['promptId'])
@Index('LiteLLM_PromptTable_prompt_id_version_environment_key', ['promptId', 'version', 'environment'], { unique: true })
@Entity({ name: 'LiteLLM_PromptTable' })
export class Prompt {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'prompt_id', type: 'text' })
  promptId: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Column({ name: 'prompt_info', type: 'jsonb', nullable: true })
  promptInfo: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'version', type: 'integer', default: () => "1" })
  version: number;

  @Column({ name: 'environment', type: 'text', default: () => "'development'::text" })
  environment: string;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;
}

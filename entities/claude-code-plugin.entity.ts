import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_ClaudeCodePluginTable_name_key', ['name'], { unique: true })
@Entity({ name: 'LiteLLM_ClaudeCodePluginTable' })
export class ClaudeCodePlugin {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'version', type: 'text', nullable: true })
  version: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'manifest_json', type: 'text', nullable: true })
  manifestJson: string | null;

  @Column({ name: 'files_json', type: 'text', nullable: true, default: () => "'{}'::text" })
  filesJson: string | null;

  @Column({ name: 'enabled', type: 'boolean', default: () => "true" })
  enabled: boolean;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, nullable: true, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;
}

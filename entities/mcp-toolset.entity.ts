import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_MCPToolsetTable_toolset_name_key', ['toolsetName'], { unique: true })
@Entity({ name: 'LiteLLM_MCPToolsetTable' })
export class McpToolset {
  @PrimaryColumn({ name: 'toolset_id', type: 'text' })
  toolsetId: string;

  @Column({ name: 'toolset_name', type: 'text' })
  toolsetName: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'tools', type: 'jsonb', default: () => "'[]'::jsonb" })
  tools: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

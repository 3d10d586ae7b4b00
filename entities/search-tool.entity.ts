import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_SearchToolsTable_search_tool_name_key', ['searchToolName'], { unique: true })
@Entity({ name: 'LiteLLM_SearchToolsTable' })
export class SearchTool {
  @PrimaryColumn({ name: 'search_tool_id', type: 'text' })
  searchToolId: string;

  @Column({ name: 'search_tool_name', type: 'text' })
  searchToolName: string;

  @Column({ name: 'litellm_params', type: 'jsonb' })
  litellmParams: any;

  @Column({ name: 'search_tool_info', type: 'jsonb', nullable: true })
  searchToolInfo: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

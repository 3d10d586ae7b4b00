import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_SpendLogToolIndex_tool_name_start_time_idx', ['toolName', 'startTime'])
@Entity({ name: 'LiteLLM_SpendLogToolIndex' })
export class SpendLogTool {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @PrimaryColumn({ name: 'tool_name', type: 'text' })
  toolName: string;

  @Column({ name: 'start_time', type: 'timestamp', precision: 3 })
  startTime: Date;
}

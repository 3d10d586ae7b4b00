import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_SpendLogToolIndex' })
export class SpendLogTool {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @PrimaryColumn({ name: 'tool_name', type: 'text' })
  toolName: string;

  @Column({ name: 'start_time', type: 'timestamp', precision: 3 })
  startTime: Date;
}

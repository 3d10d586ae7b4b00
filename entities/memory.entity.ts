import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_MemoryTable_key_key', ['key'], { unique: true })
@Index('LiteLLM_MemoryTable_team_id_idx', ['teamId'])
@Index('LiteLLM_MemoryTable_user_id_idx', ['userId'])
@Entity({ name: 'LiteLLM_MemoryTable' })
export class Memory {
  @PrimaryColumn({ name: 'memory_id', type: 'text' })
  memoryId: string;

  @Column({ name: 'key', type: 'text' })
  key: string;

  @Column({ name: 'value', type: 'text' })
  value: string;

  @Column({ name: 'metadata', type: 'jsonb', nullable: true })
  metadata: any | null;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

  @Column({ name: 'team_id', type: 'text', nullable: true })
  teamId: string | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;
}

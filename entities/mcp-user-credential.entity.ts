import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_MCPUserCredentials_user_id_server_id_key', ['userId', 'serverId'], { unique: true })
@Entity({ name: 'LiteLLM_MCPUserCredentials' })
export class McpUserCredential {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'server_id', type: 'text' })
  serverId: string;

  @Column({ name: 'credential_b64', type: 'text' })
  credentialB64: string;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;
}

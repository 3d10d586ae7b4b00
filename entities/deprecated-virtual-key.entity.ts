import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_DeprecatedVerificationToken' })
export class DeprecatedVirtualKey {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'token', type: 'text' })
  token: string;

  @Column({ name: 'active_token_id', type: 'text' })
  activeTokenId: string;

  @Column({ name: 'revoke_at', type: 'timestamp', precision: 3 })
  revokeAt: Date;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;
}

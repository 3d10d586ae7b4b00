import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_DeprecatedVerificationToken_revoke_at_idx', ['revokeAt'])
@Index('LiteLLM_DeprecatedVerificationToken_token_key', ['token'], { unique: true })
@Index('LiteLLM_DeprecatedVerificationToken_token_revoke_at_idx', ['token', 'revokeAt'])
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

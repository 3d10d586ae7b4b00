import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { VirtualKey } from './virtual-key.entity';

@Index('LiteLLM_JWTKeyMapping_jwt_claim_name_jwt_claim_value_is_act_idx', ['jwtClaimName', 'jwtClaimValue', 'isActive'])
@Index('LiteLLM_JWTKeyMapping_jwt_claim_name_jwt_claim_value_key', ['jwtClaimName', 'jwtClaimValue'], { unique: true })
@Entity({ name: 'LiteLLM_JWTKeyMapping' })
export class JwtKeyMapping {
  @PrimaryColumn({ name: 'id', type: 'text' })
  id: string;

  @Column({ name: 'jwt_claim_name', type: 'text' })
  jwtClaimName: string;

  @Column({ name: 'jwt_claim_value', type: 'text' })
  jwtClaimValue: string;

  @Column({ name: 'token', type: 'text' })
  token: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'is_active', type: 'boolean', default: () => "true" })
  isActive: boolean;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => VirtualKey, { onDelete: 'RESTRICT', onUpdate: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'token', referencedColumnName: 'token', foreignKeyConstraintName: 'LiteLLM_JWTKeyMapping_token_fkey' })
  key?: Relation<VirtualKey>;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Index('LiteLLM_CredentialsTable_credential_name_key', ['credentialName'], { unique: true })
@Entity({ name: 'LiteLLM_CredentialsTable' })
export class Credential {
  @PrimaryColumn({ name: 'credential_id', type: 'text' })
  credentialId: string;

  @Column({ name: 'credential_name', type: 'text' })
  credentialName: string;

  @Column({ name: 'credential_values', type: 'jsonb' })
  credentialValues: any;

  @Column({ name: 'credential_info', type: 'jsonb', nullable: true })
  credentialInfo: any | null;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;
}

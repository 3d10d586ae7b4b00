import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_SSOConfig' })
export class SsoConfig {
  @PrimaryColumn({ name: 'id', type: 'text', default: () => "'sso_config'::text" })
  id: string;

  @Column({ name: 'sso_settings', type: 'jsonb' })
  ssoSettings: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_ConfigOverrides' })
export class ConfigOverride {
  @PrimaryColumn({ name: 'config_type', type: 'text' })
  configType: string;

  @Column({ name: 'config_value', type: 'jsonb' })
  configValue: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

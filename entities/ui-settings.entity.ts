import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_UISettings' })
export class UiSettings {
  @PrimaryColumn({ name: 'id', type: 'text', default: () => "'ui_settings'::text" })
  id: string;

  @Column({ name: 'ui_settings', type: 'jsonb' })
  uiSettings: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_CacheConfig' })
export class CacheConfig {
  @PrimaryColumn({ name: 'id', type: 'text', default: () => "'cache_config'::text" })
  id: string;

  @Column({ name: 'cache_settings', type: 'jsonb' })
  cacheSettings: any;

  @Column({ name: 'created_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamp', precision: 3 })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_CronJob' })
export class CronJob {
  @PrimaryColumn({ name: 'cronjob_id', type: 'text' })
  cronjobId: string;

  @Column({ name: 'pod_id', type: 'text' })
  podId: string;

  @Column({ name: 'status', type: 'enum', enum: ['ACTIVE', 'INACTIVE'], enumName: 'JobStatus', default: () => "'INACTIVE'::\"JobStatus\"" })
  status: 'ACTIVE' | 'INACTIVE';

  @Column({ name: 'last_updated', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  lastUpdated: Date;

  @Column({ name: 'ttl', type: 'timestamp', precision: 3 })
  ttl: Date;
}

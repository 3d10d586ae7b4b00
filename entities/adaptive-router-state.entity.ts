import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'LiteLLM_AdaptiveRouterState' })
export class AdaptiveRouterState {
  @PrimaryColumn({ name: 'router_name', type: 'text' })
  routerName: string;

  @PrimaryColumn({ name: 'request_type', type: 'text' })
  requestType: string;

  @PrimaryColumn({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'alpha', type: 'double precision' })
  alpha: number;

  @Column({ name: 'beta', type: 'double precision' })
  beta: number;

  @Column({ name: 'total_samples', type: 'integer', default: () => "0" })
  totalSamples: number;

  @Column({ name: 'last_updated_at', type: 'timestamp', precision: 3, default: () => "CURRENT_TIMESTAMP" })
  lastUpdatedAt: Date;
}

import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Per-pool metrics, labelled with the name the pool was created under (createDataSource's `pool`):
 * pools live per process, so every gateway of the process shows them.
 */
export const poolRegistry = new Registry();

const statements = new Counter({ name: 'litellm_graphql_pool_statements_total', help: 'SQL statements sent on a pool', labelNames: ['pool'] as const, registers: [poolRegistry] });
const errors = new Counter({
  name: 'litellm_graphql_pool_errors_total',
  help: 'Failures on a pool: a statement that failed, or a connection that could not be had',
  labelNames: ['pool', 'kind'] as const,
  registers: [poolRegistry],
});
const wait = new Histogram({
  name: 'litellm_graphql_pool_wait_seconds',
  help: 'Time waited for a pooled connection (including connecting a new one)',
  labelNames: ['pool'] as const,
  buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [poolRegistry],
});
const lag = new Gauge({ name: 'litellm_graphql_replica_lag_seconds', help: 'Replay lag of a read replica as last measured', labelNames: ['pool'] as const, registers: [poolRegistry] });
const fallbacks = new Counter({
  name: 'litellm_graphql_replica_fallbacks_total',
  help: 'Reads meant for a replica that went to the primary, by reason',
  labelNames: ['pool', 'reason'] as const,
  registers: [poolRegistry],
});

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}
const livePools = new Map<PoolCounts, string>();
new Gauge({
  name: 'litellm_graphql_pool_connections',
  help: 'Connections of a pool (total, idle) and requests waiting for one',
  labelNames: ['pool', 'state'] as const,
  registers: [poolRegistry],
  collect() {
    this.reset();
    for (const [p, pool] of livePools) {
      this.inc({ pool, state: 'total' }, p.totalCount);
      this.inc({ pool, state: 'idle' }, p.idleCount);
      this.inc({ pool, state: 'waiting' }, p.waitingCount);
    }
  },
});

export const poolObserver = {
  opened: (pool: string, counts: PoolCounts) => void livePools.set(counts, pool),
  closed: (counts: PoolCounts) => void livePools.delete(counts),
  statement: (pool: string) => statements.inc({ pool }),
  statementFailed: (pool: string) => errors.inc({ pool, kind: 'statement' }),
  waited: (pool: string, seconds: number, failed: boolean) => {
    wait.observe({ pool }, seconds);
    if (failed) errors.inc({ pool, kind: 'connect' });
  },
};

/** Why a read meant for a replica went to the primary. */
export type FallbackReason = 'unavailable' | 'lagging' | 'read_your_writes' | 'not_listening';

/** What the read-replica routing reports: the replica's measured lag, and each read it sent to the primary. */
export const replicaMetrics = {
  /** null: the lag could not be measured (the replica is down); the series then disappears */
  lag(pool: string, seconds: number | null): void {
    if (seconds === null) lag.remove({ pool });
    else lag.set({ pool }, seconds);
  },
  fallback(pool: string, reason: FallbackReason, count = 1): void {
    fallbacks.inc({ pool, reason }, count);
  },
};

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { poolRegistry } from '../db/pool-metrics';

// Node's process metrics (CPU, memory, event loop lag, GC, handles) are collected once per process and
// shown by every gateway in it, as are the pools' metrics (src/db/pool-metrics.ts).
const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

/** Label values no GraphQL operation name can take (names are [_A-Za-z][_0-9A-Za-z]*). */
export const ANONYMOUS_OPERATION = '(anonymous)';
export const OTHER_OPERATIONS = '(other)';

/** The gateway's Prometheus metrics: its own operation counters beside the pool and process metrics. */
export class Metrics {
  private readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'litellm_graphql_requests_total', help: 'GraphQL operations by name and outcome', labelNames: ['operation', 'outcome'] as const, registers: [this.registry] });
  private readonly statements = new Counter({ name: 'litellm_graphql_sql_statements_total', help: 'SQL statements issued by GraphQL operations, by operation name', labelNames: ['operation'] as const, registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'litellm_graphql_request_duration_seconds',
    help: 'GraphQL operation duration, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly named = new Set<string>();

  /** maxOperations: distinct operation names given series of their own; later names count as (other) */
  constructor(private readonly maxOperations = 100) {}

  /** Clients choose operation names: the first maxOperations distinct names keep theirs. */
  private label(operationName: string | null | undefined): string {
    if (!operationName) return ANONYMOUS_OPERATION;
    if (this.named.has(operationName)) return operationName;
    if (this.named.size >= this.maxOperations) return OTHER_OPERATIONS;
    this.named.add(operationName);
    return operationName;
  }

  observe(operationName: string | null | undefined, outcome: 'ok' | 'error', seconds: number, statements: number): void {
    const operation = this.label(operationName);
    this.requests.inc({ operation, outcome });
    this.statements.inc({ operation }, statements);
    this.duration.observe({ operation }, seconds);
  }

  readonly contentType = this.registry.contentType;

  async render(): Promise<string> {
    return Registry.merge([this.registry, poolRegistry, processMetrics]).metrics();
  }
}

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// Node's process metrics (CPU, memory, event loop lag, GC, handles) are collected once per process and
// shown by every gateway in it.
const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

/** The gateway's Prometheus metrics: its own operation counters beside the process metrics. */
export class Metrics {
  private readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'litellm_graphql_requests_total', help: 'GraphQL operations by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly statements = new Counter({ name: 'litellm_graphql_sql_statements_total', help: 'SQL statements issued by GraphQL operations', registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'litellm_graphql_request_duration_seconds',
    help: 'GraphQL operation duration',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  observe(outcome: 'ok' | 'error', seconds: number, statements: number): void {
    this.requests.inc({ outcome });
    this.statements.inc(statements);
    this.duration.observe(seconds);
  }

  readonly contentType = this.registry.contentType;

  async render(): Promise<string> {
    return Registry.merge([this.registry, processMetrics]).metrics();
  }
}

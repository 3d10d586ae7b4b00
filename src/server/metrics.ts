/** A few Prometheus counters, kept in process. */
export class Metrics {
  private requests = new Map<string, number>();
  private durationSum = 0;
  private durationCount = 0;
  private statements = 0;
  private readonly buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  private bucketCounts = new Array(this.buckets.length).fill(0);

  observe(outcome: 'ok' | 'error', seconds: number, statements: number): void {
    this.requests.set(outcome, (this.requests.get(outcome) ?? 0) + 1);
    this.durationSum += seconds;
    this.durationCount++;
    this.statements += statements;
    this.buckets.forEach((b, i) => {
      if (seconds <= b) this.bucketCounts[i]++;
    });
  }

  render(): string {
    const lines = [
      '# HELP litellm_graphql_requests_total GraphQL operations by outcome',
      '# TYPE litellm_graphql_requests_total counter',
      ...[...this.requests].map(([o, n]) => `litellm_graphql_requests_total{outcome="${o}"} ${n}`),
      '# HELP litellm_graphql_sql_statements_total SQL statements issued by GraphQL operations',
      '# TYPE litellm_graphql_sql_statements_total counter',
      `litellm_graphql_sql_statements_total ${this.statements}`,
      '# HELP litellm_graphql_request_duration_seconds GraphQL operation duration',
      '# TYPE litellm_graphql_request_duration_seconds histogram',
      ...this.buckets.map((b, i) => `litellm_graphql_request_duration_seconds_bucket{le="${b}"} ${this.bucketCounts[i]}`),
      `litellm_graphql_request_duration_seconds_bucket{le="+Inf"} ${this.durationCount}`,
      `litellm_graphql_request_duration_seconds_sum ${this.durationSum}`,
      `litellm_graphql_request_duration_seconds_count ${this.durationCount}`,
      '# HELP process_resident_memory_bytes Resident memory size in bytes',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

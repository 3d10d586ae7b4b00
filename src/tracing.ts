import type { IncomingHttpHeaders } from 'node:http';
import type { Context as TraceContext, Span, Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry traces: request → loader batch (one per resolver level) → SQL statement. Off unless
 * startTracing ran (main.ts, when OTEL_EXPORTER_OTLP_ENDPOINT is set): the SDK is then never loaded and
 * every helper here is one null check.
 */
type Api = typeof import('@opentelemetry/api');

interface Tracing {
  api: Api;
  tracer: Tracer;
  provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> };
}

let active: Tracing | null = null;

export interface TracingOptions {
  serviceName: string;
  /** tests: spans go to this exporter as each ends; otherwise batches go to OTLP/HTTP (OTEL_EXPORTER_OTLP_* variables) */
  exporter?: SpanExporter;
}

export function startTracing({ serviceName, exporter }: TracingOptions): void {
  if (active) return;
  const api = require('@opentelemetry/api') as Api;
  const { NodeTracerProvider } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { BatchSpanProcessor, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const processor = exporter
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter());
  const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors: [processor] });
  // the AsyncLocalStorage context manager and W3C trace context propagation
  provider.register();
  active = { api, tracer: provider.getTracer('litellm-graphql'), provider };
}

/** Exports what is left and turns tracing off. */
export async function stopTracing(): Promise<void> {
  const t = active;
  if (!t) return;
  active = null;
  await t.provider.shutdown();
  t.api.trace.disable();
  t.api.context.disable();
  t.api.propagation.disable();
}

export const tracingEnabled = () => active !== null;

/** A request's span, continuing the caller's trace (traceparent) when it sent one; its context runs the request. */
export interface RequestSpan {
  span: Span;
  context: TraceContext;
  run<T>(fn: () => T): T;
}

/** A span for a request to /graphql (probes and scrapes are not traced); null when tracing is off. */
export function startRequestSpan(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): RequestSpan | null {
  if (!active || !url?.startsWith('/graphql')) return null;
  const { api, tracer } = active;
  const parent = api.propagation.extract(api.ROOT_CONTEXT, headers);
  const span = tracer.startSpan(`${method ?? 'GET'} ${url ?? '/'}`, { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method ?? 'GET', 'url.path': url ?? '/' } }, parent);
  const context = api.trace.setSpan(parent, span);
  return { span, context, run: (fn) => api.context.with(context, fn) };
}

/** Names a request's span after its GraphQL operation (`query OrgTeams`) and notes what it did. */
export function describeOperation(span: Span | undefined, type: string | undefined, name: string | null | undefined, statements: number, errors: readonly { extensions?: Record<string, unknown> }[] | undefined): void {
  if (!span || !active) return;
  span.updateName(`${type ?? 'graphql'}${name ? ` ${name}` : ''}`);
  span.setAttributes({ 'graphql.operation.type': type ?? 'unknown', 'graphql.operation.name': name ?? '', 'litellm_graphql.sql_statements': statements });
  if (errors?.length) {
    span.setAttribute('graphql.error.codes', errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
    span.setStatus({ code: active.api.SpanStatusCode.ERROR });
  }
}

/**
 * A batch function that runs in a span of its own (one per loader batch: one resolver level of the
 * operation), so its SQL statements are the span's children; the function itself when tracing is off.
 */
export function tracedBatch<A extends unknown[], R>(loader: string | (() => string), fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  if (!active) return fn;
  const name = typeof loader === 'string' ? loader : loader();
  return (...args: A) => {
    const t = active;
    if (!t) return fn(...args);
    return t.tracer.startActiveSpan(`loader ${name}`, { attributes: { 'litellm_graphql.loader': name, 'litellm_graphql.batch_size': Array.isArray(args[0]) ? args[0].length : 1 } }, async (span) => {
      try {
        return await fn(...args);
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: t.api.SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
  };
}

/**
 * A root field's resolver in a span of its own (the operation's first level; deeper levels are loader
 * batches): its own statements, or a mutation's transaction, are the span's children.
 */
export function tracedResolve<T>(field: string, fn: () => T): T {
  const t = active;
  if (!t) return fn();
  return t.tracer.startActiveSpan(`resolve ${field}`, { attributes: { 'graphql.field.path': field } }, (span) => {
    const failed = (err: unknown) => {
      span.recordException(err as Error);
      span.setStatus({ code: t.api.SpanStatusCode.ERROR });
      span.end();
    };
    let result: T;
    try {
      result = fn();
    } catch (err) {
      failed(err);
      throw err;
    }
    if (result && typeof (result as { then?: unknown }).then === 'function')
      (result as unknown as PromiseLike<unknown>).then(
        () => span.end(),
        (err) => failed(err),
      );
    else span.end();
    return result;
  });
}

/** The kind of a statement: its first keyword (SELECT, INSERT, WITH, START …). */
export const statementKind = (text: string) => /^[\s(]*([A-Za-z]+)/.exec(text)?.[1].toUpperCase() ?? 'SQL';

/** A span for one SQL statement of a traced request (its text carries no values: they travel as parameters). */
export function startStatementSpan(pool: string, text: string): Span | null {
  // statements outside a traced request (health probes, the budget reset job, startup) make no trace of their own
  if (!active || !active.api.trace.getSpan(active.api.context.active())) return null;
  const kind = statementKind(text);
  return active.tracer.startSpan(kind, {
    kind: active.api.SpanKind.CLIENT,
    attributes: { 'db.system.name': 'postgresql', 'db.operation.name': kind, 'db.query.text': text, 'db.client.connection.pool.name': pool },
  });
}

export function endSpan(span: Span, error?: unknown): void {
  if (error && active) {
    span.recordException(error as Error);
    span.setStatus({ code: active.api.SpanStatusCode.ERROR, message: (error as Error)?.message });
  }
  span.end();
}

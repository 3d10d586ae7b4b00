import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/** What one request (or one test's operation) did: its id and every SQL statement it issued. */
export interface RequestScope {
  requestId?: string;
  statements: string[];
  /** the request's span, when tracing is on */
  span?: Span;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** A statement as tests and logs show it; statements are kept as issued and flattened only when read. */
export const oneLine = (q: string) => q.replace(/\s+/g, ' ').trim();

/** Which connection pool a data source draws from: the primary, or the read replica. */
export type PoolName = 'primary' | 'replica';

export type PoolStatementObserver = (pool: PoolName, query: string) => void;

const poolObservers = new Set<PoolStatementObserver>();

/** Sees every statement of every pool (tests; metrics per pool); returns the function that stops it. */
export function observePoolStatements(fn: PoolStatementObserver): () => void {
  poolObservers.add(fn);
  return () => poolObservers.delete(fn);
}

export class CountingLogger extends AbstractLogger {
  constructor(readonly pool: PoolName = 'primary') {
    super();
  }

  /** A statement issued on this logger's pool without TypeORM (queryJson). */
  note(query: string): void {
    storage.getStore()?.statements.push(query);
    for (const fn of poolObservers) fn(this.pool, query);
  }

  logQuery(query: string): void {
    this.note(query);
  }

  logQueryError(_error: string | Error, query: string): void {
    this.note(query);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[] | string | number): void {
    if (level !== 'warn' && level !== 'error') return;
    const messages = Array.isArray(message) ? message : [message];
    const text = messages.map((m) => (typeof m === 'object' ? String(m.message) : String(m))).join(' ');
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: text.replace(/sk-[A-Za-z0-9_-]{4,}/g, 'sk-****') })}\n`);
  }
}

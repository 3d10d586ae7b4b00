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

export class CountingLogger extends AbstractLogger {
  logQuery(query: string): void {
    storage.getStore()?.statements.push(query);
  }

  logQueryError(_error: string | Error, query: string): void {
    storage.getStore()?.statements.push(query);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[] | string | number): void {
    if (level !== 'warn' && level !== 'error') return;
    const messages = Array.isArray(message) ? message : [message];
    const text = messages.map((m) => (typeof m === 'object' ? String(m.message) : String(m))).join(' ');
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: text.replace(/sk-[A-Za-z0-9_-]{4,}/g, 'sk-****') })}\n`);
  }
}

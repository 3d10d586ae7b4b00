import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

export interface SqlCapture {
  statements: string[];
}

const storage = new AsyncLocalStorage<SqlCapture>();

/** Runs fn and records every SQL statement it issues through the DataSource. */
export async function captureSql<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const capture: SqlCapture = { statements: [] };
  const result = await storage.run(capture, fn);
  return { result, statements: capture.statements };
}

export function currentSqlCapture(): SqlCapture | undefined {
  return storage.getStore();
}

export function runWithSqlCapture<T>(capture: SqlCapture, fn: () => T): T {
  return storage.run(capture, fn);
}

export class CountingLogger extends AbstractLogger {
  logQuery(query: string): void {
    storage.getStore()?.statements.push(query.replace(/\s+/g, ' ').trim());
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[] | string | number, _qr?: QueryRunner): void {
    if (level === 'warn' || level === 'error') {
      const text = Array.isArray(message) ? message.map((m) => (typeof m === 'object' ? m.message : m)).join(' ') : message;
      process.stderr.write(`${JSON.stringify({ level, msg: typeof text === 'object' ? text.message : String(text) })}\n`);
    }
  }

  logQueryError(error: string | Error, query: string): void {
    storage.getStore()?.statements.push(query.replace(/\s+/g, ' ').trim());
  }
}

import { AsyncResource } from 'node:async_hooks';
import pg from 'pg';
import { endSpan, startStatementSpan, tracingEnabled } from '../tracing';
import { poolObserver } from './pool-metrics';

const INSTRUMENTED = Symbol('litellm-graphql.instrumented');

type QueryFn = (...args: unknown[]) => unknown;

/** Counts a client's statements and failures under a pool's name, with a span per statement when tracing. */
function instrument(client: pg.PoolClient, pool: string): void {
  const c = client as pg.PoolClient & { [INSTRUMENTED]?: true };
  if (c[INSTRUMENTED]) return;
  c[INSTRUMENTED] = true;
  const query = c.query.bind(c) as QueryFn;
  (c as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    poolObserver.statement(pool);
    const first = args[0] as string | { text?: string; submit?: unknown } | undefined;
    const span = startStatementSpan(pool, typeof first === 'string' ? first : (first?.text ?? ''));
    const done = (err: unknown) => {
      if (err) poolObserver.statementFailed(pool);
      if (span) endSpan(span, err);
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        done(err);
        (last as (e: unknown, r: unknown) => void)(err, res);
      };
      return query(...args);
    }
    let result: unknown;
    try {
      result = query(...args);
    } catch (err) {
      done(err);
      throw err;
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => done(undefined),
        (err) => done(err),
      );
    } else if (result && typeof (result as { once?: unknown }).once === 'function') {
      // a submittable (cursor, stream): it ends or fails as an emitter
      const emitter = result as { once(event: string, fn: (e?: unknown) => void): void };
      emitter.once('end', () => done(undefined));
      emitter.once('error', (err) => done(err));
    } else done(undefined);
    return result;
  };
}

/**
 * pg with a pool that reports under `name`: statements, failures, the wait for a connection, its
 * connection counts, and a span per statement when tracing is on. TypeORM takes it as its `driver`.
 */
export function instrumentedPg(name: string): typeof pg {
  class Pool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      poolObserver.opened(name, this);
    }

    connect(): Promise<pg.PoolClient>;
    connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
    connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
      const started = process.hrtime.bigint();
      const waited = (err: unknown, client: pg.PoolClient | undefined) => {
        poolObserver.waited(name, Number(process.hrtime.bigint() - started) / 1e9, Boolean(err));
        if (client) instrument(client, name);
      };
      if (callback) {
        // a callback may run from the request that released the connection: with tracing on it keeps its
        // caller's context, so pool.query's statement span finds its parent
        if (tracingEnabled()) callback = AsyncResource.bind(callback);
        return super.connect((err, client, done) => {
          waited(err, client);
          callback!(err, client, done);
        });
      }
      return super.connect().then(
        (client) => {
          waited(undefined, client);
          return client;
        },
        (err) => {
          waited(err, undefined);
          throw err;
        },
      );
    }

    end(): Promise<void>;
    end(callback: () => void): void;
    end(callback?: () => void): Promise<void> | void {
      poolObserver.closed(this);
      return callback ? super.end(callback) : super.end();
    }
  }
  return Object.assign(Object.create(pg) as typeof pg, { Pool });
}

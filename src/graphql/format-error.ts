import { GraphQLFormattedError } from 'graphql';
import { Logger } from '../server/log';
import { featureUnavailable } from './errors';

const PASS_THROUGH = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'QUERY_TOO_COMPLEX', 'SERVICE_UNAVAILABLE', 'FEATURE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
]);

const DB_DOWN = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|Connection terminated|terminating connection|the database system is (starting up|shutting down)|not currently accepting connections|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error/i;

/** A connection-level failure: the database is down or unreachable, not a fault of the request. */
export function isDatabaseDown(err: unknown): boolean {
  const e = err as { message?: unknown; code?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  return DB_DOWN.test(String(e.message)) || DB_DOWN.test(String(e.code)) || e.code === '57P01' || e.code === '57P03';
}

function causeOf(error: unknown): unknown {
  let e = error as { originalError?: unknown } | undefined;
  while (e && typeof e === 'object' && 'originalError' in e && e.originalError) e = e.originalError as typeof e;
  return e;
}

/**
 * Every error leaves with a code: ours pass through, type-graphql's UNAUTHORIZED becomes FORBIDDEN,
 * a lost database becomes SERVICE_UNAVAILABLE, a value the database refuses BAD_USER_INPUT, a transaction a
 * concurrent one rolled back CONFLICT (retryable), and anything
 * else is masked and logged with the request id.
 */
export function formatErrorWith(log: Logger, requestId: () => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (code === 'UNAUTHORIZED') return { ...formatted, extensions: { ...extensions, code: 'FORBIDDEN' } };
    if (code && PASS_THROUGH.has(code)) return { ...formatted, extensions };
    const cause = causeOf(error) as { message?: string; code?: string } | undefined;
    const id = requestId();
    if (cause && (DB_DOWN.test(String(cause.message)) || DB_DOWN.test(String(cause.code)) || cause.code === '57P01' || cause.code === '57P03')) {
      log.error('database unavailable', { requestId: id, error: cause });
      return { message: 'The database is unavailable; try again shortly', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: id } };
    }
    // SQLSTATE class 22 (data exception) and 23503 (foreign key violation): a value of the request the
    // database cannot store or compare, or an id that refers to no row
    if (typeof cause?.code === 'string' && /^(22[0-9A-Z]{3}|23503)$/.test(cause.code)) {
      log.warn('input refused by the database', { requestId: id, path: formatted.path, sqlstate: cause.code, error: cause.message });
      return { message: `The database refused a value of the request: ${cause.message}`, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', sqlstate: cause.code, requestId: id } };
    }
    // a deadlock or serialization failure rolled the transaction back: nothing was written, and it may be sent again
    if (cause?.code === '40P01' || cause?.code === '40001') {
      log.warn('transaction rolled back by a concurrent one', { requestId: id, path: formatted.path, sqlstate: cause.code });
      return { message: 'A concurrent change got in the way and nothing was written; send the request again', path: formatted.path, extensions: { code: 'CONFLICT', sqlstate: cause.code, retryable: true, requestId: id } };
    }
    // undefined_table: a table dropped after the start-up check found it
    const missingTable = cause?.code === '42P01' ? /relation "(LiteLLM_\w+)" does not exist/.exec(String(cause.message))?.[1] : undefined;
    if (missingTable) {
      log.warn('table missing', { requestId: id, path: formatted.path, table: missingTable });
      return { message: featureUnavailable(missingTable).message, path: formatted.path, extensions: { code: 'FEATURE_UNAVAILABLE', table: missingTable, requestId: id } };
    }
    if (cause?.code === '57014') {
      return { message: 'The query ran longer than the statement timeout', path: formatted.path, extensions: { code: 'QUERY_TOO_COMPLEX', requestId: id } };
    }
    log.error('internal error', { requestId: id, path: formatted.path, error: cause ?? error });
    return { message: `Internal server error (request id ${id})`, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id } };
  };
}

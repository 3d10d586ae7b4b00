import pg from 'pg';
import { createLogger } from '../../src/server/log';
import { formatErrorWith } from '../../src/graphql/format-error';
import { serverUrl } from '../helpers/db';

// A transaction PostgreSQL rolls back to break a deadlock wrote nothing: the caller gets CONFLICT (retryable), not a 500.

/** A real deadlock between two sessions; the error of the one PostgreSQL chose as the victim. */
async function deadlockError(): Promise<unknown> {
  const a = new pg.Client({ connectionString: serverUrl('postgres') });
  const b = new pg.Client({ connectionString: serverUrl('postgres') });
  await Promise.all([a.connect(), b.connect()]);
  try {
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query('SELECT pg_advisory_xact_lock(424242)');
    await b.query('SELECT pg_advisory_xact_lock(434343)');
    const results = await Promise.allSettled([a.query('SELECT pg_advisory_xact_lock(434343)'), b.query('SELECT pg_advisory_xact_lock(424242)')]);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    return failed.reason;
  } finally {
    await Promise.allSettled([a.query('ROLLBACK'), b.query('ROLLBACK')]);
    await Promise.all([a.end(), b.end()]);
  }
}

test('a deadlock victim leaves as CONFLICT with retryable: true, never INTERNAL_SERVER_ERROR', async () => {
  const cause = (await deadlockError()) as { code: string };
  expect(cause.code).toBe('40P01');
  const lines: string[] = [];
  const format = formatErrorWith(createLogger('debug', (l) => lines.push(l)), () => 'req-1');
  const out = format({ message: 'x', path: ['deleteUsers'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, { originalError: cause });
  expect(out.extensions).toMatchObject({ code: 'CONFLICT', sqlstate: '40P01', retryable: true });
  expect(lines.some((l) => l.includes('"level":"error"'))).toBe(false);
});

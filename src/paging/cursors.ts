import { badInput } from '../graphql/errors';
import { unstorableText } from '../graphql/input-guard';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export function pageSize(first: number | null | undefined, max = MAX_PAGE, field = 'first'): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0) throw badInput(field, `must be a non-negative integer, got ${n}`);
  if (n > max) throw badInput(field, `must be at most ${max}, got ${n}`);
  return n;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * What each value of a list's cursor is: a text key, an instant as toISOString() wrote it (timestamp
 * columns), an integer column, a float8 column, or a position in the list (a non-negative integer).
 */
export type CursorValue = 'text' | 'timestamp' | 'integer' | 'number' | 'position';

/** A float8 value as a cursor holds it: a number, or PostgreSQL's non-finite values by name. */
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fits(kind: CursorValue, v: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof v === 'string' && unstorableText(v) === null;
    case 'timestamp':
      return typeof v === 'string' && ISO_INSTANT.test(v) && v >= '0001' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    case 'integer':
      return Number.isSafeInteger(v);
    case 'number':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NON_FINITE.has(v));
    case 'position':
      return Number.isSafeInteger(v) && (v as number) >= 0;
  }
}

/** The values of a cursor this list issued: as many as its order has, each of its kind; anything else is refused. */
export function decodeCursor(cursor: string | null | undefined, shape: readonly CursorValue[], field = 'after'): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== shape.length || !shape.every((kind, i) => fits(kind, values[i])))
    throw badInput(field, 'invalid cursor: not one this list issued');
  return values;
}

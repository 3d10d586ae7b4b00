import { badInput } from '../graphql/errors';
import { Duration, DurationError, parseDuration } from './durations';

export function money(field: string, v: number | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v)) throw badInput(field, `must be a finite number of USD, got ${v}`);
  if (v < 0) throw badInput(field, `must not be negative, got ${v}`);
}

export function count(field: string, v: number | null | undefined, max = Number.MAX_SAFE_INTEGER): void {
  if (v === null || v === undefined) return;
  if (!Number.isSafeInteger(v) || v < 0 || v > max) throw badInput(field, `must be a whole number from 0 to ${max}, got ${v}`);
}

export function jsonObject(field: string, v: unknown): void {
  if (v === null || v === undefined) return;
  if (typeof v !== 'object' || Array.isArray(v)) throw badInput(field, `must be a JSON object, got ${Array.isArray(v) ? 'an array' : typeof v}`);
}

export function names(field: string, v: string[] | null | undefined, maxLength = 256): void {
  if (!v) return;
  if (v.length > 1000) throw badInput(field, 'holds more than 1000 entries');
  for (const s of v) if (!s.trim() || s.length > maxLength) throw badInput(field, `entries must be non-empty and at most ${maxLength} characters, got ${JSON.stringify(s.slice(0, 40))}`);
}

export function duration(field: string, v: string | null | undefined): Duration | null {
  try {
    return parseDuration(v);
  } catch (err) {
    if (err instanceof DurationError) throw badInput(field, err.message);
    throw err;
  }
}

/** budget_duration must also be a positive period LiteLLM can reset on (newest LiteLLM rejects the rest). */
export function budgetDuration(field: string, v: string | null | undefined): Duration | null {
  const d = duration(field, v);
  if (d && d.value <= 0) throw badInput(field, `Invalid budget_duration '${v}'. Use a format like '1h', '24h', '7d', or '30d'.`);
  if (d && d.unit === 'mo' && d.value !== 1) throw badInput(field, `'${v}': only 1mo is a calendar month budget; use 30d multiples for longer`);
  return d;
}

// LiteLLM's key alias format (enable_key_alias_format_validation): 2–255 chars, alphanumeric at both ends.
const ALIAS = /^[a-zA-Z0-9](?:[a-zA-Z0-9_\-/.@]{0,253})[a-zA-Z0-9]$/;

export function keyAlias(field: string, v: string | null | undefined): void {
  if (v === null || v === undefined) return;
  if (!ALIAS.test(v))
    throw badInput(field, `'${v.slice(0, 60)}' is not a valid alias: 2 to 255 characters from a-z A-Z 0-9 _ - / . @, starting and ending with a letter or digit`);
}

export function atMost(field: string, v: number | null | undefined, limit: number | null | undefined, what: string): void {
  if (v === null || v === undefined || limit === null || limit === undefined) return;
  if (v > limit) throw badInput(field, `${v} exceeds the ${what} of ${limit}`);
}

/** Rate limits and a budget period, checked the same way wherever they are set. */
export function limits(a: { tpmLimit?: number | null; rpmLimit?: number | null; maxParallelRequests?: number | null; budgetDuration?: string | null }): void {
  count('tpmLimit', a.tpmLimit);
  count('rpmLimit', a.rpmLimit);
  count('maxParallelRequests', a.maxParallelRequests, 2147483647);
  budgetDuration('budgetDuration', a.budgetDuration);
}

// LiteLLM's _is_valid_user_id: at most 512 characters, no control characters
export function userId(field: string, id: string | null | undefined): void {
  if (id === null || id === undefined) return;
  if (!id.trim() || id.length > 512 || /[\u0000-\u001f]/.test(id)) throw badInput(field, 'must be 1 to 512 characters without control characters');
}

/** The ids a mutation acts on: 1 to max of them, each 1 to maxLength characters; duplicates count once. */
export function idList(field: string, ids: string[], max: number, what: string, maxLength = 256): string[] {
  if (!ids.length || ids.length > max) throw badInput(field, `give 1 to ${max} ${what}`);
  ids.forEach((id, i) => {
    if (!id) throw badInput(`${field}[${i}]`, 'must not be empty');
    if (id.length > maxLength) throw badInput(`${field}[${i}]`, `must be at most ${maxLength} characters`);
  });
  return [...new Set(ids)];
}

import { badInput } from '../graphql/errors';

const DAY_MS = 86400000;

/** Days in [from, to], both ends included (YYYY-MM-DD); 0 or less when `to` is before `from`. */
export function windowDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Refuses a usage or report window wider than USAGE_MAX_WINDOW_DAYS; returns its days. */
export function checkWindowWidth(from: string, to: string, maxDays: number): number {
  const days = windowDays(from, to);
  if (days > maxDays) throw badInput('to', `the window ${from} to ${to} spans ${days} days; the widest a usage or spend report may read is ${maxDays} (USAGE_MAX_WINDOW_DAYS)`);
  return days;
}

/** A usage or report window: in order, and no wider than USAGE_MAX_WINDOW_DAYS. */
export function checkWindow(from: string, to: string, maxDays: number): number {
  if (to < from) throw badInput('to', `${to} is before from ${from}`);
  return checkWindowWidth(from, to, maxDays);
}

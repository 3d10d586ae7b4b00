import { badInput } from '../graphql/errors';
import { CursorValue, decodeCursor, encodeCursor, MAX_PAGE, pageSize } from './cursors';

export interface Page<T> {
  nodes: T[];
  /** encoded on first use: a query selecting only `nodes` builds none, pageInfo only its two ends */
  readonly cursors: string[];
  cursorAt(index: number): string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which page a list is asked for: size and cursor, forward (first/after) or backward (last/before). */
export interface PageWindow {
  size: number;
  cursor: unknown[] | null;
  backward: boolean;
}

export function pageWindow(args: PageArgs, shape: readonly CursorValue[], max = MAX_PAGE): PageWindow {
  if (args.after != null && args.before != null) throw badInput('before', 'give after or before, not both');
  const backward = args.last != null || args.before != null;
  if (backward && args.after != null) throw badInput('after', 'last pages backward: use before');
  // `first` defaults to 20 in the schema, so it cannot say "both given": last wins when present
  return {
    size: backward ? pageSize(args.last ?? args.first, max, args.last != null ? 'last' : 'first') : pageSize(args.first, max),
    cursor: decodeCursor(backward ? args.before : args.after, shape, backward ? 'before' : 'after'),
    backward,
  };
}

/** A page whose cursors are encoded on first use, from the cursor values of the node at each index. */
export function lazyPage<T>(nodes: T[], cursorValues: (index: number) => unknown[], hasNextPage: boolean, hasPreviousPage: boolean): Page<T> {
  let cursors: string[] | undefined;
  return {
    nodes,
    get cursors() {
      return (cursors ??= nodes.map((_, i) => encodeCursor(cursorValues(i))));
    },
    cursorAt(index: number) {
      return index >= 0 && index < nodes.length ? (cursors?.[index] ?? encodeCursor(cursorValues(index))) : null;
    },
    hasNextPage,
    hasPreviousPage,
  };
}

/**
 * A page from rows fetched in the direction of travel, one more than asked so the other end is known;
 * backward pages are put back into list order.
 */
export function toPage<T>(rows: T[], w: PageWindow, cursorOf: (row: T) => unknown[]): Page<T> {
  const taken = rows.slice(0, w.size);
  const nodes = w.backward ? taken.reverse() : taken;
  const more = rows.length > w.size;
  return lazyPage(
    nodes,
    (i) => cursorOf(nodes[i]),
    w.backward ? w.cursor !== null : more,
    w.backward ? more : w.cursor !== null,
  );
}

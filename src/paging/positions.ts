import { CursorValue, MAX_PAGE } from './cursors';
import { lazyPage, Page, PageArgs, pageWindow } from './window';

/** Lists paged by position: a cursor is the index of its node in the list. */
export const POSITION: readonly CursorValue[] = ['position'];

/** A page of a list already in memory (a team's members_with_roles). */
export function pageOfList<T>(all: readonly T[], args: PageArgs, max = MAX_PAGE): Page<T> {
  const w = pageWindow(args, POSITION, max);
  const at = w.cursor ? (w.cursor[0] as number) : null;
  if (w.backward) {
    const end = Math.min(at ?? all.length, all.length);
    const start = Math.max(0, end - w.size);
    return lazyPage(all.slice(start, end), (i) => [start + i], w.cursor !== null, start > 0);
  }
  const start = at === null ? 0 : at + 1;
  return lazyPage(all.slice(start, start + w.size), (i) => [start + i], all.length > start + w.size, w.cursor !== null);
}

/** Which rows a list read with LIMIT and OFFSET is asked for: forward only. */
export interface OffsetWindow {
  size: number;
  offset: number;
}

export function offsetWindow(args: Pick<PageArgs, 'first' | 'after'>, max = MAX_PAGE): OffsetWindow {
  const w = pageWindow({ first: args.first, after: args.after }, POSITION, max);
  return { size: w.size, offset: w.cursor ? (w.cursor[0] as number) + 1 : 0 };
}

/** A page from the rows read at the window's offset, one more than asked so the next page is known. */
export function offsetPage<T>(rows: T[], w: OffsetWindow): Page<T> {
  return lazyPage(rows.slice(0, w.size), (i) => [w.offset + i], rows.length > w.size, w.offset > 0);
}

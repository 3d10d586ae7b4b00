import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { unstorableText } from './input-guard';

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
 * columns), an integer column, or a position in the list (a non-negative integer).
 */
export type CursorValue = 'text' | 'timestamp' | 'integer' | 'position';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fits(kind: CursorValue, v: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof v === 'string' && unstorableText(v) === null;
    case 'timestamp':
      return typeof v === 'string' && ISO_INSTANT.test(v) && v >= '0001' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    case 'integer':
      return Number.isSafeInteger(v);
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

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

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

/**
 * A page from rows fetched in the direction of travel, one more than asked so the other end is known;
 * backward pages are put back into list order.
 */
export function toPage<T>(rows: T[], w: PageWindow, cursorOf: (row: T) => unknown[]): Page<T> {
  const taken = rows.slice(0, w.size);
  const nodes = w.backward ? taken.reverse() : taken;
  const more = rows.length > w.size;
  let cursors: string[] | undefined;
  return {
    nodes,
    get cursors() {
      return (cursors ??= nodes.map((n) => encodeCursor(cursorOf(n))));
    },
    cursorAt(index: number) {
      return index >= 0 && index < nodes.length ? (cursors?.[index] ?? encodeCursor(cursorOf(nodes[index]))) : null;
    },
    hasNextPage: w.backward ? w.cursor !== null : more,
    hasPreviousPage: w.backward ? more : w.cursor !== null,
  };
}

const connectionTypes = new Map<string, ClassType>();

/** Relay connection and edge types for a node type, shared by every list of that node. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<ConnectionBase<T>>;

  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class NodeConnection extends ConnectionBase<T> {
    @Field(() => [node])
    get nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => [Edge])
    get edges(): Edge[] {
      return this.page.nodes.map((n, i) => Object.assign(new Edge(), { node: n, cursor: this.page.cursors[i] }));
    }

    @Field(() => PageInfo)
    get pageInfo(): PageInfo {
      const p = this.page;
      return Object.assign(new PageInfo(), {
        hasNextPage: p.hasNextPage,
        hasPreviousPage: p.hasPreviousPage,
        startCursor: p.cursorAt(0),
        endCursor: p.cursorAt(p.nodes.length - 1),
      });
    }

    @Field(() => Int, { description: 'Counted with a separate statement, only when selected' })
    totalCount(): Promise<number> {
      if (!this.count) throw new Error('totalCount is not available on this list');
      return this.count();
    }
  }
  connectionTypes.set(name, NodeConnection);
  return NodeConnection as ClassType<ConnectionBase<T>>;
}

export class ConnectionBase<T> {
  page: Page<T>;
  count?: () => Promise<number>;
}

export function connection<T extends object>(type: ClassType<ConnectionBase<T>>, page: Page<T>, count?: () => Promise<number>): ConnectionBase<T> {
  return Object.assign(new type(), { page, count });
}

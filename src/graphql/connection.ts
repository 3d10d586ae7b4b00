import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Page } from '../paging';

@ObjectType({ description: 'Where a page sits in its list: whether more items lie on either side, and the cursors of its two ends' })
export class PageInfo {
  @Field({ description: 'Whether items follow this page: fetch them with after: endCursor' })
  hasNextPage: boolean;

  @Field({ description: 'Whether items come before this page: fetch them with last and before: startCursor (paging forward, true whenever after was given)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty' })
  endCursor: string | null;
}

/** pageInfo of a page: only its two ends' cursors are encoded. */
export function pageInfo(p: Page<unknown>): PageInfo {
  return Object.assign(new PageInfo(), {
    hasNextPage: p.hasNextPage,
    hasPreviousPage: p.hasPreviousPage,
    startCursor: p.cursorAt(0),
    endCursor: p.cursorAt(p.nodes.length - 1),
  });
}

const connectionTypes = new Map<string, ClassType>();

/** Relay connection and edge types for a node type, shared by every list of that node. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<ConnectionBase<T>>;

  @ObjectType(`${name}Edge`, { description: `An edge of ${name}Connection: one ${name} with its cursor` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this item: pass it as after (or before) to page from here' })
    cursor: string;

    @Field(() => node, { description: `The ${name} at this position` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay connection): nodes or edges, pageInfo and totalCount` })
  class NodeConnection extends ConnectionBase<T> {
    @Field(() => [node], { description: 'The items of this page, in list order' })
    get nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => [Edge], { description: 'The items of this page with their cursors, in list order' })
    get edges(): Edge[] {
      return this.page.nodes.map((n, i) => Object.assign(new Edge(), { node: n, cursor: this.page.cursors[i] }));
    }

    @Field(() => PageInfo, { description: 'Cursors and has-more flags for paging on from this page' })
    get pageInfo(): PageInfo {
      return pageInfo(this.page);
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

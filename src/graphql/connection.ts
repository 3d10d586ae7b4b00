import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Page } from '../paging';

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

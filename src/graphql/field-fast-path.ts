import { defaultFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { Context } from './context';

/** What a fast path answers when the value is not at hand: the field's own resolver then runs. */
export const SLOW = Symbol('slow');

export type FastPath = (root: any, context: Context) => unknown;

/**
 * Field extension (type-graphql's @Extensions) for a field resolver whose value is usually already on its
 * parent (looked ahead for the whole level): answered synchronously, without the resolver's wrapper.
 */
export const fastPath = (fn: FastPath) => ({ fastPath: fn });

export function installFastPaths(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const fast = field.extensions?.fastPath as FastPath | undefined;
      if (!fast) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context, info) => {
        const value = fast(root, context as Context);
        return value === SLOW ? resolve(root, args, context, info) : value;
      };
    }
  }
  return schema;
}

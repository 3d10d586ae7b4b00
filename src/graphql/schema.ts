import 'reflect-metadata';
import { GraphQLObjectType, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { RESOLVERS } from '../../resolvers';
import { installFastPaths } from './field-fast-path';
import { installSecretMasks } from './secrets';
import { guardArguments } from './input-guard';
import { collectReads } from './selection';
import { tracedResolve } from '../tracing';
import { DateTimeScalar } from './scalars';

let schema: GraphQLSchema | undefined;

/**
 * A field that only reads a property of its parent resolves with graphql's default resolver: no wrapper,
 * no per-field allocation (the gateway uses no type-graphql middlewares or auth checkers).
 */
function simpleResolversEverywhere(): void {
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
}

/** type-graphql builds Query and Mutation without descriptions: the GraphiQL docs pane shows these. */
function describeRootTypes(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  if (query) query.description ??= 'Reads over the LiteLLM Proxy database; every list holds only what the caller may see';
  if (mutation) mutation.description ??= "Writes as LiteLLM's management endpoints make them, each in one transaction";
  return built;
}

/** Each root field resolves in a span when tracing is on (tracedResolve is a null check otherwise). */
function traceRootFields(built: GraphQLSchema): GraphQLSchema {
  for (const type of [built.getQueryType(), built.getMutationType()].filter((t): t is GraphQLObjectType => !!t)) {
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const name = `${type.name}.${field.name}`;
      field.resolve = (root, args, context, info) => tracedResolve(name, () => resolve(root, args, context, info));
    }
  }
  return built;
}

export function gatewaySchema(): GraphQLSchema {
  if (!schema) simpleResolversEverywhere();
  schema ??= traceRootFields(collectReads(installFastPaths(installSecretMasks(guardArguments(describeRootTypes(
    buildSchemaSync({
      resolvers: RESOLVERS,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      validate: false,
    }),
  ))))));
  return schema;
}

/** The text committed as schema.graphql. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`;
}

import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { RESOLVERS } from '../../resolvers';
import { guardArguments } from './input-guard';
import { DateTimeScalar } from './scalars';

let schema: GraphQLSchema | undefined;

export function gatewaySchema(): GraphQLSchema {
  schema ??= guardArguments(
    buildSchemaSync({
      resolvers: RESOLVERS,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      validate: false,
    }),
  );
  return schema;
}

/** The text committed as schema.graphql. */
export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(gatewaySchema()))}\n`;
}

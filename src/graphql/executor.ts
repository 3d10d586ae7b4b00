import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentNode, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** graphql-jit's errors are GraphQLErrors without extensions; Apollo and formatError expect graphql's own. */
function asGraphQLError(e: GraphQLError): GraphQLError {
  const original = e.originalError ?? undefined;
  const error = new GraphQLError(e.message, { path: e.path, originalError: original, extensions: e.extensions ?? undefined });
  (error as { locations?: unknown }).locations = e.locations;
  return error;
}

/**
 * Compiled execution: each operation is compiled once (graphql-jit) into a function that resolves and
 * serializes without graphql-js's per-field interpretation, and reused for every request of the same
 * document. Apollo still parses, validates and runs every plugin; it hands execution over through its
 * gateway interface, the hook it offers for a custom executor.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  const executor: GatewayExecutor = async (rc) => {
    const name = rc.operationName ?? '';
    let byOperation = compiled.get(rc.document);
    if (!byOperation) compiled.set(rc.document, (byOperation = new Map()));
    let query = byOperation.get(name);
    if (!query) {
      const result = compileQuery(schema, rc.document, rc.operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      byOperation.set(name, (query = result));
    }
    const result = await query.query(undefined, rc.context, rc.request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}

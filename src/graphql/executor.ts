import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
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
const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
let compilations = 0;

/** How many operations this process compiled (compiling expands every fragment spread: it must come last). */
export const compiledOperations = () => compilations;

/** The operation compiled once per document; the errors of a document that does not compile. */
export function compiledOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult {
  const name = operationName ?? '';
  let byOperation = compiled.get(document);
  if (!byOperation) compiled.set(document, (byOperation = new Map()));
  let query = byOperation.get(name);
  if (!query) {
    compilations++;
    const result = compileQuery(schema, document, operationName ?? undefined);
    if (!isCompiledQuery(result)) return result;
    byOperation.set(name, (query = result));
  }
  return query;
}

/** Runs a compiled operation; its errors come back as graphql's own GraphQLErrors. */
export async function runCompiled(query: CompiledQuery, context: unknown, variables: Record<string, unknown> | null | undefined): Promise<ExecutionResult> {
  const result = await query.query(undefined, context, variables ?? {});
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
}

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const executor: GatewayExecutor = async (rc) => {
    const query = compiledOperation(schema, rc.document, rc.operationName);
    return isCompiledQuery(query) ? runCompiled(query, rc.context, rc.request.variables) : query;
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

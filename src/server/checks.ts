import { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { Policy } from '../auth/policy';
import { withWrapped } from '../auth/routes';
import { currentScope, oneLine } from '../db/sql-log';
import { fieldsByType, mutationResultTypes, rootFieldNames } from '../graphql/selection';
import { describeOperation } from '../tracing';
import { Logger } from './log';
import { Metrics } from './metrics';

/** What every operation goes through, on Apollo's pipeline and on the fast path alike. */

export type StatementObserver = (requestId: string, statements: string[]) => void;

/** LiteLLM's allowed_routes of the calling key, before any resolver (and so any SQL) runs. */
export function checkRoutes(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, policy: Policy): void {
  if (operation.operation === 'subscription' || !policy.caller.allowedRoutes.length) return;
  const roots = rootFieldNames(operation, document);
  // what a mutation returns is its own answer; what is reached through it needs a read grant
  const selectedTypes = () => {
    const own = new Set(operation.operation === 'mutation' ? withWrapped(mutationResultTypes(schema, roots)) : []);
    return [...fieldsByType(schema, document).keys()].filter((type) => !own.has(type));
  };
  policy.assertRoutesAllow(operation.operation, roots, selectedTypes);
}

const selections = new WeakMap<DocumentNode, Map<string, Set<string>>>();

/** The fields a document selects, by type, computed once per document. */
export function selectionOf(schema: GraphQLSchema, document: DocumentNode): Map<string, Set<string>> {
  let fields = selections.get(document);
  if (!fields) selections.set(document, (fields = fieldsByType(schema, document)));
  return fields;
}

export type Recorder = (
  operationName: string | null | undefined,
  role: string | null,
  seconds: number,
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
  operationType?: string,
) => number;

/** One metrics sample and one log line per operation; returns the statements it issued. */
export function recorder(metrics: Metrics, log: Logger, onStatements?: StatementObserver): Recorder {
  return (operationName, role, seconds, errors, operationType) => {
    const scope = currentScope();
    const statements = scope?.statements.length ?? 0;
    if (onStatements && scope?.requestId) onStatements(scope.requestId, scope.statements.map(oneLine));
    metrics.observe(operationName, errors?.length ? 'error' : 'ok', seconds, statements);
    describeOperation(scope?.span, operationType, operationName, statements, errors);
    log.info('graphql', {
      requestId: scope?.requestId,
      operation: operationName ?? null,
      role,
      ms: Math.round(seconds * 10000) / 10,
      statements,
      errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') ?? [],
    });
    return statements;
  };
}

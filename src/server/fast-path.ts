import express from 'express';
import { DocumentNode, getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { isCompiledQuery } from 'graphql-jit';
import { Config } from '../config';
import { Context } from '../graphql/context';
import { compiledOperation, runCompiled } from '../graphql/executor';
import { checkRoutes, Recorder, selectionOf } from './checks';

export interface FastPathOptions {
  schema: GraphQLSchema;
  config: Config;
  makeContext: (req: express.Request) => Promise<Context>;
  checkLimits: (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined) => void;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  record: Recorder;
}

interface Body {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

const MAX_DOCUMENTS = 1000;

/** A plain JSON POST of one query that needs nothing of Apollo's HTTP features (APQ, batching, other media types). */
function plainQuery(req: express.Request): Body | null {
  if (req.method !== 'POST' || !req.is('application/json')) return null;
  const accept = req.headers.accept;
  if (accept !== undefined && accept !== '*/*' && accept !== 'application/json') return null;
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string' || body.extensions !== undefined) return null;
  const { variables, operationName } = body;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return body as unknown as Body;
}

/**
 * The hot path of POST /graphql: a valid query (not a mutation) answered without Apollo's request pipeline,
 * through the same authentication, route and limit checks, selection, compiled execution, error formatting,
 * metrics and log line. Anything else, and any request these checks refuse, goes on to Apollo, which answers
 * it (and its refusal) as before.
 */
export function fastQueries(o: FastPathOptions): express.RequestHandler {
  const documents = new Map<string, DocumentNode | null>();
  const documentOf = (query: string): DocumentNode | null => {
    if (documents.has(query)) return documents.get(query)!;
    let document: DocumentNode | null;
    try {
      document = parse(query);
      if (validate(o.schema, document).length) document = null;
    } catch {
      document = null;
    }
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
    return document;
  };

  return (req, res, next) => {
    // with introspection off, Apollo alone decides what an operation may select
    if (!o.config.introspection) return next();
    const body = plainQuery(req);
    if (!body) return next();
    const started = process.hrtime.bigint();
    const variables = body.variables ?? undefined;
    (async () => {
      // authentication first, as Apollo does: nobody without a key gets a document parsed, checked or compiled
      let context: Context;
      try {
        context = await o.makeContext(req);
        res.locals.gatewayContext = context;
      } catch (err) {
        res.locals.gatewayContextError = err;
        return next();
      }
      const document = documentOf(body.query);
      const operation = document && getOperationAST(document, body.operationName ?? undefined);
      if (!document || !operation || operation.operation !== 'query') return next();
      try {
        checkRoutes(o.schema, document, operation, context.policy);
        o.checkLimits(document, operation, body.operationName, variables);
      } catch {
        return next();
      }
      // compiled only once the limits passed: a document they refuse is never expanded
      const query = compiledOperation(o.schema, document, body.operationName);
      if (!isCompiledQuery(query)) return next();
      context.loaders.useSelection(selectionOf(o.schema, document));
      const result = await runCompiled(query, context, variables);
      const errors = result.errors as readonly GraphQLError[] | undefined;
      const status = errors?.map((e) => (e.extensions?.http as { status?: number } | undefined)?.status).find((s) => typeof s === 'number') ?? 200;
      const formatted = errors?.map((e) => o.formatError(e.toJSON(), e));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const statements = o.record(operation.name?.value ?? null, context.policy.principal?.role ?? null, seconds, formatted);
      res.status(status);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-sql-statements', String(statements));
      res.end(JSON.stringify(formatted ? { errors: formatted, data: result.data } : { data: result.data }));
    })().catch((err) => next(err));
  };
}

import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DocumentNode, getOperationAST, GraphQLError, GraphQLFormattedError, GraphQLSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { isCompiledQuery } from 'graphql-jit';
import { Config } from '../config';
import { Context } from '../graphql/context';
import { compiledOperation, runCompiled } from '../graphql/executor';
import { jsonRead } from '../graphql/json-read';
import { queryJson } from '../reads/json';
import { checkRoutes, Recorder, selectionOf } from './checks';

export interface FastPathOptions {
  schema: GraphQLSchema;
  config: Config;
  makeContext: (headers: IncomingHttpHeaders) => Promise<Context>;
  checkLimits: (document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined) => void;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  record: Recorder;
  /** called before and after a mutation runs (mutations may change who a key is) */
  aroundMutation: () => void;
  /** points the context at the data source this kind of operation reads from */
  route: ReadRoute;
  /** after the operation ran, before its answer is sent */
  settle: Settle;
}

export type OperationKind = OperationDefinitionNode['operation'];
export type ReadRoute = (context: Context, kind: OperationKind) => Promise<void>;
export type Settle = (context: Context, kind: OperationKind, errors: readonly unknown[] | undefined) => Promise<void>;

/** What the fast path learnt about a request it handed to Apollo: its context, or why there is none. */
export type Handover = { context: Context } | { error: unknown };

interface Body {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** express.json's limit on /graphql */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DOCUMENTS = 1000;
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A POST /graphql of JSON this path can read itself: declared length within the limit, no encoding. */
export function readableHere(req: IncomingMessage): boolean {
  const h = req.headers;
  if (req.method !== 'POST' || req.url !== '/graphql' || h['content-encoding'] !== undefined || h['transfer-encoding'] !== undefined) return false;
  const length = Number(h['content-length']);
  return Number.isSafeInteger(length) && length <= MAX_BODY_BYTES && JSON_TYPE.test(h['content-type'] ?? '');
}

/** The request body; the caller checked that its declared length is within the limit. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body larger than declared'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** One query that needs nothing of Apollo's HTTP features (APQ, batching, other media types). */
function plainQuery(body: unknown, accept: string | undefined): Body | null {
  if (accept !== undefined && accept !== '*/*' && accept !== 'application/json') return null;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || extensions !== undefined) return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return body as Body;
}

const DATA_ENVELOPE = '{"data":}';

// A non-finite float comes out bare where JSON text holds a number (float8::text: NaN), or as a string
// (to_json: "NaN"); GraphQL's Float raises an error for both. A string that merely looks so falls back too.
const NON_FINITE = /[:,[](NaN|-?Infinity)[,}\]]|"(NaN|-?Infinity)"/;

/**
 * A query answered by one statement that builds its data as JSON (src/graphql/json-read.ts); false when the
 * operation is not one it compiles, or when the statement fails or returns what GraphQL would not: the
 * resolvers then answer the request, errors included.
 */
async function answerAsJson(o: FastPathOptions, context: Context, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, res: ServerResponse, started: bigint): Promise<boolean> {
  const read = jsonRead(o.schema, context.ds, context.policy, document, operation, variables, o.config.limits.usageMaxWindowDays);
  if (!read) return false;
  let pieces: string[];
  let ran = false;
  try {
    const run = () => {
      ran = true;
      return queryJson(context.ds, read.sql, read.values, !read.customPlan);
    };
    pieces = await (read.heavy ? context.heavy.run(run) : run());
  } catch (error) {
    if (ran) {
      // a replica that went away: the resolvers answer from wherever reads go now
      await o.settle(context, operation.operation, [error]);
      await o.route(context, operation.operation);
    }
    // refused a heavy-read slot after waiting: the resolvers report it without waiting again
    if (!ran) {
      context.heavy = context.heavy.refusedWith(error);
      context.loaders.useHeavy(context.heavy);
    }
    return false;
  }
  // a piece ends after a node's comma: no value is cut in two
  if (!pieces.length || pieces.some((piece) => NON_FINITE.test(piece))) return false;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const statements = o.record(operation.name?.value ?? null, context.policy.principal?.role ?? null, seconds, undefined, operation.operation);
  // written piece by piece: the data, which may be megabytes, is never joined into one string
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': pieces.reduce((n, piece) => n + Buffer.byteLength(piece), DATA_ENVELOPE.length),
    'x-sql-statements': String(statements),
  });
  res.cork();
  res.write('{"data":');
  for (const piece of pieces) res.write(piece);
  res.end('}');
  return true;
}

/**
 * The hot path of POST /graphql: a valid query or mutation answered on Node's own request and response,
 * without express or Apollo's request pipeline, through the same authentication, route and limit checks,
 * selection, compiled execution, error formatting, metrics and log line. It answers true when it took the
 * request; anything else, and any request these checks refuse, goes on to Apollo, which answers it (and its
 * refusal) as before; `handover` keeps what was learnt, so a request is authenticated once.
 */
export function fastQueries(o: FastPathOptions, handover: WeakMap<IncomingMessage, Handover>) {
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

  return async (req: IncomingMessage, res: ServerResponse, parsed: unknown): Promise<boolean> => {
    // with introspection off, Apollo alone decides what an operation may select
    if (!o.config.introspection) return false;
    const body = plainQuery(parsed, req.headers.accept);
    if (!body) return false;
    const started = process.hrtime.bigint();
    const variables = body.variables ?? undefined;
    // authentication first, as Apollo does: nobody without a key gets a document parsed, checked or compiled
    let context: Context;
    try {
      context = await o.makeContext(req.headers);
    } catch (error) {
      handover.set(req, { error });
      return false;
    }
    handover.set(req, { context });
    const document = documentOf(body.query);
    const operation = document && getOperationAST(document, body.operationName ?? undefined);
    if (!document || !operation || operation.operation === 'subscription') return false;
    const mutation = operation.operation === 'mutation';
    try {
      checkRoutes(o.schema, document, operation, context.policy);
      o.checkLimits(document, operation, body.operationName, variables);
    } catch {
      return false;
    }
    await o.route(context, operation.operation);
    if (!mutation && o.config.jsonReads && (await answerAsJson(o, context, document, operation, variables, res, started))) return true;
    // compiled only once the limits passed: a document they refuse is never expanded
    const query = compiledOperation(o.schema, document, body.operationName);
    if (!isCompiledQuery(query)) return false;
    context.loaders.useSelection(selectionOf(o.schema, document));
    if (mutation) o.aroundMutation();
    let result;
    try {
      result = await runCompiled(query, context, variables);
    } finally {
      if (mutation) o.aroundMutation();
    }
    const errors = result.errors as readonly GraphQLError[] | undefined;
    await o.settle(context, operation.operation, errors);
    const status = errors?.map((e) => (e.extensions?.http as { status?: number } | undefined)?.status).find((s) => typeof s === 'number') ?? 200;
    const formatted = errors?.map((e) => o.formatError(e.toJSON(), e));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const statements = o.record(operation.name?.value ?? null, context.policy.principal?.role ?? null, seconds, formatted, operation.operation);
    const payload = JSON.stringify(formatted ? { errors: formatted, data: result.data } : { data: result.data });
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      'x-sql-statements': String(statements),
    });
    res.end(payload);
    return true;
  };
}

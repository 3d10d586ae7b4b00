import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { MigrateMode } from './db/migrate';
import { DurationError, parseDuration } from './services/durations';

export class ConfigError extends Error {
  constructor(
    public readonly setting: string,
    message: string,
  ) {
    super(`configuration: ${setting}: ${message}`);
  }
}

export interface Limits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
  /** fields of an operation once its fragments are expanded */
  maxFields: number;
  maxDocumentBytes: number;
  statementTimeoutMs: number;
  /** widest date window (days, inclusive) a usage field or a spendReport may read */
  usageMaxWindowDays: number;
  /** heavy reads (usage, spendReport, spend, error and audit logs) running at once; 0: half the pool */
  heavyReadsConcurrency: number;
  /** how long a heavy read waits for a slot before SERVICE_UNAVAILABLE */
  heavyReadsMaxWaitMs: number;
}

/** How long the gateway waits on PostgreSQL, on slow clients and on its own shutdown (milliseconds). */
export interface Timeouts {
  /** DB_CONNECT_TIMEOUT_MS: connecting to PostgreSQL, and waiting for a free pooled connection */
  dbConnectMs: number;
  /** DB_QUERY_TIMEOUT_MS: client-side bound on one query's answer; unset: the statement timeout + 5 s; 0: none */
  dbQueryMs?: number;
  /** READINESS_TIMEOUT_MS: /health/readiness answers 503 when the database has not answered by then */
  readinessMs: number;
  /** HTTP_HEADERS_TIMEOUT_MS and HTTP_REQUEST_TIMEOUT_MS: a client must send its headers, then its whole request, within these */
  httpHeadersMs: number;
  httpRequestMs: number;
  /** SHUTDOWN_GRACE_MS: after SIGTERM, in-flight requests get this long before their connections are closed */
  shutdownGraceMs: number;
}

/** The generateKey fields LiteLLM's default_key_generate_params and upperbound_key_generate_params name. */
export interface KeyGenerateParams {
  maxBudget?: number;
  maxParallelRequests?: number;
  tpmLimit?: number;
  rpmLimit?: number;
  budgetDuration?: string;
  duration?: string;
  models?: string[];
  metadata?: Record<string, unknown>;
}

const KEY_PARAM_NUMBERS = { max_budget: 'maxBudget', max_parallel_requests: 'maxParallelRequests', tpm_limit: 'tpmLimit', rpm_limit: 'rpmLimit' } as const;
const KEY_PARAM_DURATIONS = { budget_duration: 'budgetDuration', duration: 'duration' } as const;

/**
 * A key-params mapping of proxy_config.yaml, checked: numbers not negative, durations in LiteLLM's grammar,
 * models a list of names, metadata a mapping. Other keys LiteLLM knows there (user_id, team_id) are not
 * applied by this gateway and refused, so a config never seems to do what it does not.
 */
function keyGenerateParams(setting: string, v: unknown, withLists: boolean): KeyGenerateParams | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(setting, 'expected a mapping of key fields');
  const out: KeyGenerateParams = {};
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
    const at = `${setting}.${k}`;
    if (value === null || value === undefined) continue;
    if (k in KEY_PARAM_NUMBERS) {
      const n = Number(value);
      if (typeof value === 'boolean' || !Number.isFinite(n) || n < 0) throw new ConfigError(at, `expected a number of at least 0, got ${JSON.stringify(value)}`);
      out[KEY_PARAM_NUMBERS[k as keyof typeof KEY_PARAM_NUMBERS]] = n;
    } else if (k in KEY_PARAM_DURATIONS) {
      try {
        if (!parseDuration(String(value))) throw new DurationError('no duration');
      } catch {
        throw new ConfigError(at, `expected a duration such as 30d, got ${JSON.stringify(value)}`);
      }
      out[KEY_PARAM_DURATIONS[k as keyof typeof KEY_PARAM_DURATIONS]] = String(value);
    } else if (withLists && k === 'models') {
      if (!Array.isArray(value) || !value.every((m) => typeof m === 'string')) throw new ConfigError(at, 'expected a list of model names');
      out.models = value as string[];
    } else if (withLists && k === 'metadata') {
      if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(at, 'expected a mapping');
      out.metadata = value as Record<string, unknown>;
    } else {
      throw new ConfigError(at, `is not a field this gateway applies (it applies ${[...Object.keys(KEY_PARAM_NUMBERS), ...Object.keys(KEY_PARAM_DURATIONS), ...(withLists ? ['models', 'metadata'] : [])].join(', ')})`);
    }
  }
  return out;
}

/** What createUser fills in, as LiteLLM's /user/new does (_update_internal_new_user_params). */
export interface NewUserDefaults {
  /** litellm_settings.default_internal_user_params: fields not given (models: also an empty list); not for a proxy_admin */
  params: {
    userRole?: string;
    models?: string[];
    maxBudget?: number;
    budgetDuration?: string;
    tpmLimit?: number;
    rpmLimit?: number;
    maxParallelRequests?: number;
    metadata?: Record<string, unknown>;
    /** joined when createUser names no teams */
    teams?: { teamId: string; role: 'admin' | 'user' }[];
  } | null;
  /** litellm_settings.max_internal_user_budget and internal_user_budget_duration: for a user created as internal_user */
  maxInternalUserBudget: number | null;
  internalUserBudgetDuration: string | null;
}

const USER_PARAM_NUMBERS = { max_budget: 'maxBudget', tpm_limit: 'tpmLimit', rpm_limit: 'rpmLimit', max_parallel_requests: 'maxParallelRequests' } as const;

function configDuration(at: string, value: unknown): string {
  try {
    if (!parseDuration(String(value))) throw new DurationError('no duration');
  } catch {
    throw new ConfigError(at, `expected a duration such as 30d, got ${JSON.stringify(value)}`);
  }
  return String(value);
}

function configNumber(at: string, value: unknown): number {
  const n = Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(n) || n < 0) throw new ConfigError(at, `expected a number of at least 0, got ${JSON.stringify(value)}`);
  return n;
}

/** LiteLLM's new-user defaults, checked; a field the gateway does not apply is refused. */
function newUserDefaults(litellm: Record<string, unknown>): NewUserDefaults {
  const setting = 'litellm_settings.default_internal_user_params';
  const v = litellm.default_internal_user_params;
  let params: NewUserDefaults['params'] = null;
  if (v !== undefined && v !== null) {
    if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(setting, 'expected a mapping of user fields');
    params = {};
    for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
      const at = `${setting}.${k}`;
      if (value === null || value === undefined || k === 'available_teams') continue;
      if (k in USER_PARAM_NUMBERS) params[USER_PARAM_NUMBERS[k as keyof typeof USER_PARAM_NUMBERS]] = configNumber(at, value);
      else if (k === 'budget_duration') params.budgetDuration = configDuration(at, value);
      else if (k === 'user_role') {
        if (!['proxy_admin', 'proxy_admin_viewer', 'internal_user', 'internal_user_viewer'].includes(String(value))) throw new ConfigError(at, `expected proxy_admin, proxy_admin_viewer, internal_user or internal_user_viewer, got ${JSON.stringify(value)}`);
        params.userRole = String(value);
      } else if (k === 'models') {
        if (!Array.isArray(value) || !value.every((m) => typeof m === 'string')) throw new ConfigError(at, 'expected a list of model names');
        params.models = value as string[];
      } else if (k === 'metadata') {
        if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(at, 'expected a mapping');
        params.metadata = value as Record<string, unknown>;
      } else if (k === 'teams') {
        if (!Array.isArray(value)) throw new ConfigError(at, 'expected a list of team ids or of {team_id, user_role}');
        params.teams = value.map((team, i) => {
          if (typeof team === 'string' && team) return { teamId: team, role: 'user' as const };
          const t = team as Record<string, unknown> | null;
          if (t && typeof t === 'object' && typeof t.team_id === 'string' && t.team_id && (t.user_role === undefined || t.user_role === 'user' || t.user_role === 'admin'))
            return { teamId: t.team_id, role: (t.user_role ?? 'user') as 'admin' | 'user' };
          throw new ConfigError(`${at}[${i}]`, 'expected a team id or {team_id, user_role: user|admin}');
        });
      } else throw new ConfigError(at, `is not a field this gateway applies (it applies ${[...Object.keys(USER_PARAM_NUMBERS), 'budget_duration', 'user_role', 'models', 'metadata', 'teams'].join(', ')})`);
    }
  }
  const max = litellm.max_internal_user_budget;
  const duration = litellm.internal_user_budget_duration;
  return {
    params,
    maxInternalUserBudget: max === undefined || max === null ? null : configNumber('litellm_settings.max_internal_user_budget', max),
    internalUserBudgetDuration: duration === undefined || duration === null ? null : configDuration('litellm_settings.internal_user_budget_duration', duration),
  };
}

/** Reads of query operations go to a streaming replica (src/db/read-replica.ts). */
export interface ReadReplicaConfig {
  url: string;
  /** replay lag beyond which reads go to the primary */
  maxLagMs: number;
  /** how often the replica's reachability and lag are checked */
  checkIntervalMs: number;
  /** how long after a mutation its caller's reads wait for the replica to replay it (else the primary answers) */
  readYourWritesMs: number;
}

export interface Config {
  /** undefined: run the embedded PostgreSQL in dataDir */
  databaseUrl?: string;
  /** DATABASE_URL_READ_REPLICA or general_settings.database_url_read_replica; null: every read on the primary */
  readReplica: ReadReplicaConfig | null;
  port: number;
  host: string;
  dataDir: string;
  masterKey?: string;
  /** LITELLM_GRAPHQL_ALLOW_NO_MASTER_KEY: serve a database with no virtual key and no master key (no one can log in) */
  allowNoMasterKey: boolean;
  migrate: MigrateMode;
  seedDemo: boolean;
  disableSpendLogs: boolean;
  disableErrorLogs: boolean;
  storeAuditLogs: boolean;
  /** DISABLE_KEY_NAME: new and rotated keys get no key_name hint */
  disableKeyName: boolean;
  /** litellm_settings.enable_key_alias_format_validation: key aliases must match LiteLLM's format */
  keyAliasFormatValidation: boolean;
  /** litellm_settings.default_key_generate_params: what generateKey fills in when a field is not given */
  keyGenerateDefaults: KeyGenerateParams | null;
  /** litellm_settings.upperbound_key_generate_params: the most generateKey accepts, and fills in when not given */
  keyGenerateUpperBounds: KeyGenerateParams | null;
  /** how long a resolved virtual key is reused (LiteLLM's user_api_key_cache_ttl); 0: never */
  userApiKeyCacheTtlSeconds: number;
  /** `serve` processes on this machine (node:cluster), from LITELLM_GRAPHQL_WORKERS, else WEB_CONCURRENCY */
  workers: number;
  timezone: string;
  budgetResetTime?: string;
  budgetResetIntervalSeconds: number;
  newUserDefaults: NewUserDefaults;
  /** widest startTime window a spendLogs query may scan */
  spendLogsMaxWindowDays: number;
  introspection: boolean;
  /** LITELLM_GRAPHQL_JSON_READS: admins' plain nested reads answered by one statement that builds the JSON */
  jsonReads: boolean;
  graphiql: boolean;
  /** origins browsers may call from: ['*'] (LiteLLM's default) or exact origins */
  corsOrigins: string[];
  timeouts: Timeouts;
  limits: Limits;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** METRICS_MAX_OPERATIONS: distinct operation names with series of their own on /metrics; later ones count as (other) */
  metricsMaxOperations: number;
  /** set when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is, unless OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none */
  tracing?: { serviceName: string };
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxComplexity: 250000,
  maxAliases: 30,
  maxFields: 2000,
  maxDocumentBytes: 20000,
  statementTimeoutMs: 15000,
  usageMaxWindowDays: 366,
  heavyReadsConcurrency: 0,
  heavyReadsMaxWaitMs: 10000,
};

type Env = Record<string, string | undefined>;

function bool(setting: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return true;
  if (['0', 'false', 'no', 'off'].includes(s)) return false;
  throw new ConfigError(setting, `expected true or false, got ${JSON.stringify(v)}`);
}

function int(setting: string, v: unknown, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(setting, `expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

// LiteLLM's proxy_config.yaml lets any value be "os.environ/NAME".
function resolveEnvRef(setting: string, v: unknown, env: Env): unknown {
  if (typeof v === 'string' && v.startsWith('os.environ/')) {
    const name = v.slice('os.environ/'.length);
    const value = env[name];
    if (value === undefined) throw new ConfigError(setting, `refers to environment variable ${name}, which is not set`);
    return value;
  }
  return v;
}

// LiteLLM's LITELLM_CORS_ORIGINS: comma-separated origins, '*' (the default) for any.
function corsOrigins(env: Env, general: Record<string, unknown>): string[] {
  const fromEnv = env.LITELLM_CORS_ORIGINS;
  const setting = fromEnv !== undefined && fromEnv !== '' ? 'LITELLM_CORS_ORIGINS' : 'general_settings.cors_origins';
  const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : general.cors_origins;
  if (raw === undefined || raw === null || raw === '') return ['*'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (!list) throw new ConfigError(setting, 'expected a list of origins or a comma-separated string');
  const origins = list.map((o) => String(o).trim()).filter((o) => o !== '');
  for (const o of origins) {
    if (o === '*') continue;
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== o)
      throw new ConfigError(setting, `${JSON.stringify(o)} is not an origin: write scheme://host[:port] with no path or trailing slash, e.g. https://admin.example.com`);
  }
  return origins.length ? origins : ['*'];
}

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function section(doc: Record<string, unknown>, name: string): Record<string, unknown> {
  const v = doc[name];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new ConfigError(name, 'must be a mapping');
  return v as Record<string, unknown>;
}

export function readProxyConfig(file: string, env: Env): { general: Record<string, unknown>; litellm: Record<string, unknown> } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('--config', `cannot read ${file}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = YAML.parse(text) ?? {};
  } catch (err) {
    throw new ConfigError('--config', `${file} is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError('--config', `${file} must hold a YAML mapping`);
  const general = section(doc as Record<string, unknown>, 'general_settings');
  const litellm = section(doc as Record<string, unknown>, 'litellm_settings');
  for (const [k, v] of Object.entries(general)) general[k] = resolveEnvRef(`general_settings.${k}`, v, env);
  for (const [k, v] of Object.entries(litellm)) litellm[k] = resolveEnvRef(`litellm_settings.${k}`, v, env);
  return { general, litellm };
}

export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function timeouts(env: Env): Timeouts {
  const httpHeadersMs = int('HTTP_HEADERS_TIMEOUT_MS', env.HTTP_HEADERS_TIMEOUT_MS, 10000, 1);
  const httpRequestMs = int('HTTP_REQUEST_TIMEOUT_MS', env.HTTP_REQUEST_TIMEOUT_MS, 30000, 1);
  if (httpRequestMs < httpHeadersMs) throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must be at least HTTP_HEADERS_TIMEOUT_MS (${httpHeadersMs})`);
  return {
    dbConnectMs: int('DB_CONNECT_TIMEOUT_MS', env.DB_CONNECT_TIMEOUT_MS, 5000, 1),
    dbQueryMs: env.DB_QUERY_TIMEOUT_MS ? int('DB_QUERY_TIMEOUT_MS', env.DB_QUERY_TIMEOUT_MS, 0, 0) : undefined,
    readinessMs: int('READINESS_TIMEOUT_MS', env.READINESS_TIMEOUT_MS, 3000, 1),
    httpHeadersMs,
    httpRequestMs,
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', env.SHUTDOWN_GRACE_MS, 10000, 0),
  };
}

/** Environment first, then LiteLLM's proxy_config.yaml (--config or LITELLM_CONFIG), then defaults. */
export function loadConfig(argv: string[] = [], env: Env = process.env): Config {
  const configFile = argValue(argv, '--config') ?? env.LITELLM_CONFIG;
  const { general, litellm } = configFile ? readProxyConfig(path.resolve(configFile), env) : { general: {}, litellm: {} };

  const databaseUrl = env.DATABASE_URL || (general.database_url as string | undefined) || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError(env.DATABASE_URL ? 'DATABASE_URL' : 'general_settings.database_url', 'must be a postgres:// or postgresql:// URL');

  const replicaUrl = env.DATABASE_URL_READ_REPLICA || (general.database_url_read_replica as string | undefined) || undefined;
  const replicaSetting = env.DATABASE_URL_READ_REPLICA ? 'DATABASE_URL_READ_REPLICA' : 'general_settings.database_url_read_replica';
  if (replicaUrl !== undefined && !/^postgres(ql)?:\/\//.test(String(replicaUrl))) throw new ConfigError(replicaSetting, 'must be a postgres:// or postgresql:// URL');
  if (replicaUrl !== undefined && !databaseUrl) throw new ConfigError(replicaSetting, 'needs DATABASE_URL (the embedded PostgreSQL has no replica)');
  const readReplica: ReadReplicaConfig | null = replicaUrl
    ? {
        url: String(replicaUrl),
        maxLagMs: int('DATABASE_READ_REPLICA_MAX_LAG_MS', env.DATABASE_READ_REPLICA_MAX_LAG_MS, 5000, 0),
        checkIntervalMs: int('DATABASE_READ_REPLICA_CHECK_INTERVAL_MS', env.DATABASE_READ_REPLICA_CHECK_INTERVAL_MS, 1000, 50),
        readYourWritesMs: int('DATABASE_READ_YOUR_WRITES_WINDOW_MS', env.DATABASE_READ_YOUR_WRITES_WINDOW_MS, 30000, 0),
      }
    : null;

  const masterKey = env.LITELLM_MASTER_KEY || (general.master_key as string | undefined) || undefined;
  if (masterKey !== undefined && (typeof masterKey !== 'string' || !masterKey.startsWith('sk-')))
    throw new ConfigError(env.LITELLM_MASTER_KEY ? 'LITELLM_MASTER_KEY' : 'general_settings.master_key', "LiteLLM's master key must start with 'sk-'");

  const migrate = (env.LITELLM_GRAPHQL_MIGRATE ?? 'auto') as MigrateMode;
  if (!['auto', 'always', 'never'].includes(migrate)) throw new ConfigError('LITELLM_GRAPHQL_MIGRATE', 'expected auto, always or never');

  const tzSetting = (env.LITELLM_TIMEZONE ?? litellm.timezone ?? 'UTC') as string;
  // LiteLLM falls back to UTC for an unknown timezone.
  const timezone = typeof tzSetting === 'string' && validTimezone(tzSetting) ? tzSetting : 'UTC';

  const resetTime = (env.LITELLM_BUDGET_RESET_TIME || litellm.budget_reset_time) as string | undefined;
  if (resetTime !== undefined && !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(String(resetTime)))
    throw new ConfigError(env.LITELLM_BUDGET_RESET_TIME ? 'LITELLM_BUDGET_RESET_TIME' : 'litellm_settings.budget_reset_time', 'expected "HH:MM" or "HH:MM:SS"');

  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError('LOG_LEVEL', 'expected debug, info, warn or error');

  return {
    databaseUrl,
    readReplica,
    port: int('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LITELLM_GRAPHQL_DATA_DIR ?? '.data'),
    masterKey,
    allowNoMasterKey: bool('LITELLM_GRAPHQL_ALLOW_NO_MASTER_KEY', env.LITELLM_GRAPHQL_ALLOW_NO_MASTER_KEY, false),
    migrate,
    seedDemo: bool('LITELLM_GRAPHQL_DEMO_DATA', env.LITELLM_GRAPHQL_DEMO_DATA, true),
    disableSpendLogs: bool('general_settings.disable_spend_logs', general.disable_spend_logs, false),
    disableErrorLogs: bool('general_settings.disable_error_logs', general.disable_error_logs, false),
    storeAuditLogs: bool('litellm_settings.store_audit_logs', env.LITELLM_STORE_AUDIT_LOGS ?? litellm.store_audit_logs, false),
    // LiteLLM's get_secret: "true" in any case, spaces around ignored; anything else leaves key names on
    disableKeyName: env.DISABLE_KEY_NAME?.trim().toLowerCase() === 'true',
    keyAliasFormatValidation: bool('litellm_settings.enable_key_alias_format_validation', litellm.enable_key_alias_format_validation, false),
    keyGenerateDefaults: keyGenerateParams('litellm_settings.default_key_generate_params', litellm.default_key_generate_params, true),
    keyGenerateUpperBounds: keyGenerateParams('litellm_settings.upperbound_key_generate_params', litellm.upperbound_key_generate_params, false),
    userApiKeyCacheTtlSeconds: int('general_settings.user_api_key_cache_ttl', env.USER_API_KEY_CACHE_TTL ?? general.user_api_key_cache_ttl, 60, 0, 86400),
    workers: int(env.LITELLM_GRAPHQL_WORKERS !== undefined ? 'LITELLM_GRAPHQL_WORKERS' : 'WEB_CONCURRENCY', env.LITELLM_GRAPHQL_WORKERS ?? env.WEB_CONCURRENCY, 1, 1, 256),
    timezone,
    budgetResetTime: resetTime,
    budgetResetIntervalSeconds: int('BUDGET_RESET_INTERVAL_SECONDS', env.BUDGET_RESET_INTERVAL_SECONDS, 600, 0),
    newUserDefaults: newUserDefaults(litellm),
    spendLogsMaxWindowDays: int('SPEND_LOGS_MAX_WINDOW_DAYS', env.SPEND_LOGS_MAX_WINDOW_DAYS, 31, 1, 3660),
    introspection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, true),
    jsonReads: bool('LITELLM_GRAPHQL_JSON_READS', env.LITELLM_GRAPHQL_JSON_READS, true),
    graphiql: bool('GRAPHIQL', env.GRAPHIQL, true),
    corsOrigins: corsOrigins(env, general),
    timeouts: timeouts(env),
    limits: {
      maxDepth: int('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, DEFAULT_LIMITS.maxDepth, 1),
      maxComplexity: int('GRAPHQL_MAX_COMPLEXITY', env.GRAPHQL_MAX_COMPLEXITY, DEFAULT_LIMITS.maxComplexity, 1),
      maxAliases: int('GRAPHQL_MAX_ALIASES', env.GRAPHQL_MAX_ALIASES, DEFAULT_LIMITS.maxAliases, 1),
      maxFields: int('GRAPHQL_MAX_FIELDS', env.GRAPHQL_MAX_FIELDS, DEFAULT_LIMITS.maxFields, 1),
      maxDocumentBytes: int('GRAPHQL_MAX_DOCUMENT_BYTES', env.GRAPHQL_MAX_DOCUMENT_BYTES, DEFAULT_LIMITS.maxDocumentBytes, 100),
      statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', env.STATEMENT_TIMEOUT_MS, DEFAULT_LIMITS.statementTimeoutMs, 0),
      usageMaxWindowDays: int('USAGE_MAX_WINDOW_DAYS', env.USAGE_MAX_WINDOW_DAYS, DEFAULT_LIMITS.usageMaxWindowDays, 1, 36600),
      heavyReadsConcurrency: int('HEAVY_READS_CONCURRENCY', env.HEAVY_READS_CONCURRENCY, DEFAULT_LIMITS.heavyReadsConcurrency, 0, 1000),
      heavyReadsMaxWaitMs: int('HEAVY_READS_MAX_WAIT_MS', env.HEAVY_READS_MAX_WAIT_MS, DEFAULT_LIMITS.heavyReadsMaxWaitMs, 1),
    },
    logLevel,
    metricsMaxOperations: int('METRICS_MAX_OPERATIONS', env.METRICS_MAX_OPERATIONS, 100, 0, 10000),
    tracing: tracing(env),
  };
}

/** OpenTelemetry's own variables; the OTLP exporter reads the rest (endpoint, headers, timeout) itself. */
function tracing(env: Env): Config['tracing'] {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!endpoint || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return undefined;
  return { serviceName: env.OTEL_SERVICE_NAME?.trim() || 'litellm-graphql' };
}

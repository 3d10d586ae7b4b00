import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_LIMITS, loadConfig } from '../src/config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function yamlFile(text: string): string {
  const file = path.join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

test('defaults: embedded database, port 4000, documented limits', () => {
  const c = loadConfig([], {});
  expect(c.databaseUrl).toBeUndefined();
  expect(c.port).toBe(4000);
  expect(c.dataDir).toBe(path.resolve('.data'));
  expect(c.limits).toEqual(DEFAULT_LIMITS);
  expect(c.timezone).toBe('UTC');
  expect(c.migrate).toBe('auto');
});

test("reads LiteLLM's proxy_config.yaml, with os.environ/NAME values", () => {
  const file = yamlFile(`
model_list: []
general_settings:
  master_key: os.environ/MY_MASTER
  database_url: postgresql://u:p@db:5432/litellm
  disable_spend_logs: true
  disable_error_logs: "True"
litellm_settings:
  store_audit_logs: true
  timezone: Europe/Berlin
  enable_key_alias_format_validation: true
`);
  const c = loadConfig(['serve', '--config', file], { MY_MASTER: 'sk-from-env' });
  expect(loadConfig([], {}).keyAliasFormatValidation).toBe(false);
  expect(c).toMatchObject({
    keyAliasFormatValidation: true,
    masterKey: 'sk-from-env',
    databaseUrl: 'postgresql://u:p@db:5432/litellm',
    disableSpendLogs: true,
    disableErrorLogs: true,
    storeAuditLogs: true,
    timezone: 'Europe/Berlin',
  });
});

test('workers: LITELLM_GRAPHQL_WORKERS, else WEB_CONCURRENCY, else 1', () => {
  expect(loadConfig([], {}).workers).toBe(1);
  expect(loadConfig([], { WEB_CONCURRENCY: '3' }).workers).toBe(3);
  expect(loadConfig([], { WEB_CONCURRENCY: '3', LITELLM_GRAPHQL_WORKERS: '2' }).workers).toBe(2);
});

test('environment variables win over the file', () => {
  const file = yamlFile(`general_settings:\n  master_key: sk-file\n`);
  expect(loadConfig([`--config=${file}`], { LITELLM_MASTER_KEY: 'sk-env', DATABASE_URL: 'postgres://x/y' })).toMatchObject({ masterKey: 'sk-env', databaseUrl: 'postgres://x/y' });
});

test('the environment wins over proxy_config.yaml for the budget reset time too', () => {
  const file = yamlFile(`litellm_settings:\n  budget_reset_time: "06:00"\n`);
  expect(loadConfig(['--config', file], {}).budgetResetTime).toBe('06:00');
  expect(loadConfig(['--config', file], { LITELLM_BUDGET_RESET_TIME: '07:30' }).budgetResetTime).toBe('07:30');
});

test('an unknown timezone falls back to UTC, as LiteLLM does', () => {
  const file = yamlFile(`litellm_settings:\n  timezone: Mars/Olympus\n`);
  expect(loadConfig(['--config', file], {}).timezone).toBe('UTC');
});

test.each([
  ['a missing file', () => loadConfig(['--config', path.join(dir, 'nope.yaml')], {}), '--config'],
  ['invalid YAML', () => loadConfig(['--config', yamlFile('general_settings: [unclosed')], {}), '--config'],
  ['an unset os.environ reference', () => loadConfig(['--config', yamlFile('general_settings:\n  master_key: os.environ/NOT_SET\n')], {}), 'general_settings.master_key'],
  ['a master key without sk-', () => loadConfig([], { LITELLM_MASTER_KEY: 'hunter2' }), 'LITELLM_MASTER_KEY'],
  ['a non-postgres URL', () => loadConfig([], { DATABASE_URL: 'mysql://x' }), 'DATABASE_URL'],
  ['a bad boolean', () => loadConfig(['--config', yamlFile('general_settings:\n  disable_spend_logs: maybe\n')], {}), 'general_settings.disable_spend_logs'],
  ['a bad port', () => loadConfig([], { PORT: '99999' }), 'PORT'],
  ['a bad limit', () => loadConfig([], { GRAPHQL_MAX_DEPTH: '0' }), 'GRAPHQL_MAX_DEPTH'],
  ['general_settings not a mapping', () => loadConfig(['--config', yamlFile('general_settings: 3\n')], {}), 'general_settings'],
  ['a bad reset time', () => loadConfig(['--config', yamlFile('litellm_settings:\n  budget_reset_time: "25:00"\n')], {}), 'litellm_settings.budget_reset_time'],
  ['a bad reset time in the environment', () => loadConfig([], { LITELLM_BUDGET_RESET_TIME: '7am' }), 'LITELLM_BUDGET_RESET_TIME'],
  ['no workers', () => loadConfig([], { LITELLM_GRAPHQL_WORKERS: '0' }), 'LITELLM_GRAPHQL_WORKERS'],
  ['a bad WEB_CONCURRENCY', () => loadConfig([], { WEB_CONCURRENCY: 'many' }), 'WEB_CONCURRENCY'],
])('%s stops the start with a message naming the setting', (_name, fn, setting) => {
  const err = errorOf(fn);
  expect(err.setting).toBe(setting);
  expect(err.message).toContain(setting);
  expect(err.message).not.toContain('hunter2');
});

test("DISABLE_KEY_NAME is on for the spellings LiteLLM's get_secret reads as true, and only those", () => {
  for (const on of ['true', 'True', 'TRUE', ' true ']) expect(loadConfig([], { DISABLE_KEY_NAME: on }).disableKeyName).toBe(true);
  for (const off of [undefined, '', 'false', '1', 'yes', 'on']) expect(loadConfig([], off === undefined ? {} : { DISABLE_KEY_NAME: off }).disableKeyName).toBe(false);
});

test("LiteLLM's default_key_generate_params and upperbound_key_generate_params are read and checked", () => {
  const file = yamlFile(`
litellm_settings:
  default_key_generate_params:
    max_budget: 1.5
    models: [gpt-4o-mini]
    metadata: { tier: free }
    budget_duration: 30d
  upperbound_key_generate_params:
    max_budget: 100
    tpm_limit: 1000
    duration: 90d
`);
  expect(loadConfig(['--config', file], {})).toMatchObject({
    keyGenerateDefaults: { maxBudget: 1.5, models: ['gpt-4o-mini'], metadata: { tier: 'free' }, budgetDuration: '30d' },
    keyGenerateUpperBounds: { maxBudget: 100, tpmLimit: 1000, duration: '90d' },
  });
  expect(loadConfig([], {})).toMatchObject({ keyGenerateDefaults: null, keyGenerateUpperBounds: null });
  for (const [body, setting] of [
    ['upperbound_key_generate_params: { max_budget: -1 }', 'upperbound_key_generate_params.max_budget'],
    ['upperbound_key_generate_params: { duration: soon }', 'upperbound_key_generate_params.duration'],
    ['upperbound_key_generate_params: { models: [a] }', 'upperbound_key_generate_params.models'],
    ['default_key_generate_params: { team_id: t1 }', 'default_key_generate_params.team_id'],
    ['default_key_generate_params: [1, 2]', 'default_key_generate_params'],
  ]) {
    const bad = yamlFile(`litellm_settings:\n  ${body}\n`);
    expect(() => loadConfig(['--config', bad], {})).toThrow(`litellm_settings.${setting}`);
  }
});

test('tracing is on only with an OTLP endpoint, and off again with OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none', () => {
  expect(loadConfig([], {}).tracing).toBeUndefined();
  expect(loadConfig([], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toEqual({ serviceName: 'litellm-graphql' });
  expect(loadConfig([], { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces', OTEL_SERVICE_NAME: 'admin-gateway' }).tracing).toEqual({ serviceName: 'admin-gateway' });
  expect(loadConfig([], { OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).tracing).toBeUndefined();
  expect(loadConfig([], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeUndefined();
  expect(loadConfig([], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeUndefined();
});

test('METRICS_MAX_OPERATIONS bounds the operation names /metrics shows', () => {
  expect(loadConfig([], {}).metricsMaxOperations).toBe(100);
  expect(loadConfig([], { METRICS_MAX_OPERATIONS: '20' }).metricsMaxOperations).toBe(20);
  expect(errorOf(() => loadConfig([], { METRICS_MAX_OPERATIONS: '-1' })).setting).toBe('METRICS_MAX_OPERATIONS');
});

test('read replica: DATABASE_URL_READ_REPLICA or general_settings.database_url_read_replica, with its bounds', () => {
  expect(loadConfig([], { DATABASE_URL: 'postgres://p/db' }).readReplica).toBeNull();
  const file = yamlFile(`general_settings:\n  database_url: postgres://p/db\n  database_url_read_replica: os.environ/READER\n`);
  expect(loadConfig(['--config', file], { READER: 'postgres://r/db' }).readReplica).toEqual({ url: 'postgres://r/db', maxLagMs: 5000, checkIntervalMs: 1000, readYourWritesMs: 30000 });
  expect(
    loadConfig(['--config', file], {
      READER: 'postgres://r/db',
      DATABASE_URL_READ_REPLICA: 'postgresql://r2/db',
      DATABASE_READ_REPLICA_MAX_LAG_MS: '250',
      DATABASE_READ_REPLICA_CHECK_INTERVAL_MS: '200',
      DATABASE_READ_YOUR_WRITES_WINDOW_MS: '0',
    }).readReplica,
  ).toEqual({ url: 'postgresql://r2/db', maxLagMs: 250, checkIntervalMs: 200, readYourWritesMs: 0 });
  expect(errorOf(() => loadConfig([], { DATABASE_URL: 'postgres://p/db', DATABASE_URL_READ_REPLICA: 'mysql://r/db' })).message).toMatch(/DATABASE_URL_READ_REPLICA.*postgres:\/\//);
  expect(errorOf(() => loadConfig([], { DATABASE_URL_READ_REPLICA: 'postgres://r/db' })).message).toMatch(/DATABASE_URL_READ_REPLICA.*needs DATABASE_URL/);
  expect(errorOf(() => loadConfig([], { DATABASE_URL: 'postgres://p/db', DATABASE_URL_READ_REPLICA: 'postgres://r/db', DATABASE_READ_REPLICA_MAX_LAG_MS: '-1' })).message).toMatch(/DATABASE_READ_REPLICA_MAX_LAG_MS/);
});

// One PostgreSQL for the whole run: the server at DATABASE_URL when set, otherwise an embedded one.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { startEmbeddedPostgres } = require('../src/db/embedded-pg.js');

module.exports = async function globalSetup() {
  // Workers run in a time zone with DST and a UTC offset, so naive-UTC timestamp handling is always exercised.
  process.env.TZ = process.env.TEST_TZ || 'America/New_York';
  // rows throw when a column they did not fetch is read (src/db/rows.ts)
  process.env.LITELLM_GRAPHQL_STRICT_READS = 'true';
  if (process.env.DATABASE_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-test-'));
  fs.chmodSync(dataDir, 0o755);
  const started = Date.now();
  const handle = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'postgres', fast: true });
  process.stderr.write(`\nembedded PostgreSQL for tests on port ${handle.port} (${Date.now() - started} ms)\n`);
  process.env.DATABASE_URL = handle.url;
  globalThis.__EMBEDDED_PG__ = { handle, dataDir };
};

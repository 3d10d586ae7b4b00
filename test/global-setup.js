// One PostgreSQL for the whole run: the server at DATABASE_URL when set, otherwise an embedded one.
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const { startEmbeddedPostgres } = require('../src/db/embedded-pg.js');

module.exports = async function globalSetup() {
  // Workers run in a time zone with DST and a UTC offset, so naive-UTC timestamp handling is always exercised.
  process.env.TZ = process.env.TEST_TZ || 'America/New_York';
  // rows throw when a column they did not fetch is read (src/db/rows.ts)
  process.env.LITELLM_GRAPHQL_STRICT_READS = 'true';
  // the built command line, once for the tests that run it as a user does (dist/src/main.js)
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
  if (process.env.DATABASE_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'litellm-graphql-test-'));
  fs.chmodSync(dataDir, 0o755);
  const started = Date.now();
  const handle = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'postgres', fast: true });
  process.stderr.write(`\nembedded PostgreSQL for tests on port ${handle.port} (${Date.now() - started} ms)\n`);
  process.env.DATABASE_URL = handle.url;
  globalThis.__EMBEDDED_PG__ = { handle, dataDir };
};

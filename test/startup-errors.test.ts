import net from 'node:net';
import pg from 'pg';
import { freshDatabase, serverUrl, TestDatabase } from './helpers/db';
import { MASTER_KEY } from './helpers/gateway';
import { runMain } from './helpers/processes';
import { seedDatabase, SIZES } from '../src/seed/generate';

// The built command line (test/global-setup.js builds it), run as a user runs it: a start that cannot work
// prints one or two lines saying what is wrong and what to do, never a stack trace, and exits non-zero.
const run = runMain;

function expectOneClearLine(r: { code: number | null; stderr: string }, message: RegExp) {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const withDatabase = (url: string) => ({ DATABASE_URL: url, LITELLM_MASTER_KEY: MASTER_KEY });

test('an unknown option, or an option without its value, stops with one line naming it', async () => {
  expectOneClearLine(await run(['serve', '--confg', 'x.yaml'], {}), /Unknown option '--confg'.*litellm-graphql help lists the options/);
  expectOneClearLine(await run(['seed', '--size'], {}), /--size.*argument missing|Option '--size <value>' argument missing/);
});

describe('a database that cannot be reached', () => {
  test('an unknown host', async () => {
    expectOneClearLine(await run(['schema-check'], withDatabase('postgres://postgres@no-such-host.invalid:5432/litellm')), /cannot find the database host no-such-host\.invalid \(DATABASE_URL\): check the host name/);
  });

  test('a port nothing listens on', async () => {
    const port = await freePort();
    expectOneClearLine(await run(['schema-check'], withDatabase(`postgres://postgres@127.0.0.1:${port}/litellm`)), new RegExp(`nothing accepts connections on 127\\.0\\.0\\.1:${port} \\(DATABASE_URL\\)`));
  });

  test('a database that does not exist', async () => {
    const r = await run(['serve'], withDatabase(serverUrl('nc_no_such_database')));
    expectOneClearLine(r, /database nc_no_such_database does not exist on .*: create it .*, or point DATABASE_URL at an existing LiteLLM database/);
  });

  test('a user that does not exist, or a wrong password', async () => {
    const url = new URL(serverUrl('postgres'));
    url.username = 'no_such_role_here';
    expectOneClearLine(await run(['schema-check'], withDatabase(url.toString())), /does not let user no_such_role_here in|refused the password of user no_such_role_here/);
    // a server that trusts local connections (as a developer's may) never checks a password; the embedded one does
    const wrong = new URL(serverUrl('postgres'));
    wrong.password = 'certainly-wrong';
    const client = new pg.Client({ connectionString: wrong.toString() });
    const checksPasswords = await client.connect().then(() => false, () => true);
    await client.end().catch(() => undefined);
    if (checksPasswords) expectOneClearLine(await run(['schema-check'], withDatabase(wrong.toString())), /refused the password of user .*: fix the password in DATABASE_URL/);
  });
});

describe('a database that can be reached', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase({ migrate: false });
  }, 60000);
  afterAll(() => db.drop());

  test('a server on its own empty database without a master key refuses to start, unless told to', async () => {
    expectOneClearLine(await run(['serve'], { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1' }), /LITELLM_MASTER_KEY is not set and the database holds no virtual key: no one could log in/);
    const allowed = await run(['serve'], { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LITELLM_GRAPHQL_ALLOW_NO_MASTER_KEY: 'true' }, /"msg":"serving"/);
    expect(allowed.stdout).toMatch(/"msg":"serving"/);
  }, 60000);

  test('a port in use', async () => {
    const taken = net.createServer();
    const port: number = await new Promise((r) => taken.listen(0, '127.0.0.1', () => r((taken.address() as net.AddressInfo).port)));
    try {
      expectOneClearLine(await run(['serve'], { ...withDatabase(db.url), PORT: String(port), HOST: '127.0.0.1' }), new RegExp(`port ${port} is already in use on 127\\.0\\.0\\.1: stop what uses it, or set PORT`));
    } finally {
      await new Promise((r) => taken.close(r));
    }
  }, 60000);

  test('seed refuses a database that holds LiteLLM data, and writes nothing', async () => {
    await seedDatabase(db.ds, { ...SIZES.tiny, quiet: true });
    const count = async () => (await db.ds.query(`SELECT (SELECT count(*) FROM "LiteLLM_UserTable")::int AS u, (SELECT count(*) FROM "LiteLLM_VerificationToken")::int AS k`))[0];
    const before = await count();
    expectOneClearLine(await run(['seed'], withDatabase(db.url)), /seed fills an empty database, and this one holds LiteLLM data \(\d+ users, \d+ teams, \d+ keys\): nothing written/);
    expect(await count()).toEqual(before);
  }, 60000);
});

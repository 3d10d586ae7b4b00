import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { freshDatabase, TestDatabase } from './helpers/db';
import { until } from './helpers/processes';

// Two gateway processes (the built command line) on one database, as two replicas behind a load balancer.
// Their principal caches keep a resolved key for 10 minutes: only the NOTIFY of a change can make the other
// gateway refuse a key within the bound these tests wait for.
const MAIN = path.resolve(__dirname, '../dist/src/main.js');
const MASTER = 'sk-two-gateways-master';
const BOUND_MS = 10000;

interface Replica {
  url: string;
  proc: ChildProcess;
  out: () => string;
}

let db: TestDatabase;
let a: Replica;
let b: Replica;

async function startReplica(): Promise<Replica> {
  const proc = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: db.url,
      LITELLM_MASTER_KEY: MASTER,
      USER_API_KEY_CACHE_TTL: '600',
      PORT: '0',
      HOST: '127.0.0.1',
      BUDGET_RESET_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  await until('the gateway serves', () => /"msg":"serving"/.test(out) || proc.exitCode !== null, 60000);
  if (proc.exitCode !== null) throw new Error(`the gateway exited: ${out}`);
  const url = JSON.parse(out.split('\n').find((l) => l.includes('"msg":"serving"'))!).url.replace('localhost', '127.0.0.1');
  return { url, proc, out: () => out };
}

async function stopReplica(r: Replica | undefined): Promise<void> {
  if (!r || r.proc.exitCode !== null) return;
  const exited = new Promise((resolve) => r.proc.once('exit', resolve));
  r.proc.kill('SIGTERM');
  await exited;
}

async function gql(r: Replica, query: string, variables: Record<string, unknown> = {}, key = MASTER): Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(r.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as any;
}

const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);
const viewer = (r: Replica, key: string) => gql(r, `{ viewer { role } }`, {}, key);
const GENERATE = `mutation($input: GenerateKeyInput!) { generateKey(input: $input) { key info { token keyAlias } } }`;

async function newKey(via: Replica, input: Record<string, unknown> = {}): Promise<{ key: string; token: string }> {
  const r = await gql(via, GENERATE, { input: { userId: `user-${randomUUID().slice(0, 8)}`, ...input } });
  expect(r.errors).toBeUndefined();
  return { key: r.data.generateKey.key, token: r.data.generateKey.info.token };
}

/** The key works on `on`, so `on` has it cached for the TTL. */
async function cachedOn(on: Replica, key: string): Promise<void> {
  for (let i = 0; i < 2; i++) expect((await viewer(on, key)).errors).toBeUndefined();
}

async function refusedWithinBound(on: Replica, key: string, what: string): Promise<void> {
  await until(what, async () => codes(await viewer(on, key)).includes('UNAUTHENTICATED'), BOUND_MS);
}

const listeners = async () =>
  (await db.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'litellm-graphql-listener' AND query ILIKE 'LISTEN%'`, [db.name]))[0].n as number;

beforeAll(async () => {
  db = await freshDatabase();
  [a, b] = await Promise.all([startReplica(), startReplica()]);
  await until('both gateways listen for key changes', async () => (await listeners()) === 2);
}, 120000);

afterAll(async () => {
  await Promise.all([stopReplica(a), stopReplica(b)]);
  await db?.drop();
});

test('a key blocked through A is refused by B within the bound, and unblocked through B works again on A', async () => {
  const k = await newKey(a);
  await cachedOn(b, k.key);
  await cachedOn(a, k.key);
  expect((await gql(a, `mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token })).errors).toBeUndefined();
  await refusedWithinBound(b, k.key, 'B refuses the key blocked through A');
  expect((await gql(b, `mutation($t: String!) { unblockKey(token: $t) { blocked } }`, { t: k.token })).errors).toBeUndefined();
  expect((await viewer(a, k.key)).errors).toBeUndefined();
}, 60000);

test('a key deleted or regenerated through B stops working on A; a team blocked through A refuses its keys on B', async () => {
  const deleted = await newKey(a);
  const regenerated = await newKey(a);
  await cachedOn(a, deleted.key);
  await cachedOn(a, regenerated.key);
  expect((await gql(b, `mutation($t: [String!]) { deleteKeys(tokens: $t) }`, { t: [deleted.token] })).errors).toBeUndefined();
  await refusedWithinBound(a, deleted.key, 'A refuses the key deleted through B');
  const r = await gql(b, `mutation($t: String!) { regenerateKey(token: $t) { key } }`, { t: regenerated.token });
  expect(r.errors).toBeUndefined();
  await refusedWithinBound(a, regenerated.key, 'A refuses the key regenerated through B');
  expect((await viewer(a, r.data.regenerateKey.key)).errors).toBeUndefined();

  const team = await gql(a, `mutation { createTeam(input: { teamAlias: "blocked-across" }) { id } }`);
  expect(team.errors).toBeUndefined();
  const teamKey = await newKey(a, { teamId: team.data.createTeam.id, userId: undefined });
  await cachedOn(b, teamKey.key);
  expect((await gql(a, `mutation($id: ID!) { updateTeam(id: $id, input: { blocked: true }) { id } }`, { id: team.data.createTeam.id })).errors).toBeUndefined();
  await refusedWithinBound(b, teamKey.key, "B refuses a key of the team blocked through A");
}, 60000);

test('a listener whose connection drops reconnects, clears its cache, and hears the next change', async () => {
  const k = await newKey(a);
  await cachedOn(b, k.key);
  await db.ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'litellm-graphql-listener'`, [db.name]);
  await until('both gateways listen again', async () => (await listeners()) === 2, 30000);
  expect(b.out()).toMatch(/notifications lost until the connection is back/);
  await cachedOn(b, k.key);
  expect((await gql(a, `mutation($t: String!) { blockKey(token: $t) { blocked } }`, { t: k.token })).errors).toBeUndefined();
  await refusedWithinBound(b, k.key, 'B, reconnected, refuses the key blocked through A');
}, 60000);

test('2 × 25 concurrent member adds and alias claims split across A and B: nothing lost, nothing doubled', async () => {
  const team = await gql(a, `mutation { createTeam(input: { teamAlias: "crowded" }) { id } }`);
  expect(team.errors).toBeUndefined();
  const teamId = team.data.createTeam.id as string;
  const memberIds = async () =>
    ((await db.ds.query(`SELECT members_with_roles AS m FROM "LiteLLM_TeamTable" WHERE team_id = $1`, [teamId]))[0].m as { user_id: string }[]).map((m) => m.user_id);
  const before = await memberIds();
  const users = Array.from({ length: 50 }, (_, i) => `member-${i}-${randomUUID().slice(0, 6)}`);
  const adds = await Promise.all(
    users.map((userId, i) => gql(i % 2 ? b : a, `mutation($teamId: ID!, $m: [TeamMemberInput!]!) { addTeamMembers(teamId: $teamId, members: $m) { id } }`, { teamId, m: [{ userId }] })),
  );
  expect(adds.flatMap((r) => r.errors ?? [])).toEqual([]);
  expect((await memberIds()).sort()).toEqual([...before, ...users].sort());
  const [{ n }] = await db.ds.query(`SELECT count(*)::int AS n FROM "LiteLLM_UserTable" u CROSS JOIN LATERAL unnest(u.teams) AS t(id) WHERE t.id = $1`, [teamId]);
  expect(n).toBe(before.length + 50);

  // each of 25 aliases claimed at once through A and through B: one claim wins, the other is a CONFLICT
  const aliases = Array.from({ length: 25 }, (_, i) => `claimed-${i}-${randomUUID().slice(0, 6)}`);
  const claims = await Promise.all(aliases.flatMap((keyAlias) => [a, b].map((r) => gql(r, GENERATE, { input: { keyAlias } }))));
  expect(claims.filter((r) => !r.errors).length).toBe(25);
  expect(claims.filter((r) => r.errors).map((r) => codes(r))).toEqual(Array(25).fill(['CONFLICT']));
  const rows: { key_alias: string; n: number }[] = await db.ds.query(
    `SELECT key_alias, count(*)::int AS n FROM "LiteLLM_VerificationToken" WHERE key_alias = ANY($1) GROUP BY key_alias ORDER BY key_alias`,
    [aliases],
  );
  expect(rows).toEqual([...aliases].sort().map((key_alias) => ({ key_alias, n: 1 })));
}, 120000);

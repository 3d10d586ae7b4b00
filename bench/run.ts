import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { argValue } from '../src/config';
import { installPgTypeParsers } from '../src/db/pg-types';
import { benchDatabase, benchServer, Scale } from './data';
import { measureQuery, measureStarvation, QueryResult, StarvationResult, starvationTable, table } from './measure';
import { freePort, peakMB, settled, waitFor } from './procs';
import { prepareContext, QUERIES } from './queries';

const MASTER = 'sk-bench-master-key';

async function main() {
  const scale = (argValue(process.argv, '--scale') ?? 'small') as Scale;
  const seconds = Number(argValue(process.argv, '--duration') ?? 10);
  const connections = Number(argValue(process.argv, '--connections') ?? 8);
  const only = argValue(process.argv, '--queries')?.split(',');
  const heavyClients = Number(argValue(process.argv, '--heavy') ?? 10);
  const server = await benchServer();
  const url = server.url(benchDatabase(scale));
  installPgTypeParsers();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const ctx = await prepareContext(pool);
  const [{ keys }] = (await pool.query(`SELECT count(*)::int AS keys FROM "LiteLLM_VerificationToken"`)).rows;
  const [{ logs }] = (await pool.query(`SELECT count(*)::int AS logs FROM "LiteLLM_SpendLogs"`)).rows;

  const [gatewayPort, floorPort] = [await freePort(), await freePort()];
  const env = { ...process.env, DATABASE_URL: url, LITELLM_MASTER_KEY: MASTER, BUDGET_RESET_INTERVAL_SECONDS: '0', STATEMENT_TIMEOUT_MS: '120000', LOG_LEVEL: 'warn', LITELLM_GRAPHQL_MIGRATE: 'never' };
  const gateway = spawn(process.execPath, [path.join(__dirname, '../src/main.js'), 'serve'], { env: { ...env, PORT: String(gatewayPort) }, stdio: 'inherit' });
  let unbounded: ChildProcess | undefined;
  const floor = spawn(process.execPath, [path.join(__dirname, 'floor.js')], { env: { ...env, PORT: String(floorPort), BENCH_CONTEXT: JSON.stringify(ctx) }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitFor(`http://127.0.0.1:${gatewayPort}/health/readiness`, gateway);
    await waitFor(`http://127.0.0.1:${floorPort}/Q1`, floor);
    const settle = () => settled([pool]);
    const target = { gatewayUrl: `http://127.0.0.1:${gatewayPort}`, floorUrl: `http://127.0.0.1:${floorPort}`, key: MASTER, settle, gatewayPid: gateway.pid, floorPid: floor.pid };
    const results: QueryResult[] = [];
    for (const q of QUERIES.filter((x) => !only || only.includes(x.id))) {
      process.stderr.write(`${q.id} ${q.title} …\n`);
      results.push(await measureQuery(q, ctx, target, connections, seconds));
    }
    const memory = { gatewayPeakMB: peakMB(gateway.pid!), floorPeakMB: peakMB(floor.pid!) };
    // S1: keys(first: 1) while heavy reports run, on the default semaphore and on one as wide as the pool (no bound)
    const starvation: StarvationResult[] = [];
    if (!only || only.includes('S1')) {
      process.stderr.write(`S1 keys(first: 1) while ${heavyClients} heavy spend reports run …\n`);
      starvation.push(await measureStarvation('default (HEAVY_READS_CONCURRENCY=0: half of the 10-connection pool)', target, ctx, heavyClients, connections, seconds));
      const port = await freePort();
      unbounded = spawn(process.execPath, [path.join(__dirname, '../src/main.js'), 'serve'], { env: { ...env, PORT: String(port), HEAVY_READS_CONCURRENCY: '10' }, stdio: 'inherit' });
      await waitFor(`http://127.0.0.1:${port}/health/readiness`, unbounded);
      starvation.push(await measureStarvation('HEAVY_READS_CONCURRENCY=10: heavy reads may take every connection', { ...target, gatewayUrl: `http://127.0.0.1:${port}` }, ctx, heavyClients, connections, seconds));
    }
    const machine = `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const out = { scale, keys, spendLogs: logs, seconds, connections, machine, memory, context: ctx, results, starvation, at: new Date().toISOString() };
    fs.mkdirSync(path.resolve('bench/results'), { recursive: true });
    fs.writeFileSync(path.resolve(`bench/results/run-${scale}.json`), `${JSON.stringify(out, null, 2)}\n`);
    const s1 = starvation.length ? `\n\nS1: keys(first: 1) at ${connections} connections × ${seconds} s, alone and while ${heavyClients} clients each keep a year-long spendReport (KEY × MODEL, 1000 rows) in flight:\n\n${starvationTable(starvation)}` : '';
    const md = `${table(results)}${s1}\n\nGateway peak RSS ${memory.gatewayPeakMB} MB, floor ${memory.floorPeakMB} MB. ${keys} keys, ${logs} spend logs; ${connections} connections × ${seconds} s per query and target; ${machine}.\n`;
    fs.writeFileSync(path.resolve(`bench/results/run-${scale}.md`), md);
    process.stdout.write(`\n${md}`);
  } finally {
    await pool.end();
    gateway.kill('SIGTERM');
    unbounded?.kill('SIGTERM');
    floor.kill('SIGTERM');
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

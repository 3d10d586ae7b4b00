import 'reflect-metadata';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDataSource } from '../src/db/data-source';
import { seedDatabase, SIZES } from '../src/seed/generate';
import { Cluster, clusterBase, findBinaries, makePrimary, makeStandby } from './helpers/standby';

// A tiny run of `npm run bench:replica` on a real streaming standby, so it cannot rot: it must run, and show
// the dashboard's statements on the replica; no timing is asserted.
const binaries = findBinaries(process.env.DATABASE_URL!);
if (typeof binaries === 'string') console.warn(`bench:replica smoke: SKIPPED in this environment, no standby can be made: ${binaries}`);
const maybe = typeof binaries === 'string' ? describe.skip : describe;

maybe('bench:replica, tiny', () => {
  let base: string;
  let out: string;
  let primary: Cluster;
  let standby: Cluster;

  beforeAll(async () => {
    const bins = binaries as Exclude<typeof binaries, string>;
    base = clusterBase(bins);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-replica-'));
    primary = await makePrimary(bins, base);
    await primary.query('CREATE DATABASE litellm_bench_tiny');
    const ds = createDataSource({ url: primary.url('litellm_bench_tiny'), poolSize: 4 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'all' });
      await seedDatabase(ds, { ...SIZES.tiny, quiet: true });
    } finally {
      await ds.destroy();
    }
    standby = await makeStandby(primary, base);
  }, 180000);

  afterAll(async () => {
    await standby?.stop();
    await primary?.stop();
    for (const dir of [base, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60000);

  test('runs both parts and reports the dashboard read on the replica only', async () => {
    const script = path.resolve(__dirname, '../dist/bench/replica.js');
    const args = ['--scale', 'tiny', '--duration', '0.3', '--connections', '2', '--heavy', '1', '--writers', '1', '--rounds', '2', '--out', out];
    const env = { PATH: process.env.PATH ?? '', DATABASE_URL: primary.url(), DATABASE_URL_READ_REPLICA: standby.url() };
    await promisify(execFile)(process.execPath, [script, ...args], { env, timeout: 150000 });
    const run = JSON.parse(fs.readFileSync(path.join(out, 'replica-tiny.json'), 'utf8'));
    expect(run.dashboard.map((d: { target: string }) => d.target)).toEqual([
      'gateway, primary only',
      'gateway with DATABASE_URL_READ_REPLICA',
      'floor (hand-written SQL) on the primary',
      'floor (hand-written SQL) on the replica',
    ]);
    for (const d of run.dashboard) expect(d.figures.errors).toBe(0);
    const [onPrimary, withReplica] = run.dashboard;
    expect(onPrimary.statements.primary).toBeGreaterThan(0);
    expect(onPrimary.statements.replica).toBe(0);
    // the dashboard's statements ran on the replica; the primary saw at most the once-a-second lag check
    expect(withReplica.statements.replica).toBeGreaterThan(withReplica.statements.primary);
    expect(run.mutations).toHaveLength(4);
    for (const m of run.mutations) {
      expect(m.alone.errors).toBe(0);
      expect(m.underReports.errors).toBe(0);
      expect(m.statements.primary).toBeGreaterThan(0);
    }
    expect(run.mutations.filter((m: { label: string; statements: { replica: number } }) => m.label.startsWith('reports on the replica') && m.statements.replica > 0)).toHaveLength(2);
    expect(fs.readFileSync(path.join(out, 'replica-tiny.md'), 'utf8')).toContain('| gateway with DATABASE_URL_READ_REPLICA |');
  }, 180000);
});

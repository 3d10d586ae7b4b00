/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestGateway, MASTER_KEY, TestGateway } from './helpers/gateway';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`GraphiQL test: ${CHROMIUM} is missing under CI (.ci/run installs Debian's chromium)`);
if (!available) console.warn(`GraphiQL browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; it always runs under CI=true)`);

const maybe = available ? test : test.skip;
let t: TestGateway;

beforeAll(async () => {
  if (available) t = await startTestGateway();
}, 60000);
afterAll(async () => {
  if (available) await t.close();
});

maybe('GraphiQL loads from our own files with the network closed and runs a query', async () => {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'graphiql-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    extraHTTPHeaders: { Authorization: `Bearer ${MASTER_KEY}` },
  });
  const offMachine: string[] = [];
  try {
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      offMachine.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const html = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|localhost)/);
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('proxy_admin'), undefined, { timeout: 30000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('"isMasterKey": true');
    expect(result).toContain('org-0');
    expect(offMachine).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}, 90000);

test('a browser asking for HTML gets the GraphiQL page; a JSON client does not', async () => {
  const gw = t ?? (await startTestGateway({ seed: false }));
  try {
    const page = await fetch(`${gw.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql-assets/graphiql.min.js');
    const asset = await fetch(`${gw.url}/graphiql-assets/graphiql.min.js`);
    expect(asset.status).toBe(200);
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100000);
  } finally {
    if (!t) await gw.close();
  }
});

/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGateway } from '../src/server/app';
import { createLogger } from '../src/server/log';
import { browserTest, CHROMIUM, chromiumAvailable } from './helpers/chromium';
import { startTestGateway, MASTER_KEY, TestGateway } from './helpers/gateway';

const maybe = browserTest('GraphiQL browser test');
const available = chromiumAvailable;
let t: TestGateway;

beforeAll(async () => {
  if (available) t = await startTestGateway();
}, 60000);
afterAll(async () => {
  if (available) await t.close();
});

maybe('GraphiQL on the first click: paste the key, read the docs, run the dashboard tab; all from our own files', async () => {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'graphiql-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
    // GET / leads to GraphiQL
    await page.goto(`${t.url}/`);
    expect(page.url()).toBe(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30000 });
    expect(await page.textContent('#hint')).toContain('Paste a LiteLLM key');

    // paste the key, keep it in this browser
    await page.fill('#key', MASTER_KEY);
    await page.check('#remember');
    await page.click('#use');
    await page.waitForFunction(() => document.getElementById('hint')?.textContent?.startsWith('Using'));

    // the docs pane lists Query, and Query's fields carry their descriptions
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('a.graphiql-doc-explorer-type-name:text-is("Query")', { timeout: 30000 });
    await page.click('a.graphiql-doc-explorer-type-name:text-is("Query")');
    await page.waitForFunction(() => document.querySelector('.graphiql-doc-explorer-content')?.textContent?.includes('spendReport'), undefined, { timeout: 30000 });
    expect(await page.textContent('.graphiql-doc-explorer-content')).toContain('Spend grouped by dimensions');

    // the first tab is the dashboard view: run it
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('"organizations"'), undefined, { timeout: 30000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('"isMasterKey": true');
    expect(result).toContain('org-0');
    expect(result).not.toContain('"errors"');
    fs.mkdirSync(path.join(__dirname, 'artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, 'artifacts/graphiql.png') });

    // the key survives a reload when the user said so
    await page.reload();
    await page.waitForFunction(() => document.getElementById('hint')?.textContent?.startsWith('Using'));
    expect(await page.inputValue('#key')).toBe(MASTER_KEY);
    // …and is gone once forgotten
    await page.click('#forget');
    await page.reload();
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30000 });
    expect(await page.inputValue('#key')).toBe('');
    expect(offMachine).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}, 90000);

test('the embedded demo shows and prefills its master key; a gateway on a database of its own never does', async () => {
  const gw = t ?? (await startTestGateway({ seed: false }));
  const demo = await createGateway({ ds: gw.db.ds, config: gw.config, log: createLogger('error', () => undefined), demoKey: 'sk-1234' });
  const server = createServer(demo.handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const demoPage = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(demoPage).toContain('const DEMO_KEY = "sk-1234"');
    const ownPage = await fetch(`${gw.url}/graphql`, { headers: { accept: 'text/html' } }).then((r) => r.text());
    expect(ownPage).toContain('const DEMO_KEY = null');
  } finally {
    await new Promise((r) => server.close(r));
    await demo.stop();
    if (!t) await gw.close();
  }
});

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

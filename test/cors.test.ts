/// <reference lib="dom" />
import fs from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { browserTest, CHROMIUM } from './helpers/chromium';
import { MASTER_KEY, startTestGateway, TestGateway } from './helpers/gateway';

const inBrowser = browserTest('CORS browser test');

// A page on one origin calls gateways on others: one open to every origin (LiteLLM's default), one that
// lists the page's origin, one that lists only another.
let page: Server;
let pageOrigin: string;
let open: TestGateway;
let listed: TestGateway;
let other: TestGateway;

beforeAll(async () => {
  page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title>'));
  await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  [open, listed, other] = await Promise.all([
    startTestGateway({ seed: false }),
    startTestGateway({ seed: false, config: { corsOrigins: [pageOrigin] } }),
    startTestGateway({ seed: false, config: { corsOrigins: ['https://admin.example.com'] } }),
  ]);
}, 60000);
afterAll(async () => {
  await Promise.all([open, listed, other].map((g) => g.close()));
  await new Promise((r) => page.close(r));
});

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });

describe('CORS headers', () => {
  test('by default every origin may call, without credentials, and may read the request id and statement count', async () => {
    const pre = await preflight(open.url, 'https://anything.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-litellm-api-key');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://anything.example', 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id, x-sql-statements');
  });

  test('with origins listed, a listed origin is echoed (Vary: Origin) and any other gets no CORS header', async () => {
    const yes = await preflight(listed.url, pageOrigin);
    expect(yes.headers.get('access-control-allow-origin')).toBe(pageOrigin);
    expect(yes.headers.get('vary')).toBe('Origin');
    const no = await preflight(listed.url, 'https://evil.example');
    expect(no.status).toBe(204);
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    expect(no.headers.get('access-control-allow-methods')).toBeNull();
    // a request without Origin (curl, a server) is not a browser's: answered as always
    const plain = await fetch(`${listed.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER_KEY}` }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
    expect(((await plain.json()) as any).data.viewer.role).toBe('proxy_admin');
  });

  test('LITELLM_CORS_ORIGINS and general_settings.cors_origins set the list; anything but an origin stops the start', () => {
    expect(loadConfig([], {}).corsOrigins).toEqual(['*']);
    expect(loadConfig([], { LITELLM_CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-config-'));
    const file = path.join(dir, 'proxy_config.yaml');
    fs.writeFileSync(file, 'general_settings:\n  cors_origins: ["https://b.example"]\n');
    expect(loadConfig(['--config', file], {}).corsOrigins).toEqual(['https://b.example']);
    expect(loadConfig(['--config', file], { LITELLM_CORS_ORIGINS: 'https://a.example' }).corsOrigins).toEqual(['https://a.example']);
    for (const bad of ['https://a.example/', 'a.example', 'https://a.example/path', 'ftp://a.example'])
      expect(() => loadConfig([], { LITELLM_CORS_ORIGINS: bad })).toThrow(/LITELLM_CORS_ORIGINS.*is not an origin/);
  });
});

describe('GET', () => {
  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${open.url}/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'application/json', authorization: `Bearer ${MASTER_KEY}`, ...headers } });

  test('a query runs by GET with apollo-require-preflight; without it Apollo refuses it as a possible CSRF', async () => {
    const ok = await get({ query: 'query($n: Int) { keys(first: $n) { nodes { token } } }', variables: '{"n":1}' }, { 'apollo-require-preflight': 'true' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).data.keys.nodes).toEqual([]);
    const csrf = await get({ query: '{ viewer { role } }' });
    expect(csrf.status).toBe(400);
  });

  test('a mutation is never run by GET', async () => {
    const r = await get({ query: 'mutation { blockKey(token: "x") { blocked } }' }, { 'apollo-require-preflight': 'true' });
    expect(r.status).toBe(405);
  });
});

inBrowser('a page on another origin calls the gateway from Chromium: allowed where listed or open, blocked elsewhere', async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(pageOrigin);
    const call = (url: string) =>
      tab.evaluate(
        async ([u, key]) => {
          try {
            const res = await fetch(`${u}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query: '{ viewer { role } }' }) });
            return { status: res.status, body: await res.json(), requestId: res.headers.get('x-request-id') };
          } catch (err) {
            return { error: String(err) };
          }
        },
        [url, MASTER_KEY],
      );
    for (const g of [open, listed]) {
      const r: any = await call(g.url);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ data: { viewer: { role: 'proxy_admin' } } });
      expect(r.requestId).toBeTruthy();
    }
    expect(await call(other.url)).toEqual({ error: expect.stringMatching(/Failed to fetch/) });
  } finally {
    await browser.close();
  }
}, 60000);

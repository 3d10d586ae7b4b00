import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import YAML from 'yaml';
import { freshDatabase, TestDatabase } from './helpers/db';
import { until } from './helpers/processes';

// deploy/kubernetes.yaml and deploy/Dockerfile without a container runtime (none on this machine): the
// container's command run with the manifest's environment (secrets filled in), its probes asked on its port,
// and its stop within the grace period.
const ROOT = path.resolve(__dirname, '..');
const manifest = YAML.parseAllDocuments(fs.readFileSync(path.join(ROOT, 'deploy/kubernetes.yaml'), 'utf8')).map((d) => d.toJS());
const deployment = manifest.find((d) => d.kind === 'Deployment');
const service = manifest.find((d) => d.kind === 'Service');
const container = deployment.spec.template.spec.containers[0];
const dockerfile = fs.readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');
const MASTER = 'sk-deploy-test-master-key';

let db: TestDatabase;
let proc: ChildProcess | undefined;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  if (proc?.exitCode === null) proc.kill('SIGKILL');
  await db.drop();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

test('the manifest and the image agree: port, command, selector, secrets', () => {
  const port = container.ports.find((p: { name: string }) => p.name === 'http').containerPort;
  expect(dockerfile).toMatch(new RegExp(`ENV [^\\n]*PORT=${port}\\b`));
  expect(dockerfile).toMatch(new RegExp(`EXPOSE ${port}\\b`));
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]);
  expect(cmd).toEqual(['node', 'dist/src/main.js', 'serve']);
  expect(fs.existsSync(path.join(ROOT, cmd[1]))).toBe(true);
  expect(dockerfile).toMatch(/RUN npm ci\n/);
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
  expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
  expect(service.spec.ports[0].targetPort).toBe('http');
  for (const probe of [container.readinessProbe, container.livenessProbe]) expect(probe.httpGet.port).toBe('http');
  // the master key and both database URLs come from the secret, never from the manifest's text
  const fromSecret = Object.fromEntries(container.env.filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => [e.name, e.valueFrom.secretKeyRef]));
  expect(Object.keys(fromSecret).sort()).toEqual(['DATABASE_URL', 'DATABASE_URL_READ_REPLICA', 'LITELLM_MASTER_KEY']);
  expect(fromSecret.DATABASE_URL_READ_REPLICA.optional).toBe(true);
  // every variable it sets is one the README documents
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const e of container.env) expect(readme).toContain(`| \`${e.name}\` |`);
});

test("the image's command with the manifest's environment: ready and live on the probes' paths, stopped by SIGTERM within the grace period", async () => {
  const secret: Record<string, string> = { 'master-key': MASTER, 'database-url': db.url };
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const e of container.env) {
    if (e.value !== undefined) env[e.name] = String(e.value);
    else if (secret[e.valueFrom.secretKeyRef.key] !== undefined) env[e.name] = secret[e.valueFrom.secretKeyRef.key];
    else expect(e.valueFrom.secretKeyRef.optional).toBe(true);
  }
  // LiteLLM owns the schema in production (MIGRATE=never): here the test database was migrated for it
  const port = await freePort();
  proc = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js'), 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => proc!.once('exit', r));
  const ask = async (p: string) => (await fetch(`http://127.0.0.1:${port}${p}`).catch(() => null))?.status ?? 0;
  await until('the readiness probe answering 200', async () => (await ask(container.readinessProbe.httpGet.path)) === 200, 60000, 200);
  expect(await ask(container.livenessProbe.httpGet.path)).toBe(200);
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${MASTER}` }, body: JSON.stringify({ query: '{ keys(first: 1) { nodes { token } } }' }) });
  expect(res.status).toBe(200);
  const started = Date.now();
  proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000);
  expect(out).toMatch(/"msg":"serving"/);
}, 90000);

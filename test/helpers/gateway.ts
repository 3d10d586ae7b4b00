import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { Config, loadConfig } from '../../src/config';
import { SeedOptions, SeedReport, seedDatabase, SIZES } from '../../src/seed/generate';
import { createGateway, Gateway } from '../../src/server/app';
import { createLogger } from '../../src/server/log';
import { freshDatabase, TestDatabase } from './db';

export const MASTER_KEY = 'sk-test-master-key-0123456789';

export interface GqlResult<T = any> {
  status: number;
  body: any;
  data: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
  /** every SQL statement the operation issued, in order */
  statements: string[];
  headers: Headers;
}

export interface TestGateway {
  db: TestDatabase;
  seed?: SeedReport;
  gateway: Gateway;
  url: string;
  logs: string[];
  config: Config;
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** A database of its own (seeded unless seed: false), a gateway on a free port, and a client for it. */
export async function startTestGateway(
  opts: { seed?: Partial<SeedOptions> | false; config?: Partial<Config>; env?: Record<string, string>; /** another gateway's database, left to it */ db?: TestDatabase } = {},
): Promise<TestGateway> {
  const db = opts.db ?? (await freshDatabase());
  const seed = opts.seed === false || opts.db ? undefined : await seedDatabase(db.ds, { ...SIZES.tiny, quiet: true, ...opts.seed });
  // tests change keys with SQL and expect the next request to see it: no principal cache unless asked for
  const config: Config = { ...loadConfig([], opts.env ?? {}), masterKey: MASTER_KEY, userApiKeyCacheTtlSeconds: 0, ...opts.config };
  const logs: string[] = [];
  const statements = new Map<string, string[]>();
  const gateway = await createGateway({
    ds: db.ds,
    config,
    log: createLogger('debug', (line) => logs.push(line)),
    onStatements: (id, s) => statements.set(id, s),
  });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(gateway.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    db,
    seed,
    gateway,
    url,
    logs,
    config,
    async gql(query, variables, key = MASTER_KEY) {
      const requestId = `test-${++n}`;
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId };
      if (key) headers.authorization = `Bearer ${key}`;
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body: any = await res.json();
      return { status: res.status, body, data: body.data, errors: body.errors, statements: statements.get(requestId) ?? [], headers: res.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await gateway.stop();
      if (!opts.db) await db.drop();
    },
  };
}

export function codes(result: GqlResult): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

import http from 'node:http';
import pg from 'pg';
import { installPgTypeParsers } from '../src/db/pg-types';
import { BenchContext, QUERIES, RawJson } from './queries';

/** A plain Node HTTP handler answering POST /Q1…/Q6 with hand-written SQL through pg: the floor. */
export function createFloorServer(pool: pg.Pool, ctx: BenchContext): http.Server {
  installPgTypeParsers();
  const byPath = new Map(QUERIES.map((q) => [`/${q.id}`, q]));
  return http.createServer((req, res) => {
    const q = byPath.get(req.url ?? '');
    req.resume();
    req.on('end', () => {
      if (!q) {
        res.writeHead(404).end();
        return;
      }
      q.floor(pool, ctx).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(data instanceof RawJson ? `{"data":${data.text}}` : JSON.stringify({ data }));
        },
        (err) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        },
      );
    });
  });
}

// run as a process by bench/run.ts: DATABASE_URL, PORT, BENCH_CONTEXT (JSON)
if (require.main === module) {
  installPgTypeParsers();
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c TimeZone=UTC' });
  pool.on('error', (err) => process.stderr.write(`floor: an idle connection failed: ${err.message}\n`));
  const server = createFloorServer(pool, JSON.parse(process.env.BENCH_CONTEXT!));
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('floor ready\n'));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

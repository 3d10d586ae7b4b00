import fs from 'node:fs';
import path from 'node:path';
import { startTestGateway, TestGateway } from './helpers/gateway';

// Golden files per operation in test/operations: beside <name>.graphql, <name>.sql holds the SQL it issues,
// formatted and in execution order (an N+1 shows up in review), and <name>.json the data it answers.
// To write them instead of comparing: UPDATE_GOLDEN=1 npx jest test/operations.test.ts (then review the diff).
//
// Execution order is by level: level 0 is what the operation issues before any statement has answered, level
// n+1 what it issues when a level-n statement answers (the DataLoader batches of the next level). Statements of
// one level run concurrently and are logged as each gets its pool connection, in no fixed order: within a level
// they are sorted.
const dir = path.join(__dirname, 'operations');
const operations = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
const update = process.env.UPDATE_GOLDEN === '1';

const CLAUSE = /^(CROSS JOIN LATERAL|UNION ALL|SELECT|FROM|WHERE|GROUP BY|HAVING|ORDER BY|LIMIT)\b/;

/** One clause a line; a sub-select `( SELECT …)` is indented by two spaces a level, other parentheses stay on their line. */
function formatSql(sql: string): string {
  const lines: string[] = [];
  const subSelect: boolean[] = []; // one entry per open parenthesis: does a sub-select start there?
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  for (let i = 0; i < sql.length; ) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // a quoted literal or identifier, copied whole (a doubled quote is an escaped one)
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      line += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '(' || c === ')') {
      if (c === '(') subSelect.push(/^\(\s*SELECT\b/.test(sql.slice(i)));
      else subSelect.pop();
      line += c;
      i++;
    } else {
      const clause = /[\s(]/.test(sql[i - 1] ?? ' ') && (subSelect.length === 0 || subSelect[subSelect.length - 1]) ? CLAUSE.exec(sql.slice(i)) : null;
      if (clause) {
        flush();
        line = '  '.repeat(subSelect.filter(Boolean).length) + clause[0];
        i += clause[0].length;
      } else {
        line += line.trim() || c !== ' ' ? c : '';
        i++;
      }
    }
  }
  flush();
  return lines.join('\n');
}

const oneLine = (q: string) => q.replace(/\s+/g, ' ').trim(); // as the gateway's statement log writes them

const sqlFile = (statements: { sql: string; level: number }[]) =>
  `-- ${statements.length} statements\n` +
  statements.map((s, i) => `\n${s.level !== statements[i - 1]?.level ? `-- level ${s.level}\n` : ''}${formatSql(s.sql)};\n`).join('');

/** r.statements (the gateway's log) in execution order: by level, sorted within a level. */
function byLevel(logged: string[], issued: { sql: string; level: number }[]): { sql: string; level: number }[] {
  const levels = new Map<string, number[]>();
  for (const s of issued) levels.set(s.sql, [...(levels.get(s.sql) ?? []), s.level]);
  const ordered = logged.map((sql) => {
    const level = levels.get(sql)?.sort((a, b) => a - b).shift();
    if (level === undefined) throw new Error(`logged but not seen issued: ${sql}`);
    return { sql, level };
  });
  expect([...levels.values()].flat()).toEqual([]); // and nothing issued that was not logged
  return ordered.sort((a, b) => a.level - b.level || (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0));
}
const jsonFile = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

let t: TestGateway;
let issued: { sql: string; level: number }[] = [];
let level = 0;
beforeAll(async () => {
  // enough heavy-read slots that no usage read waits for another to finish (which one waits is down to timing)
  t = await startTestGateway({ seed: { seed: 7, now: new Date('2026-11-10T12:00:00Z') }, env: { HEAVY_READS_CONCURRENCY: '20' } });
  // every statement goes through a query runner of this DataSource: note the level it is issued on
  const ds = t.db.ds;
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args) => {
    const qr = create(...args);
    const query = qr.query.bind(qr) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
    qr.query = ((sql: string, ...rest: unknown[]) => {
      const mine = level;
      issued.push({ sql: oneLine(sql), level: mine });
      return query(sql, ...rest).finally(() => (level = mine + 1));
    }) as typeof qr.query;
    return qr;
  };
  // JSON reads run on the pool itself, as prepared statements (src/reads/json.ts)
  const pool = (ds.driver as unknown as { master: { query: (q: { text: string }) => Promise<unknown> } }).master;
  const poolQuery = pool.query.bind(pool);
  pool.query = (q: { text: string }) => {
    const mine = level;
    issued.push({ sql: oneLine(q.text), level: mine });
    return poolQuery(q).finally(() => (level = mine + 1));
  };
});
afterAll(() => t.close());

test.each(operations)('%s', async (file) => {
  issued = [];
  level = 0;
  const r = await t.gql(fs.readFileSync(path.join(dir, file), 'utf8'));
  expect(r.errors).toBeUndefined();
  const golden: [string, string][] = [
    [file.replace(/\.graphql$/, '.sql'), sqlFile(byLevel(r.statements, issued))],
    [file.replace(/\.graphql$/, '.json'), jsonFile(r.data)],
  ];
  for (const [name, actual] of golden) {
    const goldenPath = path.join(dir, name);
    if (update) fs.writeFileSync(goldenPath, actual);
    else if (!fs.existsSync(goldenPath)) throw new Error(`${name} is missing: run UPDATE_GOLDEN=1 npx jest test/operations.test.ts`);
    else expect(`${name}:\n${actual}`).toBe(`${name}:\n${fs.readFileSync(goldenPath, 'utf8')}`);
  }
  // SpendLogs is only ever read inside a startTime window
  for (const s of r.statements.filter((x) => x.includes('"LiteLLM_SpendLogs"'))) expect(s).toMatch(/"startTime" >= \$\d+ AND x\."startTime" <= \$\d+/);
});

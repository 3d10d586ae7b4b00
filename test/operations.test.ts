import fs from 'node:fs';
import path from 'node:path';
import { startTestGateway, TestGateway } from './helpers/gateway';

// Each operation in test/operations with a snapshot of the SQL it issues: an N+1 shows up in review.
const dir = path.join(__dirname, 'operations');
const operations = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ seed: { seed: 7, now: new Date('2026-11-10T12:00:00Z') } });
});
afterAll(() => t.close());

test.each(operations)('%s', async (file) => {
  const r = await t.gql(fs.readFileSync(path.join(dir, file), 'utf8'));
  expect(r.errors).toBeUndefined();
  expect({ count: r.statements.length, statements: [...r.statements].sort() }).toMatchSnapshot();
  // SpendLogs is only ever read inside a startTime window
  for (const s of r.statements.filter((x) => x.includes('"LiteLLM_SpendLogs"'))) expect(s).toMatch(/"startTime" >= \$\d+ AND x\."startTime" <= \$\d+/);
});

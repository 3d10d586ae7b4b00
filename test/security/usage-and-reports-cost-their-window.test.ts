import 'reflect-metadata';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config';
import { codes, startTestGateway, TestGateway } from '../helpers/gateway';

// usage(from, to) and spendReport read every daily row of their window: their cost grows with its days,
// and a window wider than USAGE_MAX_WINDOW_DAYS (default 366) is refused before any SQL runs.
let t: TestGateway;
let measuring: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
  // a limit of 1 refuses everything and reports the cost it measured
  measuring = await startTestGateway({ seed: false, config: { limits: { ...DEFAULT_LIMITS, maxComplexity: 1 } } });
});
afterAll(async () => {
  await t.close();
  await measuring.close();
});

async function cost(query: string, variables?: Record<string, unknown>): Promise<number> {
  const r = await measuring.gql(query, variables);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  return Number(/complexity (\d+) exceeds/.exec(r.errors![0].message)![1]);
}

const usageOver = (from: string, to: string) => `{ teams(first: 100) { nodes { usage(from: "${from}", to: "${to}") { spend } } } }`;
const reportOver = (from: string, to: string) => `{ spendReport(input: { from: "${from}", to: "${to}", groupBy: [MODEL] }) { rows { model spend } } }`;

test('a year of usage costs more than a month, and a month more than a day, at every parent', async () => {
  const [day, month, year] = [await cost(usageOver('2026-01-01', '2026-01-01')), await cost(usageOver('2026-01-01', '2026-02-28')), await cost(usageOver('2025-01-01', '2025-12-31'))];
  expect(month).toBeGreaterThan(day);
  expect(year).toBeGreaterThan(month);
  // the window's cost is paid once per team of the page
  expect(year - day).toBeGreaterThanOrEqual(100 * 12);
});

test('a year-long spend report costs more than a day-long one, given in variables too', async () => {
  const day = await cost(reportOver('2026-01-01', '2026-01-01'));
  const year = await cost(reportOver('2025-01-01', '2025-12-31'));
  expect(year).toBeGreaterThan(day);
  const q = `query($input: SpendReportInput!) { spendReport(input: $input) { rows { model spend } } }`;
  expect(await cost(q, { input: { from: '2025-01-01', to: '2025-12-31', groupBy: ['MODEL'] } })).toBe(year);
});

test('30 aliased spend reports over a year each are refused as too costly, one is not', async () => {
  const aliased = Array.from({ length: 30 }, (_, i) => `r${i}: spendReport(input: { from: "2025-01-01", to: "2025-12-31", groupBy: [MODEL] }) { rows { spend } }`);
  const r = await t.gql(`{ ${aliased.join(' ')} }`);
  expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.statements).toEqual([]);
  expect((await t.gql(`{ ${aliased[0]} }`)).errors).toBeUndefined();
});

describe('a window wider than USAGE_MAX_WINDOW_DAYS is BAD_USER_INPUT before any SQL', () => {
  test.each([
    ['usage over 100 years', usageOver('2000-01-01', '2100-01-01'), {}],
    ['a spend report over 1970–9999', reportOver('1970-01-01', '9999-12-31'), {}],
    ['a spend report in variables', `query($input: SpendReportInput!) { spendReport(input: $input) { totals { spend } } }`, { input: { from: '1970-01-01', to: '9999-12-31', groupBy: ['DAY'] } }],
    ['usage in variables, nested in a fragment', `query($f: Date!, $t: Date!) { keys(first: 1) { nodes { ...U } } } fragment U on VirtualKey { usage(from: $f, to: $t) { spend } }`, { f: '2024-01-01', t: '2025-01-01' }],
  ])('%s', async (_name, query, variables) => {
    const r = await t.gql(query, variables);
    expect(r.status).toBe(400);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toMatch(/spans \d+ days; the widest a usage or spend report may read is 366 \(USAGE_MAX_WINDOW_DAYS\)/);
    expect(r.statements).toEqual([]);
    expect(r.data).toBeUndefined();
  });

  test('366 days (a leap year) are allowed, 367 are not', async () => {
    expect((await t.gql(usageOver('2024-01-01', '2024-12-31'))).errors).toBeUndefined();
    expect(codes(await t.gql(usageOver('2024-01-01', '2025-01-01')))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(reportOver('2024-01-01', '2024-12-31'))).errors).toBeUndefined();
    expect(codes(await t.gql(reportOver('2023-12-31', '2024-12-31')))).toEqual(['BAD_USER_INPUT']);
  });

  test('the cap is USAGE_MAX_WINDOW_DAYS', async () => {
    expect(loadConfig([], {}).limits.usageMaxWindowDays).toBe(366);
    expect(loadConfig([], { USAGE_MAX_WINDOW_DAYS: '31' }).limits.usageMaxWindowDays).toBe(31);
    expect(() => loadConfig([], { USAGE_MAX_WINDOW_DAYS: '0' })).toThrow(/USAGE_MAX_WINDOW_DAYS/);
    const narrow = await startTestGateway({ seed: false, env: { USAGE_MAX_WINDOW_DAYS: '31' } });
    try {
      const r = await narrow.gql(usageOver('2026-01-01', '2026-02-01'));
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toMatch(/spans 32 days; the widest a usage or spend report may read is 31/);
      expect((await narrow.gql(usageOver('2026-01-01', '2026-01-31'))).errors).toBeUndefined();
    } finally {
      await narrow.close();
    }
  });
});

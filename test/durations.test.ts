import { addDuration, DurationError, nextReset, parseDuration } from '../src/services/durations';

const at = (iso: string) => new Date(iso);
const reset = (d: string, now: string, timezone?: string, resetTime?: string) => nextReset(d, at(now), { timezone, resetTime })?.toISOString();

describe("LiteLLM's duration grammar", () => {
  test.each([
    ['30s', 30, 's'], ['5m', 5, 'm'], ['1h', 1, 'h'], ['7d', 7, 'd'], ['2w', 2, 'w'], ['1mo', 1, 'mo'],
    ['30min', 30, 'm'], ['1hr', 1, 'h'], ['1month', 1, 'mo'], ['24hours', 24, 'h'],
    ['hourly', 1, 'h'], ['daily', 24, 'h'], ['weekly', 7, 'd'], ['monthly', 30, 'd'],
  ])('%s is %i %s (prefix match, trailing text ignored)', (text, value, unit) => {
    expect(parseDuration(text)).toMatchObject({ value, unit });
  });

  test.each([null, undefined, '', '  ', 'none', 'None', 'NULL'])('%p means no duration', (text) => {
    expect(parseDuration(text as string)).toBeNull();
  });

  test.each(['10', 'abc', 'h1', '-1d', '1.5h', 'd'])('%p is rejected with a clear message', (text) => {
    expect(() => parseDuration(text)).toThrow(DurationError);
  });

  test('expires: exact seconds; months are calendar months clamped to the month end', () => {
    expect(addDuration(at('2026-01-01T00:00:00Z'), parseDuration('90s')!).toISOString()).toBe('2026-01-01T00:01:30.000Z');
    expect(addDuration(at('2026-01-31T10:00:00Z'), parseDuration('1mo')!).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addDuration(at('2028-01-31T10:00:00Z'), parseDuration('1mo')!).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addDuration(at('2026-11-15T10:00:00Z'), parseDuration('3mo')!).toISOString()).toBe('2027-02-15T10:00:00.000Z');
    expect(addDuration(at('2026-01-01T00:00:00Z'), parseDuration('2w')!).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});

describe('calendar-aligned resets (UTC)', () => {
  test('1d: next midnight', () => expect(reset('1d', '2026-01-15T10:00:00Z')).toBe('2026-01-16T00:00:00.000Z'));
  test('1d at exactly midnight: the next one, strictly in the future', () => expect(reset('1d', '2026-01-15T00:00:00Z')).toBe('2026-01-16T00:00:00.000Z'));
  test('7d and 1w: next Monday', () => {
    expect(reset('7d', '2026-11-29T10:00:00Z')).toBe('2026-11-30T00:00:00.000Z'); // a Sunday
    expect(reset('1w', '2026-11-26T10:00:00Z')).toBe('2026-11-30T00:00:00.000Z'); // a Thursday
  });
  test('7d on a Monday: Monday next week', () => expect(reset('7d', '2026-11-30T10:00:00Z')).toBe('2026-12-07T00:00:00.000Z'));
  test('30d and 1mo: the 1st of next month, across month and year ends', () => {
    expect(reset('30d', '2026-01-31T23:59:59Z')).toBe('2026-02-01T00:00:00.000Z');
    expect(reset('1mo', '2026-02-28T12:00:00Z')).toBe('2026-03-01T00:00:00.000Z');
    expect(reset('monthly', '2026-12-15T12:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });
  test('2mo is refused: only one calendar month resets', () => expect(() => reset('2mo', '2026-01-01T00:00:00Z')).toThrow(/only 1mo/));
  test('other Nd and Nw: today midnight + N days', () => {
    expect(reset('3d', '2026-01-30T15:00:00Z')).toBe('2026-02-02T00:00:00.000Z');
    expect(reset('2w', '2026-01-30T15:00:00Z')).toBe('2026-02-13T00:00:00.000Z');
  });
  test('Nh: the next multiple of N hours from midnight, carrying into the next days', () => {
    expect(reset('6h', '2026-01-15T13:00:00Z')).toBe('2026-01-15T18:00:00.000Z');
    expect(reset('6h', '2026-01-15T19:00:00Z')).toBe('2026-01-16T00:00:00.000Z');
    expect(reset('5h', '2026-01-15T22:00:00Z')).toBe('2026-01-16T01:00:00.000Z');
    expect(reset('1h', '2026-01-15T13:00:00Z')).toBe('2026-01-15T14:00:00.000Z');
    expect(reset('48h', '2026-01-15T13:00:00Z')).toBe('2026-01-17T00:00:00.000Z');
    expect(reset('daily', '2026-01-15T13:00:00Z')).toBe('2026-01-16T00:00:00.000Z');
  });
  test('Nm and Ns: the same on minute and second boundaries', () => {
    expect(reset('15m', '2026-01-15T10:07:00Z')).toBe('2026-01-15T10:15:00.000Z');
    expect(reset('15m', '2026-01-15T23:50:00Z')).toBe('2026-01-16T00:00:00.000Z');
    expect(reset('30s', '2026-01-15T10:07:45Z')).toBe('2026-01-15T10:08:00.000Z');
  });
  test('0d resets now; no duration has no reset; an unparseable stored value resets at midnight', () => {
    expect(reset('0d', '2026-01-15T10:00:00Z')).toBe('2026-01-15T10:00:00.000Z');
    expect(reset('', '2026-01-15T10:00:00Z')).toBeUndefined();
    expect(reset('soon', '2026-01-15T10:00:00Z')).toBe('2026-01-16T00:00:00.000Z');
  });
});

describe('in a configured time zone, stored as UTC', () => {
  test('1d in Europe/Berlin: local midnight', () => expect(reset('1d', '2026-01-15T10:00:00Z', 'Europe/Berlin')).toBe('2026-01-15T23:00:00.000Z'));
  test('1d across the spring change (Berlin, 29 March 2026): CET midnight then CEST midnight', () => {
    expect(reset('1d', '2026-03-28T22:30:00Z', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(reset('1d', '2026-03-29T10:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });
  test('1d across the autumn change (Berlin, 25 October 2026)', () => {
    expect(reset('1d', '2026-10-24T22:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
  });
  test('1h on the spring-forward night in New York: the skipped 02:00 becomes 03:00 EDT', () => {
    expect(reset('1h', '2026-03-08T06:30:00Z', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(reset('1d', '2026-03-08T06:30:00Z', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
  });
  test('7d: Monday midnight in Asia/Tokyo is Sunday 15:00 UTC', () => expect(reset('7d', '2026-11-25T00:00:00Z', 'Asia/Tokyo')).toBe('2026-11-29T15:00:00.000Z'));
  test('30d in America/Los_Angeles: the 1st at local midnight', () => expect(reset('30d', '2026-02-20T12:00:00Z', 'America/Los_Angeles')).toBe('2026-03-01T08:00:00.000Z'));
  test('an invalid time zone falls back to UTC', () => expect(reset('1d', '2026-01-15T10:00:00Z', 'Mars/Base')).toBe('2026-01-16T00:00:00.000Z'));
  test('a reset time of day: today while ahead, else tomorrow; weeks and months land at it too', () => {
    expect(reset('1d', '2026-01-15T08:00:00Z', 'UTC', '09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(reset('1d', '2026-01-15T10:00:00Z', 'UTC', '09:30')).toBe('2026-01-16T09:30:00.000Z');
    expect(reset('1d', '2026-01-15T10:00:00Z', 'Asia/Tokyo', '09:30:15')).toBe('2026-01-16T00:30:15.000Z');
    expect(reset('7d', '2026-11-29T10:00:00Z', 'UTC', '06:00')).toBe('2026-11-30T06:00:00.000Z');
    expect(reset('1mo', '2026-11-29T10:00:00Z', 'UTC', '06:00')).toBe('2026-12-01T06:00:00.000Z');
    expect(reset('6h', '2026-01-15T13:00:00Z', 'UTC', '09:30')).toBe('2026-01-15T18:00:00.000Z');
  });

  test('always strictly in the future, and never further than one period, over a year of instants', () => {
    const bounds: Record<string, number> = { '1d': 86400, '7d': 7 * 86400, '30d': 31 * 86400, '1mo': 31 * 86400, '3d': 3 * 86400, '6h': 6 * 3600, '15m': 900, '45s': 45 };
    for (const tz of ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      for (let t = Date.UTC(2026, 0, 1, 0, 17); t < Date.UTC(2027, 0, 1); t += 86400000 * 3 + 3600000 * 7 + 61000) {
        for (const [d, max] of Object.entries(bounds)) {
          const now = new Date(t);
          const next = nextReset(d, now, { timezone: tz })!;
          const ahead = (next.getTime() - now.getTime()) / 1000;
          if (!(ahead > 0 && ahead <= max + 3600)) throw new Error(`${d} in ${tz} at ${now.toISOString()} → ${next.toISOString()}`);
        }
      }
    }
  });
});

// LiteLLM's duration grammar and its calendar-aligned ("standardized") budget reset times.
// Pure functions: the clock and the time zone are arguments.

export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo';

export interface Duration {
  value: number;
  unit: DurationUnit;
  text: string;
}

export class DurationError extends Error {}

const SECONDS: Record<Exclude<DurationUnit, 'mo'>, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
// At most 100 years (36500 days, 1200 months): anything longer ends past the dates PostgreSQL and JS share.
const MAX_SECONDS = 36500 * 86400;
const MAX_MONTHS = 1200;
// Newest LiteLLM accepts these words.
const WORDS: Record<string, string> = { hourly: '1h', daily: '24h', weekly: '7d', monthly: '30d' };

const shown = (input: string) => (input.length > 40 ? `${input.slice(0, 40)}…` : input);

/**
 * LiteLLM's duration_in_seconds grammar: digits then a unit (mo, s, m, h, d, w) matched as a prefix,
 * trailing text ignored ("30min" = 30 m, "1month" = 1 mo); None/""/"none"/"null" mean no duration.
 */
export function parseDuration(input: string | null | undefined): Duration | null {
  if (input === null || input === undefined) return null;
  const raw = input.trim();
  if (raw === '' || /^(none|null)$/i.test(raw)) return null;
  const text = WORDS[raw.toLowerCase()] ?? raw;
  const m = /^(\d+)(mo|s|m|h|d|w)/.exec(text);
  if (!m) {
    if (/^\d+$/.test(text)) throw new DurationError(`'${shown(input)}' has no unit: use s, m, h, d, w or mo (e.g. '30d')`);
    throw new DurationError(`'${shown(input)}' is not a duration: use a number then s, m, h, d, w or mo (e.g. '1h', '7d', '30d', '1mo')`);
  }
  const value = Number(m[1]);
  const unit = m[2] as DurationUnit;
  if (!Number.isSafeInteger(value) || (unit === 'mo' ? value > MAX_MONTHS : value * SECONDS[unit] > MAX_SECONDS))
    throw new DurationError(`'${shown(input)}' is longer than the maximum of 100 years (36500d, 1200mo)`);
  return { value, unit, text: raw };
}

function addMonthsUtc(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const mo = now.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), last);
  return new Date(Date.UTC(y, mo, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()));
}

/** `expires` for a key: now plus the exact duration (months are calendar months, clamped to month end). */
export function addDuration(now: Date, d: Duration): Date {
  if (d.unit === 'mo') return addMonthsUtc(now, d.value);
  return new Date(now.getTime() + d.value * SECONDS[d.unit] * 1000);
}

// ---- time zone arithmetic: wall-clock fields ⇄ UTC instants

interface Wall {
  y: number;
  mo: number; // 0-based
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, tz: string): Wall & { weekday: number } {
  if (tz === 'UTC')
    return { y: at.getUTCFullYear(), mo: at.getUTCMonth(), d: at.getUTCDate(), h: at.getUTCHours(), mi: at.getUTCMinutes(), s: at.getUTCSeconds(), weekday: at.getUTCDay() };
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const w = { y: +parts.year, mo: +parts.month - 1, d: +parts.day, h: +parts.hour % 24, mi: +parts.minute, s: +parts.second };
  return { ...w, weekday: new Date(Date.UTC(w.y, w.mo, w.d)).getUTCDay() };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.y, w.mo, w.d, w.h, w.mi, w.s);

const offsetAt = (instant: number, tz: string) => wallAsUtc(wallClock(new Date(instant), tz)) - instant;

/**
 * The UTC instant at which the clocks of `tz` show `w`: the first one in a fold (autumn), and in a gap
 * (spring) the instant the clocks jump past it, so 02:30 on a spring-forward night becomes 03:30.
 */
export function fromWallClock(w: Wall, tz: string): Date {
  const target = wallAsUtc(w);
  if (tz === 'UTC') return new Date(target);
  const before = target - offsetAt(target - 43200000, tz);
  const after = target - offsetAt(target + 43200000, tz);
  const exact = [before, after].filter((c) => wallAsUtc(wallClock(new Date(c), tz)) === target).sort((a, b) => a - b);
  return new Date(exact[0] ?? before);
}

function wallPlus(w: Wall, fields: Partial<Record<'d' | 'mo' | 'h' | 'mi' | 's', number>>): Wall {
  const t = new Date(Date.UTC(w.y, w.mo + (fields.mo ?? 0), w.d + (fields.d ?? 0), w.h + (fields.h ?? 0), w.mi + (fields.mi ?? 0), w.s + (fields.s ?? 0)));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

export interface ResetOptions {
  /** IANA name; LiteLLM falls back to UTC for an invalid one */
  timezone?: string;
  /** litellm_settings.budget_reset_time "HH:MM[:SS]": day, week and month resets land at this local time */
  resetTime?: string;
}

const zones = new Map<string, string>();

function validZone(tz: string | undefined): string {
  if (!tz) return 'UTC';
  let zone = zones.get(tz);
  if (zone === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      zone = tz;
    } catch {
      zone = 'UTC';
    }
    if (zones.size < 1000) zones.set(tz, zone);
  }
  return zone;
}

/**
 * LiteLLM's next standardized budget reset for a budget_duration, strictly after `now`:
 * 1d → next midnight; 7d/1w → next Monday; 30d/1mo → the 1st of next month; other Nd/Nw → today's
 * midnight + N days; Nh/Nm/Ns → the next multiple of N counted from today's midnight. Computed on the
 * wall clock of the configured time zone and returned as a UTC instant (stored as naive UTC).
 */
export function nextReset(durationText: string | null | undefined, now: Date, opts: ResetOptions = {}): Date | null {
  let d: Duration | null;
  try {
    d = parseDuration(durationText);
  } catch {
    // LiteLLM resets an unparseable duration at the next midnight.
    d = { value: 1, unit: 'd', text: String(durationText) };
  }
  if (!d) return null;
  if (d.value === 0) return now;
  const tz = validZone(opts.timezone);
  const wall = wallClock(now, tz);
  const midnight: Wall = { y: wall.y, mo: wall.mo, d: wall.d, h: 0, mi: 0, s: 0 };
  const [rh, rm, rs] = opts.resetTime ? opts.resetTime.split(':').map(Number) : [0, 0, 0];
  const at = (w: Wall) => fromWallClock({ ...w, h: rh, mi: rm, s: rs ?? 0 }, tz);
  const grid = (stepSeconds: number) => {
    const since = wall.h * 3600 + wall.mi * 60 + wall.s;
    let k = Math.floor(since / stepSeconds) + 1;
    let next = fromWallClock(wallPlus(midnight, { s: k * stepSeconds }), tz);
    while (next.getTime() <= now.getTime()) next = fromWallClock(wallPlus(midnight, { s: ++k * stepSeconds }), tz);
    return next;
  };

  const days = d.unit === 'w' ? d.value * 7 : d.unit === 'd' ? d.value : 0;
  if (d.unit === 'mo') {
    if (d.value !== 1) throw new DurationError(`'${d.text}': only 1mo is a calendar month reset`);
    return at(wallPlus({ ...midnight, d: 1 }, { mo: 1 }));
  }
  if (d.unit === 'd' || d.unit === 'w') {
    if (days === 1) {
      const today = at(midnight);
      return opts.resetTime && today.getTime() > now.getTime() ? today : at(wallPlus(midnight, { d: 1 }));
    }
    if (days === 7) {
      const ahead = ((8 - wall.weekday) % 7) || 7;
      return at(wallPlus(midnight, { d: ahead }));
    }
    if (days === 30) return at(wallPlus({ ...midnight, d: 1 }, { mo: 1 }));
    return at(wallPlus(midnight, { d: days }));
  }
  return grid(d.value * SECONDS[d.unit]);
}

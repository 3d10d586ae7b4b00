import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Policy } from '../auth/policy';
import { replicaMetrics } from './pool-metrics';
import { ReadReplicaConfig } from '../config';
import { isDatabaseDown } from '../graphql/format-error';
import { Logger } from '../server/log';

export type ReplicaStatus = 'reachable' | 'unreachable' | 'lagging' | 'not configured';

// the routing's own bookkeeping runs on the pools directly: it is no operation's SQL
const poolOf = (ds: DataSource) => (ds.driver as PostgresDriver).master as Pool;

const lsnValue = (lsn: string) => {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

/** Whose writes a read must see: the calling key (the master key has a token too). */
export const callerOf = (policy: Policy) => policy.principal?.keyToken ?? policy.principal?.userId ?? '';

/** Every gateway process hears of every mutation's caller and WAL position on this channel, on the primary. */
export const WRITES_CHANNEL = 'litellm_graphql_writes';

/** A caller as named on WRITES_CHANNEL: a hash, so that no key token goes out to listeners. */
const noticeId = (caller: string) => createHash('sha256').update(`litellm-graphql-writes:${caller}`).digest('hex').slice(0, 32);

/** callers remembered at most: beyond, they collapse into one wait for every caller (see remember) */
const MAX_REMEMBERED = 50000;

const NOTICE = /^([0-9a-f]{32}) ([0-9A-F]{1,8}\/[0-9A-F]{1,8})$/;

interface Wrote {
  /** the primary's WAL position after the write; null: unknown, read from the primary until `until` */
  lsn: string | null;
  until: number;
}

/**
 * Where reads go. Query operations read from the replica while it is reachable and within maxLagMs of the
 * primary; everything else (mutations and their read-backs, authentication, jobs, locks, migrations) uses the
 * primary. After a mutation, its caller reads from the replica only once the replica has replayed the primary's
 * WAL position taken after the mutation committed, or once readYourWritesMs has passed. Other gateway processes
 * hear of it through WRITES_CHANNEL (see `noticed`); while a process cannot hear (its listener reconnecting, or
 * just started), every read waits for the replica to replay what the primary had written when it could hear again.
 */
export class ReadRouting {
  status: ReplicaStatus;
  lagMs: number | null = null;
  /** query operations sent to the primary because the replica was down or lagging */
  fallbacks = 0;
  /** caller → the primary's WAL position after its last mutation (null: unknown, read from the primary) */
  private readonly written = new Map<string, Wrote>();
  /** what every caller's reads wait for: writes this process may not have heard of */
  private unheard: Wrote | null = null;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  /** the primary's WAL position at each recent check, oldest first */
  private readonly positions: { lsn: bigint; at: number }[] = [];
  /** the furthest WAL position the replica was seen to have replayed (-1: none since it was last reachable) */
  private replayed = -1n;
  /** whether a check has told the status yet (the first one is logged whatever it finds) */
  private known = false;

  constructor(
    readonly primary: DataSource,
    readonly replica: DataSource | null,
    private readonly opts: ReadReplicaConfig | null,
    private readonly log: Logger,
  ) {
    this.status = replica ? 'unreachable' : 'not configured';
  }

  /** The first check, then one every checkIntervalMs. */
  async start(): Promise<void> {
    if (!this.replica || !this.opts) return;
    this.timer = setInterval(() => void this.check(), this.opts.checkIntervalMs);
    this.timer.unref();
    await this.check();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The data source a query operation of this caller reads from. */
  async readSource(caller: string): Promise<DataSource> {
    if (!this.replica) return this.primary;
    if (this.status !== 'reachable') {
      this.fallbacks++;
      replicaMetrics.fallback('replica', this.status === 'lagging' ? 'lagging' : 'unavailable');
      return this.primary;
    }
    const id = noticeId(caller);
    const now = Date.now();
    if ((this.written.get(id)?.until ?? Infinity) <= now) this.written.delete(id);
    if ((this.unheard?.until ?? Infinity) <= now) this.unheard = null;
    const mine = this.written.get(id);
    const unheard = this.unheard;
    const waits = [mine, unheard].filter((w): w is Wrote => !!w);
    if (!waits.length) return this.replica;
    if (waits.some((w) => w.lsn === null)) {
      replicaMetrics.fallback('replica', unheard?.lsn === null ? 'not_listening' : 'read_your_writes');
      return this.primary;
    }
    const needed = waits.map((w) => lsnValue(w.lsn!)).reduce((x, y) => (x > y ? x : y));
    if (needed > this.replayed) {
      try {
        const { rows } = await poolOf(this.replica).query<{ replayed: string | null; standby: boolean }>(
          'SELECT pg_last_wal_replay_lsn()::text AS replayed, pg_is_in_recovery() AS standby',
        );
        // a promoted replica has all the primary wrote
        this.saw(rows[0].standby ? rows[0].replayed : 'FFFFFFFF/FFFFFFFF');
      } catch (err) {
        this.failed(err);
        return this.primary;
      }
    }
    if (needed <= this.replayed) {
      // replaced meanwhile by a later write: that one is still to be waited for
      if (mine && this.written.get(id) === mine) this.written.delete(id);
      if (unheard && this.unheard === unheard) this.unheard = null;
      return this.replica;
    }
    replicaMetrics.fallback('replica', 'read_your_writes');
    return this.primary;
  }

  /** The furthest position the replica replayed, as a check or a read found it. */
  private saw(replayed: string | null): void {
    if (replayed !== null && lsnValue(replayed) > this.replayed) this.replayed = lsnValue(replayed);
    if (this.unheard?.lsn && lsnValue(this.unheard.lsn) <= this.replayed) this.unheard = null;
  }

  /**
   * After a mutation of this caller finished (its transactions committed): where the primary's WAL is now,
   * remembered here and told to every gateway process on WRITES_CHANNEL in the same statement.
   */
  async wrote(caller: string): Promise<void> {
    if (!this.replica || !this.opts?.readYourWritesMs) return;
    const id = noticeId(caller);
    try {
      const { rows } = await poolOf(this.primary).query<{ lsn: string }>(
        // the insert position: past every commit record, even one not yet written out (synchronous_commit = off)
        `SELECT pg_current_wal_insert_lsn()::text AS lsn, pg_notify($1, $2 || ' ' || pg_current_wal_insert_lsn()::text)`,
        [WRITES_CHANNEL, id],
      );
      this.remember(id, rows[0].lsn);
    } catch {
      this.remember(id, null);
    }
  }

  /** Whether this caller's reads wait for a write of theirs (read from the primary until the replica replays it). */
  waitsFor(caller: string): boolean {
    return (this.written.get(noticeId(caller))?.until ?? 0) > Date.now();
  }

  /** A notification on WRITES_CHANNEL: a caller wrote, through this process or another one. */
  noticed(payload: string): void {
    const m = NOTICE.exec(payload);
    if (m) this.remember(m[1], m[2]);
  }

  /**
   * This process hears every write from now on (its listener connected): writes made before, which it may not
   * have heard of, are behind the primary's WAL position now; every read waits for the replica to replay it.
   */
  hearing(lsn: string): void {
    if (this.replica && this.opts?.readYourWritesMs) this.unheard = { lsn, until: Date.now() + this.opts.readYourWritesMs };
  }

  /** The listener dropped: writes through other processes go unheard, so every read goes to the primary. */
  deaf(): void {
    if (this.replica && this.opts?.readYourWritesMs) this.unheard = { lsn: null, until: Infinity };
  }

  private remember(id: string, lsn: string | null): void {
    if (!this.opts?.readYourWritesMs) return;
    const now = Date.now();
    const until = now + this.opts.readYourWritesMs;
    const before = this.written.get(id);
    if (before && before.until > now) {
      // a position unknown stays unknown, for this write's window too
      if (before.lsn === null) return void this.written.set(id, { lsn: null, until });
      // the notice of this same write, or of an earlier one arriving late: the wait already covers it
      if (lsn !== null && lsnValue(before.lsn) >= lsnValue(lsn)) return;
    }
    if (!before && this.written.size >= MAX_REMEMBERED) return this.collapse(lsn, until);
    this.written.set(id, { lsn, until });
  }

  /**
   * Too many callers wrote within the window (a flood of notices): every caller waits for the furthest position
   * remembered, and the map starts again empty.
   */
  private collapse(lsn: string | null, until: number): void {
    let furthest: bigint | null = lsn === null ? null : lsnValue(lsn);
    for (const w of [...this.written.values(), ...(this.unheard ? [this.unheard] : [])]) {
      if (furthest === null || w.lsn === null) furthest = null;
      else if (lsnValue(w.lsn) > furthest) furthest = lsnValue(w.lsn);
    }
    this.written.clear();
    const text = furthest === null ? null : `${(furthest >> 32n).toString(16).toUpperCase()}/${(furthest & 0xffffffffn).toString(16).toUpperCase()}`;
    this.unheard = { lsn: text, until: Math.max(until, this.unheard?.until ?? 0) };
  }

  /** The position every caller's reads wait for the replica to replay (null: unknown, read from the primary); undefined: none. */
  waitingForAll(): string | null | undefined {
    return this.unheard?.lsn;
  }

  /**
   * An operation that read from the replica failed: when the cause was the connection, the following reads go to
   * the primary at once (not after a connect timeout each), and the replica is checked now.
   */
  suspect(errors: readonly unknown[]): void {
    const down = errors.map((e) => (e as { originalError?: unknown }).originalError ?? e).find(isDatabaseDown);
    if (!this.replica || !down) return;
    this.become('unreachable', down);
    void this.check();
  }

  /** Reachability and lag, one check at a time. */
  check(): Promise<void> {
    return (this.checking ??= this.measure().finally(() => (this.checking = undefined)));
  }

  private async measure(): Promise<void> {
    const replica = this.replica!;
    const { maxLagMs, checkIntervalMs } = this.opts!;
    const now = Date.now();
    for (const [caller, w] of this.written) if (w.until <= now) this.written.delete(caller);
    try {
      if (!replica.isInitialized) await replica.initialize();
      const primaryLsn = await poolOf(this.primary)
        .query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
        .then((r) => r.rows[0].lsn, () => null);
      if (primaryLsn) {
        this.positions.push({ lsn: lsnValue(primaryLsn), at: now });
        while (this.positions.length > 2 && this.positions[1].at < now - maxLagMs - 2 * checkIntervalMs) this.positions.shift();
      }
      const { rows } = await poolOf(replica).query<{ standby: boolean; replayed: string | null; since_commit_ms: string | null }>(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
                greatest(0, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000) AS since_commit_ms`,
      );
      this.lagMs = rows[0].standby ? this.lagOf(rows[0].replayed, rows[0].since_commit_ms) : 0;
      this.saw(rows[0].standby ? rows[0].replayed : 'FFFFFFFF/FFFFFFFF');
      replicaMetrics.lag('replica', this.lagMs === null ? null : this.lagMs / 1000);
      this.become(this.lagMs === null || this.lagMs > maxLagMs ? 'lagging' : 'reachable');
    } catch (err) {
      this.lagMs = null;
      replicaMetrics.lag('replica', null);
      this.become('unreachable', err);
    }
  }

  /**
   * How long ago the primary wrote the oldest WAL the replica has not replayed, from the primary's positions at the
   * last checks: 0 when it replayed the latest. An idle primary writes nothing, so a replica that is up to date
   * has no lag however old its last replayed commit. Behind every position kept (or at the first check), the time
   * since its last replayed commit stands in; none replayed since it started: unknown (null, counted as lagging).
   */
  private lagOf(replayed: string | null, sinceCommitMs: string | null): number | null {
    const done = replayed === null ? null : lsnValue(replayed);
    let i = this.positions.length - 1;
    while (i >= 0 && (done === null || this.positions[i].lsn > done)) i--;
    if (i === this.positions.length - 1 && i >= 0) return 0;
    if (i >= 0) return Date.now() - this.positions[i + 1].at;
    return sinceCommitMs === null ? null : Math.round(Number(sinceCommitMs));
  }

  private become(status: ReplicaStatus, error?: unknown): void {
    // a replica that comes back may be another one (a restored standby, a reader endpoint's other member)
    if (status === 'unreachable') this.replayed = -1n;
    if (status === this.status && this.known) return;
    this.known = true;
    this.status = status;
    if (status === 'reachable') this.log.info('read replica reachable: query operations read from it', { lagMs: this.lagMs });
    else if (status === 'lagging') this.log.warn('read replica lagging: reads go to the primary', { lagMs: this.lagMs, maxLagMs: this.opts!.maxLagMs });
    else this.log.warn('read replica unreachable: reads go to the primary', { error });
  }

  private failed(err: unknown): void {
    if (isDatabaseDown(err)) this.suspect([err]);
  }
}

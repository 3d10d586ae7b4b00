import pg from 'pg';
import { EventSubscriber } from 'typeorm';
import type { AfterQueryEvent, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { Logger } from '../server/log';
import type { PrincipalCache } from './principal';

export const PRINCIPALS_CHANNEL = 'litellm_graphql_principals';
export const FLUSH_ALL = '*';

/**
 * The tables resolvePrincipal reads. A new key (INSERT into VerificationToken) changes no principal already
 * resolved, and an unknown key is never cached.
 */
const CHANGES_PRINCIPALS =
  /\b(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+"LiteLLM_(?:DeprecatedVerificationToken|UserTable|TeamTable|OrganizationMembership)"|\b(?:UPDATE|DELETE\s+FROM)\s+"LiteLLM_VerificationToken"/i;

const MARK = 'principalsChanged';
const FAILED = 'statementFailed';

/**
 * A transaction that wrote a table principals are read from sends NOTIFY on PRINCIPALS_CHANNEL just before its
 * COMMIT: PostgreSQL delivers it to every listening gateway on commit, and never for a rolled-back transaction.
 */
@EventSubscriber()
export class PrincipalChangeNotifier implements EntitySubscriberInterface {
  afterQuery(event: AfterQueryEvent): void {
    const qr = event.queryRunner;
    if (!qr.isTransactionActive) return;
    if (!event.success) qr.data[FAILED] = true;
    else if (CHANGES_PRINCIPALS.test(event.query)) qr.data[MARK] = true;
  }

  /** A transaction with a failed statement commits nothing (its COMMIT rolls back): it sends nothing either. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const qr = event.queryRunner as QueryRunner & { transactionDepth?: number };
    if ((qr.transactionDepth ?? 1) > 1) return;
    const send = qr.data[MARK] && !qr.data[FAILED];
    delete qr.data[MARK];
    delete qr.data[FAILED];
    if (send) await qr.query(`SELECT pg_notify($1, $2)`, [PRINCIPALS_CHANNEL, FLUSH_ALL]);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const qr = event.queryRunner as QueryRunner & { transactionDepth?: number };
    if ((qr.transactionDepth ?? 0) > 0) return;
    delete qr.data[MARK];
    delete qr.data[FAILED];
  }
}

export interface NoticeListenerOptions {
  url: string;
  /** channel → what a notification on it does */
  channels: Record<string, (payload: string) => void>;
  /** on each connection, once it listens: notifications sent before are lost */
  connected: (client: pg.Client) => Promise<void> | void;
  /** the connection dropped: notifications are lost until connected is called again */
  lost?: () => void;
  log: Logger;
  connectTimeoutMs?: number;
  /** first reconnection delay, doubled up to maxBackoffMs */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** how often the connection is asked to answer (a half-open one tells nothing otherwise), and how long it has */
  heartbeatMs?: number;
}

/**
 * One dedicated connection per process LISTENing on the gateway's channels (key changes, and writes when reads go
 * to a replica). A dropped connection is retried with backoff; notifications sent meanwhile are lost, which
 * `lost` and `connected` let each user make up for.
 */
export class NoticeListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private backoffMs: number;
  listening = false;
  /** connections made (the first one and each reconnection) */
  connections = 0;

  constructor(private readonly o: NoticeListenerOptions) {
    this.backoffMs = o.minBackoffMs ?? 250;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const heartbeatMs = this.o.heartbeatMs ?? 5000;
    const client = new pg.Client({
      connectionString: this.o.url,
      connectionTimeoutMillis: this.o.connectTimeoutMs ?? 5000,
      keepAlive: true,
      keepAliveInitialDelayMillis: heartbeatMs,
      query_timeout: heartbeatMs,
      application_name: 'litellm-graphql-listener',
    });
    this.client = client;
    client.on('notification', (msg) => this.o.channels[msg.channel]?.(msg.payload ?? ''));
    client.on('error', (err) => this.dropped(client, err));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      for (const channel of Object.keys(this.o.channels)) await client.query(`LISTEN ${channel}`);
      await this.o.connected(client);
    } catch (err) {
      this.dropped(client, err);
      return;
    }
    if (this.client !== client) return;
    this.listening = true;
    this.connections++;
    this.beat(client);
    this.backoffMs = this.o.minBackoffMs ?? 250;
    if (this.connections > 1) this.o.log.info('listening again for the other gateways\' notifications', { channels: Object.keys(this.o.channels) });
  }

  /** A connection that stops answering (a network gone, a failover) is dropped, as one that closed. */
  private beat(client: pg.Client): void {
    this.timer = setTimeout(() => {
      if (this.client !== client) return;
      client.query('SELECT 1').then(
        () => this.beat(client),
        (err) => this.dropped(client, err),
      );
    }, this.o.heartbeatMs ?? 5000);
    this.timer.unref();
  }

  private dropped(client: pg.Client, err?: unknown): void {
    if (this.client !== client) return;
    clearTimeout(this.timer);
    this.client = null;
    this.listening = false;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    this.o.lost?.();
    if (this.stopped) return;
    this.o.log.warn('notifications lost until the connection is back: cached keys live at most their TTL, and reads wait for the replica to replay what the primary wrote meanwhile', {
      retryInMs: this.backoffMs,
      channels: Object.keys(this.o.channels),
      error: err,
    });
    this.timer = setTimeout(() => void this.connect(), this.backoffMs);
    this.timer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.o.maxBackoffMs ?? 10000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (client) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}

/** A notification on PRINCIPALS_CHANNEL clears the named tokens, or the whole cache for FLUSH_ALL. */
export const principalNotices = (cache: PrincipalCache) => (payload: string) => {
  if (!payload || payload === FLUSH_ALL) cache.clear();
  else for (const token of payload.split(',')) cache.forget(token);
};

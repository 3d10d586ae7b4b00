import { DataSource } from 'typeorm';
import { GatewayError } from '../graphql/errors';

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/** The pool's size as the DataSource was built with it (pg's default is 10). */
export function poolSize(ds: DataSource): number {
  const max = (ds.options as { extra?: { max?: unknown } }).extra?.max;
  return typeof max === 'number' && max > 0 ? max : 10;
}

/** HEAVY_READS_CONCURRENCY, or half the pool when it is 0: the other half stays free for authentication and small reads. */
export function heavyConcurrency(configured: number, pool: number): number {
  return configured > 0 ? configured : Math.max(1, Math.floor(pool / 2));
}

/**
 * A semaphore around the statements that can hold a connection for seconds (usage sums, spend reports,
 * log pages): at most `slots` of them run at once, the rest wait in order, and a read that waits longer
 * than `maxWaitMs` is refused with SERVICE_UNAVAILABLE instead of queueing for the pool behind them.
 */
export class HeavyReads {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly slots: number,
    readonly maxWaitMs: number,
  ) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`heavy reads: slots must be a positive integer, got ${slots}`);
  }

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Heavy reads for the rest of a request that was already refused a slot: each is refused at once with the
   * same error, so a request never waits twice.
   */
  refusedWith(error: unknown): HeavyReads {
    const refused = new HeavyReads(this.slots, this.maxWaitMs);
    refused.run = () => Promise.reject(error);
    return refused;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(
            new GatewayError(
              'SERVICE_UNAVAILABLE',
              `The server is busy with heavy reads (usage, spend reports, logs): all ${this.slots} slots stayed taken for ${this.maxWaitMs} ms (HEAVY_READS_CONCURRENCY, HEAVY_READS_MAX_WAIT_MS). Try again shortly, or ask for a narrower window.`,
              { http: { status: 503 } },
            ),
          );
        }, this.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    const next = this.queue.shift();
    if (!next) {
      this.running--;
      return;
    }
    clearTimeout(next.timer);
    next.grant();
  }
}

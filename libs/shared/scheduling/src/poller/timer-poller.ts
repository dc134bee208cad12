import type { DataSource, QueryRunner } from 'typeorm';
import { PENDING, Timer, TIMER_COLUMNS, TimerHandler, TimerRow, toTimer } from '../timer';
import { afterFailure, DEFAULT_RETRY_POLICY, RetryPolicy } from './retry-backoff';
import { nextSleepMs } from './next-sleep';
import { HandlerTimeoutError, withinTime } from './handler-timeout';

export interface TimerPollerOptions {
  dataSource: DataSource;
  /** One handler per timer kind. The poller claims only these kinds; others stay pending for a poller that has them. */
  handlers: Record<string, TimerHandler>;
  /** Timers claimed (and fired, each in its own savepoint) per transaction. Default 100. */
  batchSize?: number;
  /** The longest sleep between rounds when nothing is due sooner. Default 1000. */
  pollMs?: number;
  /** Sleep when due timers are held by another poller. Default 50. */
  heldByOtherMs?: number;
  /**
   * The longest a claiming transaction may sit idle (a frozen or partitioned process, a handler
   * waiting on something other than the database) before PostgreSQL ends its session: the batch
   * rolls back and its timers go to another poller. Default 30000.
   */
  leaseMs?: number;
  /**
   * The longest one handler may run. Past it the poller abandons the batch itself (rolls it
   * back) and counts a failed attempt for that timer. Must be below leaseMs, so this happens on
   * a live session. Default leaseMs / 2.
   */
  handlerTimeoutMs?: number;
  /** When to retry a timer whose handler threw, and when to give up on it. */
  retry?: Partial<RetryPolicy>;
  /** "Now" for deciding what is due and stamping fired_at; tests pass a controllable one. */
  clock?: () => Date;
  /** A handler that threw (with its timer), or a round that failed (without). */
  onError?: (error: unknown, timer?: Timer) => void;
}

const SAVEPOINT = 'scheduling_timer_fire';

type Queryable = { query(sql: string, params?: unknown[]): Promise<unknown> };

export interface RoundResult {
  claimed: number;
  fired: number;
  failed: number;
}

/**
 * Fires due timers, each exactly once, however many pollers (processes) run.
 *
 * Each round, in one transaction: claim up to `batchSize` due timers of the handled kinds with
 * FOR UPDATE SKIP LOCKED (soonest first), then for each, inside a savepoint, mark it fired and run
 * its handler with the transaction's EntityManager; commit. The row lock is the claim:
 * - another poller skips locked rows, and a fired row is never selected again, so no timer fires
 *   twice; the handler's writes and the "fired" mark commit together or not at all;
 * - a poller that dies mid-batch loses its connection, PostgreSQL rolls the batch back (writes
 *   and marks) and releases the rows, and another poller fires them; a poller that freezes is
 *   cut off after `leaseMs` idle in the transaction, with the same result;
 * - a handler that throws is rolled back to its savepoint alone; the timer stays pending with
 *   attempts + 1 and its next attempt pushed back (exponential backoff), and is marked failed
 *   (failed_at) after `retry.maxAttempts`.
 * Between rounds it sleeps until the next timer is due, at most `pollMs`.
 */
export class TimerPoller {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly kinds: string[];
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly heldByOtherMs: number;
  private readonly leaseMs: number;
  private readonly handlerTimeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly clock: () => Date;

  constructor(private readonly o: TimerPollerOptions) {
    this.kinds = Object.keys(o.handlers);
    if (this.kinds.length === 0) throw new Error('TimerPoller needs at least one handler');
    this.batchSize = o.batchSize ?? 100;
    this.pollMs = o.pollMs ?? 1_000;
    this.heldByOtherMs = o.heldByOtherMs ?? 50;
    this.leaseMs = o.leaseMs ?? 30_000;
    this.handlerTimeoutMs = o.handlerTimeoutMs ?? Math.floor(this.leaseMs / 2);
    if (!(this.handlerTimeoutMs > 0 && this.handlerTimeoutMs < this.leaseMs)) throw new Error('TimerPoller needs 0 < handlerTimeoutMs < leaseMs');
    this.retry = { ...DEFAULT_RETRY_POLICY, ...o.retry };
    this.clock = o.clock ?? (() => new Date());
  }

  /** One round; returns how many timers fired (0 when none was due). */
  async fireDue(): Promise<number> {
    return (await this.round()).fired;
  }

  /** One round, with what happened to the claimed timers. */
  async round(now = this.clock()): Promise<RoundResult> {
    try {
      return await this.claimAndFire(now);
    } catch (e) {
      if (e instanceof HandlerTimeoutError) await this.recordTimeout(e);
      throw e;
    }
  }

  private async claimAndFire(now: Date): Promise<RoundResult> {
    const qr = this.o.dataSource.createQueryRunner(); // a fresh one per round: no stale transaction state
    await qr.connect();
    try {
      // Opened through TypeORM, so handlers see an active transaction (Outbox.append checks) and
      // their own tx.transaction(...) nests as a savepoint. Ended with plain COMMIT / ROLLBACK, and
      // each timer isolated by a named savepoint, so a handler that leaves TypeORM's nesting
      // count unbalanced can neither keep the batch open nor undo the wrong savepoint.
      await qr.startTransaction();
      await qr.query(`SELECT set_config('idle_in_transaction_session_timeout', $1, true)`, [String(this.leaseMs)]);
      const claimed: TimerRow[] = await qr.query(
        `SELECT ${TIMER_COLUMNS} FROM scheduling_timer
          WHERE ${PENDING} AND next_attempt_at <= $1 AND kind = ANY($2::text[])
          ORDER BY next_attempt_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED`,
        [now, this.kinds, this.batchSize],
      );
      const result: RoundResult = { claimed: claimed.length, fired: 0, failed: 0 };
      for (const row of claimed) {
        if (await this.fire(qr, toTimer(row))) result.fired++;
        else result.failed++;
      }
      await qr.query('COMMIT');
      return result;
    } catch (e) {
      await qr.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the round in progress (it commits), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Fires one claimed timer inside a savepoint; false when its handler threw (recorded for a retry). */
  private async fire(qr: QueryRunner, timer: Timer): Promise<boolean> {
    const handler = this.o.handlers[timer.kind] as TimerHandler;
    await qr.query(`SAVEPOINT ${SAVEPOINT}`);
    try {
      await qr.query(`UPDATE scheduling_timer SET fired_at = $2 WHERE id = $1`, [timer.id, this.clock()]);
      // Marked fired before the handler runs, so a handler may schedule the next timer of the same (kind, key).
      await withinTime(handler(timer, qr.manager), timer, this.handlerTimeoutMs);
      await qr.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return true;
    } catch (e) {
      if (e instanceof HandlerTimeoutError) throw e; // abandons the batch: see HandlerTimeoutError
      // Undoes the mark and every write of the handler, nested savepoints included. If even this
      // fails (the connection is gone), the error ends the round and the whole batch rolls back.
      await qr.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      await this.recordFailure(qr, timer, e);
      this.report(e, timer);
      return false;
    }
  }

  /**
   * Counts a failed attempt: the next one after the backoff, or failed_at after the last.
   * `row` selects the timer ($1 is its id): by default the row this batch holds.
   */
  private async recordFailure(db: Queryable, timer: Timer, e: unknown, row = 'id = $1'): Promise<void> {
    const attempts = timer.attempts + 1;
    const now = this.clock();
    const next = afterFailure(attempts, now, this.retry);
    const [outcome, at] = 'giveUp' in next ? ['failed_at', now] : ['next_attempt_at', next.retryAt];
    await db.query(`UPDATE scheduling_timer SET attempts = $2, last_error = $3, ${outcome} = $4 WHERE ${row}`, [timer.id, attempts, describe(e), at]);
  }

  /**
   * After an abandoned batch, counts the attempt of the timer whose handler overran, unless it
   * fired meanwhile (another poller may hold it: wait for that one, at most leaseMs).
   */
  private async recordTimeout(e: HandlerTimeoutError): Promise<void> {
    await this.o.dataSource
      .transaction(async (tx) => {
        await tx.query(`SELECT set_config('lock_timeout', $1, true)`, [String(this.leaseMs)]);
        await this.recordFailure(tx, e.timer, e, `id = $1 AND ${PENDING}`);
      })
      .catch((recordError) => this.report(recordError, e.timer));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let sleepMs: number;
      try {
        const claimedAt = this.clock();
        const { claimed } = await this.round(claimedAt);
        failures = 0;
        const full = claimed >= this.batchSize;
        sleepMs = nextSleepMs({
          claimedAt,
          now: this.clock(),
          claimed,
          batchSize: this.batchSize,
          nextAttemptAt: full ? undefined : await this.nextAttemptAt(),
          pollMs: this.pollMs,
          heldByOtherMs: this.heldByOtherMs,
        });
      } catch (e) {
        failures++;
        this.report(e);
        sleepMs = Math.min(100 * 2 ** failures, 10_000);
      }
      if (sleepMs > 0) await this.sleep(sleepMs);
    }
  }

  /** Tells onError; a throwing onError must not roll back the batch. */
  private report(e: unknown, timer?: Timer): void {
    try {
      this.o.onError?.(e, timer);
    } catch {
      // ignored: reporting is best effort
    }
  }

  /** The earliest next attempt among pending timers of the handled kinds (an index scan). */
  private async nextAttemptAt(): Promise<Date | undefined> {
    const [row]: { at: Date | null }[] = await this.o.dataSource.query(
      `SELECT min(next_attempt_at) AS at FROM scheduling_timer WHERE ${PENDING} AND kind = ANY($1::text[])`,
      [this.kinds],
    );
    return row?.at ?? undefined;
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

function describe(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.slice(0, 2_000);
}

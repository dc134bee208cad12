import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { NewTimer, PENDING, Timer, TIMER_COLUMNS, TimerPayload, TimerRow, toTimer } from './timer';

export interface TimerFilter {
  kind?: string;
  key?: string;
}

/**
 * Schedules, moves and cancels durable timers inside the caller's transaction, so a timer exists
 * exactly when the state change that needs it committed (the same rule as `Outbox.append`):
 *
 *   await dataSource.transaction(async (tx) => {
 *     await tx.save(ticket);
 *     await timers.schedule(tx, { kind: 'complaints.ticket.handling_overdue', key: ticket.id, dueAt: ticket.dueAt });
 *   });
 *
 * There is at most one pending timer per (kind, key): scheduling it again replaces its due time
 * and payload. Once it has fired (or was cancelled, or failed), the same (kind, key) may be
 * scheduled again as a new timer. A `TimerPoller` fires it when due.
 */
export class Timers {
  /** @param dataSource used only by the read-only inspection methods (`pending`, `failed`). */
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the pending timer for (kind, key), or moves the existing one to `dueAt` with `payload`. */
  async schedule<P extends TimerPayload>(tx: EntityManager, t: NewTimer<P>): Promise<Timer<P>> {
    const runner = transactionOf(tx, 'schedule');
    assertName('kind', t.kind);
    assertName('key', t.key);
    assertInstant(t.dueAt);
    const [row] = await rows(
      runner,
      `INSERT INTO scheduling_timer (id, kind, key, payload, due_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (kind, key) WHERE ${PENDING}
       DO UPDATE SET payload = EXCLUDED.payload, due_at = EXCLUDED.due_at, next_attempt_at = EXCLUDED.due_at,
                     attempts = 0, last_error = NULL
       RETURNING ${TIMER_COLUMNS}`,
      [randomUUID(), t.kind, t.key, JSON.stringify(t.payload ?? {}), t.dueAt],
    );
    return toTimer(row) as Timer<P>;
  }

  /**
   * Moves the pending timer for (kind, key) to `dueAt` (a suspension or an extension of the limit),
   * keeping its payload. Returns undefined, and creates nothing, when there is no pending timer
   * (never scheduled, or already fired or cancelled).
   */
  async reschedule(tx: EntityManager, kind: string, key: string, dueAt: Date): Promise<Timer | undefined> {
    const runner = transactionOf(tx, 'reschedule');
    assertInstant(dueAt);
    const [row] = await rows(
      runner,
      `UPDATE scheduling_timer SET due_at = $3, next_attempt_at = $3, attempts = 0, last_error = NULL
        WHERE kind = $1 AND key = $2 AND ${PENDING}
        RETURNING ${TIMER_COLUMNS}`,
      [kind, key, dueAt],
    );
    return row ? toTimer(row) : undefined;
  }

  /**
   * Cancels the pending timer for (kind, key). Returns false when there was none to cancel. A
   * poller firing it at this very moment holds its row: the cancel waits for that transaction
   * and then returns false (it fired), so exactly one of "fired" and "cancelled" happens.
   */
  async cancel(tx: EntityManager, kind: string, key: string): Promise<boolean> {
    const runner = transactionOf(tx, 'cancel');
    const cancelled = await rows<{ id: string }>(
      runner,
      `UPDATE scheduling_timer SET cancelled_at = now() WHERE kind = $1 AND key = $2 AND ${PENDING} RETURNING id`,
      [kind, key],
    );
    return cancelled.length > 0;
  }

  /**
   * For a recurring job (a timer that re-plans itself when it fires): at start, schedules the timer
   * `next()` describes unless one of `kind` is pending already, in its own transaction. Instances
   * starting together compute the same (kind, key), which the table keeps once. True if it scheduled.
   */
  async ensurePending(kind: string, next: () => Omit<NewTimer, 'kind'>): Promise<boolean> {
    if ((await this.pending({ kind })).length > 0) return false;
    await this.dataSource.transaction((tx) => this.schedule(tx, { ...next(), kind }));
    return true;
  }

  /** Pending timers, soonest first. */
  async pending(filter: TimerFilter = {}): Promise<Timer[]> {
    return this.list(PENDING, filter);
  }

  /** Timers that gave up after their handler threw `maxAttempts` times, most recent first. */
  async failed(filter: TimerFilter = {}): Promise<Timer[]> {
    return this.list('failed_at IS NOT NULL', filter, 'failed_at DESC');
  }

  private async list(state: string, f: TimerFilter, order = 'next_attempt_at, id'): Promise<Timer[]> {
    const found: TimerRow[] = await this.dataSource.query(
      `SELECT ${TIMER_COLUMNS} FROM scheduling_timer
        WHERE ${state} AND ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR key = $2)
        ORDER BY ${order}`,
      [f.kind ?? null, f.key ?? null],
    );
    return found.map(toTimer);
  }
}

function transactionOf(tx: EntityManager, what: string): QueryRunner {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error(`Timers.${what} must run inside a transaction (dataSource.transaction(tx => ...))`);
  }
  return runner;
}

async function rows<T = TimerRow>(runner: QueryRunner, sql: string, params: unknown[]): Promise<T[]> {
  const result = await runner.query(sql, params, true);
  return result.records as T[];
}

function assertName(field: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`timer ${field} must be a non-empty string`);
}

function assertInstant(dueAt: Date): void {
  if (!(dueAt instanceof Date) || Number.isNaN(dueAt.getTime())) throw new TypeError('timer dueAt must be a valid Date');
}

import type { EntityManager } from 'typeorm';

/** What the timer is for, as JSON: whatever the handler needs besides kind and key. */
export type TimerPayload = Record<string, unknown>;

/** Where a timer is in its life. It leaves `pending` once, for one of the other three. */
export type TimerState = 'pending' | 'fired' | 'cancelled' | 'failed';

export interface Timer<P extends TimerPayload = TimerPayload> {
  id: string;
  /** What happens when it fires, e.g. `complaints.ticket.handling_overdue`; selects the handler. */
  kind: string;
  /** What it is about, usually the aggregate id. One pending timer per (kind, key). */
  key: string;
  payload: P;
  /** When it should fire. Retries never move it (they move `nextAttemptAt`). */
  dueAt: Date;
  /** When a poller may next try to fire it: `dueAt`, or later after a failed attempt. */
  nextAttemptAt: Date;
  /** Handler runs so far that threw (a successful run is not counted). */
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  firedAt: Date | null;
  cancelledAt: Date | null;
  failedAt: Date | null;
  state: TimerState;
}

export interface NewTimer<P extends TimerPayload = TimerPayload> {
  kind: string;
  key: string;
  dueAt: Date;
  payload?: P;
}

/**
 * Acts on a due timer inside the transaction that marks it fired: whatever it writes through
 * `tx` (an outbox event, a state change, the next timer) commits with the "fired" mark, or
 * neither does. Throwing rolls its writes back and schedules a retry.
 */
export type TimerHandler = (timer: Timer, tx: EntityManager) => Promise<void>;

/** The SQL condition of a pending timer; also the predicate of both partial indexes. */
export const PENDING = 'fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL';

/** Every column, in the order `toTimer` reads them. */
export const TIMER_COLUMNS =
  'id, kind, key, payload, due_at, next_attempt_at, attempts, last_error, created_at, fired_at, cancelled_at, failed_at';

export interface TimerRow {
  id: string;
  kind: string;
  key: string;
  payload: TimerPayload;
  due_at: Date;
  next_attempt_at: Date;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  fired_at: Date | null;
  cancelled_at: Date | null;
  failed_at: Date | null;
}

export function toTimer(r: TimerRow): Timer {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    payload: r.payload,
    dueAt: r.due_at,
    nextAttemptAt: r.next_attempt_at,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    firedAt: r.fired_at,
    cancelledAt: r.cancelled_at,
    failedAt: r.failed_at,
    state: r.fired_at ? 'fired' : r.cancelled_at ? 'cancelled' : r.failed_at ? 'failed' : 'pending',
  };
}

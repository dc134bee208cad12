import type { DataSource, EntityManager } from 'typeorm';
import { defineEvent, MESSAGING_MIGRATIONS, Outbox } from '@one-window/shared/messaging';
import { createTestDatabase, TestDatabase, waitFor } from '@one-window/shared/testing';
import { Timers } from '../timers';
import type { Timer, TimerHandler } from '../timer';
import { TimerPoller, TimerPollerOptions } from './timer-poller';
import { openTestDataSource, recordEffect } from '../testing/fixtures';

/** A clock the test moves by hand, so nothing waits for real time. */
function manualClock(start: Date) {
  let now = start;
  return { now: () => now, set: (at: Date) => void (now = at), advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);

describe('TimerPoller against the real database', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let timers: Timers;
  let n = 0;
  /** A kind no other test uses, so tests sharing the database do not fire each other's timers. */
  const freshKind = (what: string) => `test.${what}.${++n}`;
  const T = new Date('2026-10-10T00:00:00.000+08:00');

  beforeAll(async () => {
    db = await createTestDatabase('sched_poller');
    ds = await openTestDataSource(db.url, MESSAGING_MIGRATIONS);
    timers = new Timers(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const schedule = (kind: string, key: string, dueAt: Date, payload = {}) => ds.transaction((tx) => timers.schedule(tx, { kind, key, dueAt, payload }));
  const poller = (handlers: Record<string, TimerHandler>, o: Partial<TimerPollerOptions> = {}) =>
    new TimerPoller({ dataSource: ds, handlers, ...o });
  const effectsOf = async (kind: string): Promise<{ timer_id: string; key: string }[]> =>
    ds.query(`SELECT timer_id, key FROM timer_effect WHERE kind = $1 ORDER BY n`, [kind]);
  const row = async (id: string) =>
    (await ds.query(`SELECT fired_at, failed_at, attempts, last_error, next_attempt_at, due_at FROM scheduling_timer WHERE id = $1`, [id]))[0];

  it('fires a timer when it is due and not a millisecond before, and only once', async () => {
    const kind = freshKind('due');
    const clock = manualClock(ms(T, -1));
    const timer = await schedule(kind, 'ticket-1', T, { ticketNo: 'A-1' });
    const p = poller({ [kind]: recordEffect }, { clock: clock.now });

    expect(await p.fireDue()).toBe(0); // T - 1 ms
    expect(await effectsOf(kind)).toEqual([]);

    clock.set(T);
    expect(await p.fireDue()).toBe(1);
    expect(await effectsOf(kind)).toEqual([{ timer_id: timer.id, key: 'ticket-1' }]);
    expect((await row(timer.id)).fired_at).toEqual(T);

    clock.advance(86_400_000);
    expect(await p.fireDue()).toBe(0);
    expect(await effectsOf(kind)).toHaveLength(1);
    expect(await timers.pending({ kind })).toEqual([]);
  });

  it('hands the handler the timer as scheduled', async () => {
    const kind = freshKind('seen');
    await schedule(kind, 'ticket-9', T, { ticketNo: 'A-9', level: 'yellow' });
    const seen: Timer[] = [];
    await poller({ [kind]: async (t) => void seen.push(t) }, { clock: () => T }).fireDue();
    expect(seen).toEqual([expect.objectContaining({ kind, key: 'ticket-9', dueAt: T, payload: { ticketNo: 'A-9', level: 'yellow' }, attempts: 0 })]);
  });

  it('a rescheduled timer fires at its new due time, not the old one', async () => {
    const kind = freshKind('moved');
    const clock = manualClock(T);
    const timer = await schedule(kind, 'ticket-2', T);
    const extended = ms(T, 3 * 86_400_000);
    await ds.transaction((tx) => timers.schedule(tx, { kind, key: 'ticket-2', dueAt: extended }));
    const p = poller({ [kind]: recordEffect }, { clock: clock.now });

    expect(await p.fireDue()).toBe(0);
    clock.set(ms(extended, -1));
    expect(await p.fireDue()).toBe(0);
    clock.set(extended);
    expect(await p.fireDue()).toBe(1);
    expect(await effectsOf(kind)).toEqual([{ timer_id: timer.id, key: 'ticket-2' }]);
  });

  it('a cancelled timer never fires', async () => {
    const kind = freshKind('cancelled');
    await schedule(kind, 'ticket-3', T);
    expect(await ds.transaction((tx) => timers.cancel(tx, kind, 'ticket-3'))).toBe(true);
    expect(await poller({ [kind]: recordEffect }, { clock: () => ms(T, 86_400_000) }).fireDue()).toBe(0);
    expect(await effectsOf(kind)).toEqual([]);
  });

  /** Runs `change` while a poller is inside the handler of (kind, key): the change must wait for the row lock. */
  async function whileFiring<T>(kind: string, key: string, change: () => Promise<T>): Promise<{ fired: number; changed: T }> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const handlerEntered = new Promise<void>((r) => (entered = r));
    const p = poller(
      {
        [kind]: async (t, tx) => {
          entered();
          await released;
          await recordEffect(t, tx);
        },
      },
      { clock: () => T },
    );
    const firing = p.fireDue();
    await handlerEntered;
    const changing = change();
    // The change now waits on the row lock the firing transaction holds.
    await waitFor(async () => {
      const [{ c }] = await ds.query(`SELECT count(*)::int AS c FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return c > 0 ? true : undefined;
    });
    release();
    return { fired: await firing, changed: await changing };
  }

  it('a cancel racing a firing waits for it, then reports it too late: exactly one of the two happens', async () => {
    const kind = freshKind('race');
    await schedule(kind, 'ticket-4', T);
    const { fired, changed } = await whileFiring(kind, 'ticket-4', () => ds.transaction((tx) => timers.cancel(tx, kind, 'ticket-4')));
    expect(fired).toBe(1);
    expect(changed).toBe(false);
    expect(await effectsOf(kind)).toHaveLength(1);
  });

  it('a schedule racing a firing waits for it, then starts a new timer', async () => {
    const kind = freshKind('race2');
    const first = await schedule(kind, 'ticket-4', T);
    const later = ms(T, 86_400_000);
    const { fired, changed } = await whileFiring(kind, 'ticket-4', () => schedule(kind, 'ticket-4', later));
    expect(fired).toBe(1);
    expect(changed.id).not.toBe(first.id);
    expect(await timers.pending({ kind })).toEqual([expect.objectContaining({ id: changed.id, dueAt: later })]);
  });

  it("commits the handler's effects and the fired mark together: a throwing handler leaves neither, and is retried with backoff", async () => {
    const kind = freshKind('flaky');
    const clock = manualClock(T);
    const timer = await schedule(kind, 'ticket-5', T);
    let calls = 0;
    const errors: unknown[] = [];
    const p = poller(
      {
        [kind]: async (t, tx) => {
          calls++;
          await recordEffect(t, tx); // written, then undone by the throw below
          if (calls <= 2) throw new Error(`downstream refused (${calls})`);
        },
      },
      { clock: clock.now, retry: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 }, onError: (e) => errors.push(e) },
    );

    expect(await p.round()).toEqual({ claimed: 1, fired: 0, failed: 1 });
    expect(await effectsOf(kind)).toEqual([]);
    expect(await row(timer.id)).toMatchObject({ fired_at: null, attempts: 1, last_error: 'Error: downstream refused (1)', next_attempt_at: ms(T, 1_000), due_at: T });
    expect(errors).toHaveLength(1);

    clock.set(ms(T, 999));
    expect(await p.fireDue()).toBe(0); // not before the backoff
    clock.set(ms(T, 1_000));
    expect(await p.fireDue()).toBe(0); // second failure
    expect(await row(timer.id)).toMatchObject({ attempts: 2, next_attempt_at: ms(T, 3_000) }); // 1 s, then 2 s after the failure

    clock.set(ms(T, 3_000));
    expect(await p.fireDue()).toBe(1);
    expect(await effectsOf(kind)).toEqual([{ timer_id: timer.id, key: 'ticket-5' }]);
    expect(await row(timer.id)).toMatchObject({ fired_at: ms(T, 3_000), attempts: 2 });
  });

  it('gives up after maxAttempts: the timer is marked failed, kept for operators, and not claimed again', async () => {
    const kind = freshKind('broken');
    const clock = manualClock(T);
    const timer = await schedule(kind, 'ticket-6', T);
    const p = poller(
      {
        [kind]: async () => {
          throw new Error('always broken');
        },
      },
      { clock: clock.now, retry: { baseMs: 10, maxMs: 10, maxAttempts: 3 } },
    );
    for (let i = 0; i < 3; i++) {
      expect(await p.round()).toEqual({ claimed: 1, fired: 0, failed: 1 });
      clock.advance(10);
    }
    expect(await p.round()).toEqual({ claimed: 0, fired: 0, failed: 0 });
    const [failed] = await timers.failed({ kind });
    expect(failed).toMatchObject({ id: timer.id, state: 'failed', attempts: 3, lastError: 'Error: always broken', failedAt: ms(T, 20) });
    expect(await timers.pending({ kind })).toEqual([]);
  });

  it('one failing timer does not hold back the others in its batch', async () => {
    const kind = freshKind('mixed');
    for (const key of ['a', 'b', 'c']) await schedule(kind, key, T);
    const p = poller(
      {
        [kind]: async (t, tx) => {
          await recordEffect(t, tx);
          if (t.key === 'b') throw new Error('b is broken');
        },
      },
      { clock: () => T },
    );
    expect(await p.round()).toEqual({ claimed: 3, fired: 2, failed: 1 });
    expect((await effectsOf(kind)).map((e) => e.key).sort()).toEqual(['a', 'c']);
  });

  it("a handler's nested transactions commit or roll back with it, even one it leaves open", async () => {
    const kind = freshKind('nested');
    const clock = manualClock(T);
    for (const key of ['tidy', 'left-open-ok', 'left-open-throws']) await schedule(kind, key, T);
    const p = poller(
      {
        [kind]: async (t, tx) => {
          if (t.key === 'tidy') return tx.transaction((inner) => recordEffect(t, inner));
          await tx.queryRunner?.startTransaction(); // never committed nor rolled back by the handler
          await recordEffect(t, tx);
          if (t.key === 'left-open-throws') throw new Error('thrown inside its own savepoint');
        },
      },
      { clock: clock.now },
    );
    expect(await p.round()).toEqual({ claimed: 3, fired: 2, failed: 1 });
    expect((await effectsOf(kind)).map((e) => e.key).sort()).toEqual(['left-open-ok', 'tidy']);
    expect(await timers.pending({ kind })).toEqual([expect.objectContaining({ key: 'left-open-throws', attempts: 1 })]);
    // The batch really committed, and no pooled connection was left inside a transaction.
    const [{ c }] = await ds.query(`SELECT count(*)::int AS c FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
    expect(c).toBe(0);
  });

  it('a handler still running after handlerTimeoutMs abandons its batch (nothing commits) and counts as a failed attempt', async () => {
    const kind = freshKind('hangs');
    const clock = manualClock(T);
    const fine = await schedule(kind, 'fine', ms(T, -1_000));
    const hangs = await schedule(kind, 'hangs', T);
    const p = poller(
      {
        [kind]: async (t, tx) => {
          await recordEffect(t, tx);
          if (t.key === 'hangs') await new Promise(() => undefined); // never settles
        },
      },
      { clock: clock.now, handlerTimeoutMs: 300, leaseMs: 5_000, retry: { baseMs: 1_000, maxMs: 1_000 } },
    );
    await expect(p.round()).rejects.toThrow(/still running after 300 ms/);
    expect(await effectsOf(kind)).toEqual([]); // "fine" fired in the same batch: rolled back too
    expect((await timers.pending({ kind })).map((t) => [t.key, t.attempts])).toEqual([
      ['fine', 0],
      ['hangs', 1],
    ]);
    expect((await row(hangs.id)).next_attempt_at).toEqual(ms(T, 1_000));
    expect(await p.round()).toEqual({ claimed: 1, fired: 1, failed: 0 }); // "fine"; "hangs" waits for its retry
    expect(await effectsOf(kind)).toEqual([{ timer_id: fine.id, key: 'fine' }]);
  });

  it('an outbox event appended by the handler commits with the fired mark, and not at all when the handler fails', async () => {
    const kind = freshKind('outbox');
    const Overdue = defineEvent<{ ticketId: string }>({
      name: 'complaints.ticket.handling_overdue',
      version: 1,
      topic: 'complaints.events',
      summary: 'The handling time limit of a ticket passed (test event).',
      schema: { type: 'object', required: ['ticketId'], properties: { ticketId: { type: 'string' } } },
      example: { ticketId: 't-1' },
    });
    const outbox = new Outbox('/tests/scheduling');
    const clock = manualClock(T);
    const timer = await schedule(kind, 'ticket-7', T);
    let fail = true;
    const p = poller(
      {
        [kind]: async (t, tx) => {
          await outbox.append(tx, Overdue, { aggregateId: t.key, data: { ticketId: t.key } });
          if (fail) throw new Error('the handler failed after appending');
        },
      },
      { clock: clock.now, retry: { baseMs: 1_000, maxMs: 1_000 } },
    );
    const events = async () => (await ds.query(`SELECT aggregate_id FROM messaging_outbox WHERE aggregate_id = 'ticket-7'`)).length;

    expect(await p.fireDue()).toBe(0);
    expect(await events()).toBe(0);
    expect((await row(timer.id)).fired_at).toBeNull();

    fail = false;
    clock.advance(1_000);
    expect(await p.fireDue()).toBe(1);
    expect(await events()).toBe(1);
    expect(await p.fireDue()).toBe(0);
    expect(await events()).toBe(1);
  });

  it('a handler may schedule the next timer for the same (kind, key), e.g. a recurring reminder', async () => {
    const kind = freshKind('recurring');
    const clock = manualClock(T);
    const first = await schedule(kind, 'ticket-8', T, { round: 1 });
    const p = poller(
      {
        [kind]: async (t, tx: EntityManager) => {
          await recordEffect(t, tx);
          const round = (t.payload as { round: number }).round;
          if (round < 3) await timers.schedule(tx, { kind, key: t.key, dueAt: ms(t.dueAt, 1_000), payload: { round: round + 1 } });
        },
      },
      { clock: clock.now },
    );
    expect(await p.fireDue()).toBe(1);
    const [next] = await timers.pending({ kind });
    expect(next).toMatchObject({ dueAt: ms(T, 1_000), payload: { round: 2 } });
    expect(next?.id).not.toBe(first.id);
    clock.advance(1_000);
    expect(await p.fireDue()).toBe(1);
    clock.advance(1_000);
    expect(await p.fireDue()).toBe(1);
    expect(await effectsOf(kind)).toHaveLength(3);
    expect(await timers.pending({ kind })).toEqual([]);
  });

  it('claims only the kinds it has handlers for: a timer of another kind stays pending for a poller that has one', async () => {
    const mine = freshKind('mine');
    const theirs = freshKind('theirs');
    await schedule(mine, 'x', T);
    const other = await schedule(theirs, 'x', T);
    expect(await poller({ [mine]: recordEffect }, { clock: () => ms(T, 1) }).round()).toEqual({ claimed: 1, fired: 1, failed: 0 });
    expect(await timers.pending({ kind: theirs })).toEqual([expect.objectContaining({ id: other.id, attempts: 0, state: 'pending' })]);
    expect(await poller({ [theirs]: recordEffect }, { clock: () => ms(T, 1) }).fireDue()).toBe(1);
  });

  it('claims in batches, soonest first', async () => {
    const kind = freshKind('batch');
    for (let i = 0; i < 7; i++) await schedule(kind, `k${i}`, ms(T, -i * 1000)); // k6 is the oldest
    const p = poller({ [kind]: recordEffect }, { clock: () => T, batchSize: 3 });
    expect(await p.round()).toMatchObject({ claimed: 3, fired: 3 });
    expect((await effectsOf(kind)).map((e) => e.key)).toEqual(['k6', 'k5', 'k4']);
    expect(await p.fireDue()).toBe(3);
    expect(await p.fireDue()).toBe(1);
    expect(await p.fireDue()).toBe(0);
  });

  it('running on real time, fires a timer soon after it is due, never before, waking for it rather than waiting a whole poll interval', async () => {
    const kind = freshKind('realtime');
    const dueAt = new Date(Date.now() + 400);
    const timer = await schedule(kind, 'soon', dueAt);
    // Nothing is due at the first round, so the poller sleeps until the timer's due time (capped
    // by pollMs, here far longer than the wait below allows).
    const p = poller({ [kind]: recordEffect }, { pollMs: 60_000 });
    await p.start();
    try {
      const [effect] = await waitFor(async () => {
        const found: { at: Date }[] = await ds.query(`SELECT at FROM timer_effect WHERE timer_id = $1`, [timer.id]);
        return found.length > 0 ? found : undefined;
      }, 10_000);
      expect(effect.at.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
      expect(((await row(timer.id)).fired_at as Date).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    } finally {
      await p.stop();
    }
  });
});

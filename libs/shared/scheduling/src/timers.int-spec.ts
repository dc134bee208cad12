import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@one-window/shared/testing';
import { Timers } from './timers';
import { openTestDataSource } from './testing/fixtures';

describe('Timers: scheduling inside the caller transaction', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let timers: Timers;
  const due = new Date('2026-10-10T00:00:00+08:00');

  beforeAll(async () => {
    db = await createTestDatabase('sched_timers');
    ds = await openTestDataSource(db.url);
    timers = new Timers(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('refuses to schedule, move or cancel outside a transaction', async () => {
    const t = { kind: 'demo.outside', key: 'k', dueAt: due };
    await expect(timers.schedule(ds.manager, t)).rejects.toThrow(/inside a transaction/);
    await expect(timers.reschedule(ds.manager, t.kind, t.key, due)).rejects.toThrow(/inside a transaction/);
    await expect(timers.cancel(ds.manager, t.kind, t.key)).rejects.toThrow(/inside a transaction/);
  });

  it('a rolled-back state change leaves no timer behind', async () => {
    await expect(
      ds.transaction(async (tx) => {
        await timers.schedule(tx, { kind: 'demo.rollback', key: 'k', dueAt: due });
        throw new Error('business rule failed after scheduling');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await timers.pending({ kind: 'demo.rollback' })).toEqual([]);
  });

  it('refuses an invalid due time or an empty kind or key', async () => {
    await ds.transaction(async (tx) => {
      await expect(timers.schedule(tx, { kind: 'demo.invalid', key: 'k', dueAt: new Date('nonsense') })).rejects.toThrow(/valid Date/);
      await expect(timers.schedule(tx, { kind: '', key: 'k', dueAt: due })).rejects.toThrow(/kind/);
      await expect(timers.schedule(tx, { kind: 'demo.invalid', key: '', dueAt: due })).rejects.toThrow(/key/);
    });
  });

  it('is idempotent per (kind, key): scheduling again moves the one pending timer and replaces its payload', async () => {
    const first = await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.idem', key: 'ticket-1', dueAt: due, payload: { v: 1 } }));
    const later = new Date(due.getTime() + 3_600_000);
    const again = await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.idem', key: 'ticket-1', dueAt: later, payload: { v: 2 } }));
    expect(again.id).toBe(first.id);
    const pending = await timers.pending({ kind: 'demo.idem' });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ id: first.id, key: 'ticket-1', dueAt: later, nextAttemptAt: later, payload: { v: 2 }, state: 'pending' });
    // Another key of the same kind is another timer.
    await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.idem', key: 'ticket-2', dueAt: due }));
    expect((await timers.pending({ kind: 'demo.idem' })).map((t) => t.key)).toEqual(['ticket-2', 'ticket-1']);
  });

  it('ensurePending (a recurring job at start): instances starting together leave one pending timer; a pending one is kept', async () => {
    const next = () => ({ key: 'nightly', dueAt: due });
    const results = await Promise.all([1, 2, 3].map(() => timers.ensurePending('demo.recurring', next)));
    expect(results).toContain(true);
    const pending = await timers.pending({ kind: 'demo.recurring' });
    expect(pending.map((t) => [t.key, t.dueAt.toISOString()])).toEqual([['nightly', due.toISOString()]]);
    expect(await timers.ensurePending('demo.recurring', () => ({ key: 'other', dueAt: new Date(due.getTime() + 1) }))).toBe(false);
    expect((await timers.pending({ kind: 'demo.recurring' })).map((t) => t.key)).toEqual(['nightly']);
  });

  it('reschedule moves a pending timer and keeps its payload, but creates none', async () => {
    await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.move', key: 'k', dueAt: due, payload: { keep: true } }));
    const suspendedUntil = new Date(due.getTime() + 2 * 86_400_000);
    const moved = await ds.transaction((tx) => timers.reschedule(tx, 'demo.move', 'k', suspendedUntil));
    expect(moved).toMatchObject({ dueAt: suspendedUntil, payload: { keep: true } });
    expect(await ds.transaction((tx) => timers.reschedule(tx, 'demo.move', 'never-scheduled', due))).toBeUndefined();
    expect(await timers.pending({ kind: 'demo.move', key: 'never-scheduled' })).toEqual([]);
  });

  it('cancel ends the pending timer once; the same (kind, key) may then be scheduled afresh', async () => {
    const first = await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.cancel', key: 'k', dueAt: due }));
    expect(await ds.transaction((tx) => timers.cancel(tx, 'demo.cancel', 'k'))).toBe(true);
    expect(await ds.transaction((tx) => timers.cancel(tx, 'demo.cancel', 'k'))).toBe(false);
    expect(await timers.pending({ kind: 'demo.cancel' })).toEqual([]);
    const second = await ds.transaction((tx) => timers.schedule(tx, { kind: 'demo.cancel', key: 'k', dueAt: due }));
    expect(second.id).not.toBe(first.id);
    const [{ state }] = await ds.query(`SELECT CASE WHEN cancelled_at IS NULL THEN 'open' ELSE 'cancelled' END AS state FROM scheduling_timer WHERE id = $1`, [first.id]);
    expect(state).toBe('cancelled');
  });
});

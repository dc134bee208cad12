import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, waitFor } from '@one-window/shared/testing';
import { PENDING } from '../timer';
import { effectCounts, openTestDataSource, PollerProcess, scheduleMany, spawnPollerProcess } from '../testing/fixtures';

/**
 * Two pollers in two OS processes share one timer table. Every timer must fire exactly once:
 * one effect row each, whatever happens to one of the processes mid-batch.
 */
describe('timers fire exactly once with two poller processes', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let spawned: PollerProcess[] = [];
  const TIMERS = 500;

  beforeEach(async () => {
    db = await createTestDatabase('sched_procs');
    ds = await openTestDataSource(db.url);
  });
  afterEach(async () => {
    // A failed test may leave a process running or frozen: end the ones this file started.
    for (const p of spawned) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    spawned = [];
    await ds.destroy();
    await db.drop();
  });

  const startBoth = async (a: Record<string, string>, b: Record<string, string>): Promise<[PollerProcess, PollerProcess]> => {
    const procs = [spawnPollerProcess({ DATABASE_URL: db.url, ...a }), spawnPollerProcess({ DATABASE_URL: db.url, ...b })] as const;
    spawned.push(...procs);
    await Promise.all(procs.map((p) => p.printed((lines) => lines.includes('ready'))));
    for (const p of procs) p.send('go'); // both start polling together
    return [procs[0], procs[1]];
  };
  const allFired = () =>
    waitFor(async () => {
      const [{ c }] = await ds.query(`SELECT count(*)::int AS c FROM scheduling_timer WHERE ${PENDING}`);
      return c === 0 ? true : undefined;
    }, 45_000);
  const stop = async (p: PollerProcess) => {
    p.send('stop');
    return p.exited;
  };
  /** The pid whose effect row counts for each timer id. */
  const firedBy = async (): Promise<Map<string, number>> =>
    new Map(((await ds.query(`SELECT timer_id, pid FROM timer_effect`)) as { timer_id: string; pid: number }[]).map((r) => [r.timer_id, r.pid]));

  const expectEachFiredOnce = async (ids: string[]) => {
    const counts = await effectCounts(ds);
    expect(counts.size).toBe(ids.length);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    const [{ fired }] = await ds.query(`SELECT count(*)::int AS fired FROM scheduling_timer WHERE fired_at IS NOT NULL`);
    expect(fired).toBe(ids.length);
  };

  it('both running: 500 due timers, each fired once, the work shared between the processes', async () => {
    const ids = await scheduleMany(ds, TIMERS, new Date(Date.now() - 1_000));
    const [a, b] = await startBoth({ BATCH_SIZE: '20', HANDLER_DELAY_MS: '2' }, { BATCH_SIZE: '20', HANDLER_DELAY_MS: '2' });
    await allFired();
    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);

    await expectEachFiredOnce(ids);
    const pids = [...(await firedBy()).values()];
    expect(pids.filter((pid) => pid === a.child.pid).length).toBeGreaterThan(0);
    expect(pids.filter((pid) => pid === b.child.pid).length).toBeGreaterThan(0);
  });

  it('one process SIGKILLed in the middle of a batch: its batch rolls back and the other fires every timer, each once', async () => {
    const ids = await scheduleMany(ds, TIMERS, new Date(Date.now() - 1_000));
    const [a, b] = await startBoth({ BATCH_SIZE: '20', HANDLER_DELAY_MS: '10' }, { BATCH_SIZE: '20', HANDLER_DELAY_MS: '10' });
    // 30 handlers started in batches of 20: the kill lands while the second batch is running.
    await a.printed((lines) => lines.filter((l) => l.startsWith('handling ')).length >= 30);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe(-1);
    await allFired();
    expect(await stop(b)).toBe(0);

    await expectEachFiredOnce(ids);
    // Timers the killed process had started on but not committed were fired again, by the survivor.
    const by = await firedBy();
    const takenOver = a.handled().filter((id) => by.get(id) === b.child.pid);
    expect(takenOver.length).toBeGreaterThan(0);
  });

  it('one process frozen (SIGSTOP) in the middle of a batch: after its lease the other fires its timers; thawed, it cannot commit them again', async () => {
    const ids = await scheduleMany(ds, TIMERS, new Date(Date.now() - 1_000));
    const [a, b] = await startBoth(
      { BATCH_SIZE: '20', HANDLER_DELAY_MS: '10', LEASE_MS: '1000' },
      { BATCH_SIZE: '20', HANDLER_DELAY_MS: '10', LEASE_MS: '1000' },
    );
    await a.printed((lines) => lines.filter((l) => l.startsWith('handling ')).length >= 30);
    a.child.kill('SIGSTOP');
    const frozenAt = a.handled().length;
    await allFired(); // includes the frozen batch, released when PostgreSQL ended the idle session
    a.child.kill('SIGCONT');
    // Thawed, the frozen process finds its session gone: its batch (effects and marks) is lost.
    await a.printed((lines) => lines.some((l) => l.startsWith('error ')));
    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);

    await expectEachFiredOnce(ids);
    const by = await firedBy();
    const takenOver = a.handled().slice(0, frozenAt).filter((id) => by.get(id) === b.child.pid);
    expect(takenOver.length).toBeGreaterThan(0);
  });
});

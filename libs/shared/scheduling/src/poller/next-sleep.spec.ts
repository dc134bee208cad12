import fc from 'fast-check';
import { AfterRound, nextSleepMs } from './next-sleep';

describe('the sleep between two rounds', () => {
  const claimedAt = new Date('2026-10-10T00:00:00.000Z');
  const now = new Date(claimedAt.getTime() + 30); // the round took 30 ms
  const at = (ms: number) => new Date(now.getTime() + ms);
  const base: AfterRound = { claimedAt, now, claimed: 0, batchSize: 100, pollMs: 1_000, heldByOtherMs: 50 };

  it('is zero after a full batch: more timers may be due already', () => {
    expect(nextSleepMs({ ...base, claimed: 100, nextAttemptAt: at(500) })).toBe(0);
  });

  it('is pollMs when nothing is pending', () => {
    expect(nextSleepMs(base)).toBe(1_000);
  });

  it('lasts until the next timer is due, when that is sooner than pollMs', () => {
    expect(nextSleepMs({ ...base, nextAttemptAt: at(1) })).toBe(1);
    expect(nextSleepMs({ ...base, claimed: 99, nextAttemptAt: at(250) })).toBe(250);
  });

  it('is capped by pollMs, so a timer scheduled meanwhile for sooner is seen in time', () => {
    expect(nextSleepMs({ ...base, nextAttemptAt: at(86_400_000) })).toBe(1_000);
  });

  it('is zero when a timer became due while the round ran', () => {
    expect(nextSleepMs({ ...base, nextAttemptAt: at(0) })).toBe(0);
    expect(nextSleepMs({ ...base, nextAttemptAt: new Date(claimedAt.getTime() + 1) })).toBe(0);
  });

  it('is heldByOtherMs when a timer was due at claim time yet not claimed (another poller holds it)', () => {
    expect(nextSleepMs({ ...base, nextAttemptAt: claimedAt })).toBe(50);
    expect(nextSleepMs({ ...base, nextAttemptAt: new Date(claimedAt.getTime() - 5_000) })).toBe(50);
    expect(nextSleepMs({ ...base, pollMs: 20, nextAttemptAt: claimedAt })).toBe(20);
  });

  it('is always a whole number between 0 and pollMs, and never ends before the next timer is due', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.option(fc.integer({ min: -86_400_000, max: 86_400_000 }), { nil: undefined }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        (claimed, batchSize, roundMs, untilNext, pollMs, heldByOtherMs) => {
          const after = new Date(claimedAt.getTime() + roundMs);
          const nextAttemptAt = untilNext === undefined ? undefined : new Date(after.getTime() + untilNext);
          const sleep = nextSleepMs({ claimedAt, now: after, claimed, batchSize, pollMs, heldByOtherMs, nextAttemptAt });
          expect(Number.isInteger(sleep)).toBe(true);
          expect(sleep).toBeGreaterThanOrEqual(0);
          expect(sleep).toBeLessThanOrEqual(pollMs);
          if (claimed < batchSize && untilNext !== undefined && untilNext > 0) expect(sleep).toBe(Math.min(untilNext, pollMs));
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { afterFailure, DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-backoff';

describe('retry backoff', () => {
  const policy = { maxAttempts: 5, baseMs: 1_000, maxMs: 10_000 };
  const now = new Date('2026-10-10T00:00:00Z');

  it('doubles from baseMs after each failure, up to maxMs', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => retryDelayMs(a, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('retries at now + the delay until maxAttempts, then gives up', () => {
    expect(afterFailure(1, now, policy)).toEqual({ retryAt: new Date('2026-10-10T00:00:01Z') });
    expect(afterFailure(4, now, policy)).toEqual({ retryAt: new Date('2026-10-10T00:00:08Z') });
    expect(afterFailure(5, now, policy)).toEqual({ giveUp: true });
    expect(afterFailure(6, now, policy)).toEqual({ giveUp: true });
  });

  it('by default retries for about two and a half hours before giving up', () => {
    let total = 0;
    for (let a = 1; a < DEFAULT_RETRY_POLICY.maxAttempts; a++) total += retryDelayMs(a, DEFAULT_RETRY_POLICY);
    expect(total).toBe((1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256 + 512 + 9 * 900) * 1_000); // 9,123 s
    expect(afterFailure(DEFAULT_RETRY_POLICY.maxAttempts, now, DEFAULT_RETRY_POLICY)).toEqual({ giveUp: true });
  });

  it('never shrinks, never exceeds maxMs and never goes below baseMs (for any attempt count, even huge ones)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 3_600_000 }), (a, baseMs, extra) => {
        const p = { baseMs, maxMs: baseMs + extra };
        const d = retryDelayMs(a, p);
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(baseMs);
        expect(d).toBeLessThanOrEqual(p.maxMs);
        expect(retryDelayMs(a + 1, p)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

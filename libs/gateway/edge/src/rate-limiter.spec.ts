import fc from 'fast-check';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter (token bucket)', () => {
  it('allows exactly `limit` requests in a burst, then refuses with Retry-After', () => {
    const rl = new RateLimiter(3, 60_000);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => rl.take('a', t).allowed)).toEqual([true, true, true]);
    const refused = rl.take('a', t);
    expect(refused).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 60, retryAfterSeconds: 20 });
  });

  it('refills at limit/window: one request allowed again exactly after window/limit, not a millisecond before', () => {
    const rl = new RateLimiter(3, 60_000);
    const t = 0;
    for (let i = 0; i < 3; i++) rl.take('a', t);
    expect(rl.take('a', t + 19_999).allowed).toBe(false);
    expect(rl.take('a', t + 20_000).allowed).toBe(true);
  });

  it('keeps clients apart', () => {
    const rl = new RateLimiter(1, 1_000);
    expect(rl.take('a', 0).allowed).toBe(true);
    expect(rl.take('a', 0).allowed).toBe(false);
    expect(rl.take('b', 0).allowed).toBe(true);
  });

  it('never allows more than limit + elapsed*rate requests (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }), (limit, gaps) => {
        const windowMs = 10_000;
        const rl = new RateLimiter(limit, windowMs);
        let now = 0;
        let allowed = 0;
        for (const g of gaps) {
          now += g;
          if (rl.take('k', now).allowed) allowed++;
        }
        return allowed <= limit + Math.floor((now * limit) / windowMs);
      }),
    );
  });

  it('remaining counts down and never goes negative', () => {
    const rl = new RateLimiter(2, 1_000);
    expect(rl.take('a', 0).remaining).toBe(1);
    expect(rl.take('a', 0).remaining).toBe(0);
    expect(rl.take('a', 0).remaining).toBe(0);
  });
});

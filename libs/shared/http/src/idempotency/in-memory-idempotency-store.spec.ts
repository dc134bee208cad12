import { DEFAULT_IDEMPOTENCY_TTL_SECONDS } from './idempotency-store';
import { InMemoryIdempotencyStore } from './in-memory-idempotency-store';

describe('InMemoryIdempotencyStore', () => {
  let now = 0;
  const store = new InMemoryIdempotencyStore(() => now);
  const claim = { key: 'k', scope: 's', fingerprint: 'f1', ttlSeconds: DEFAULT_IDEMPOTENCY_TTL_SECONDS };

  beforeEach(() => {
    now = Date.parse('2025-01-01T00:00:00Z');
  });

  it('claims a free key once; a second claim sees the in-flight record', async () => {
    expect(await store.claim(claim)).toEqual({ claimed: true });
    expect(await store.claim({ ...claim, fingerprint: 'f2' })).toEqual({
      claimed: false,
      record: { key: 'k', scope: 's', fingerprint: 'f1', expiresAt: new Date('2025-01-02T00:00:00Z') },
    });
    await store.complete('k', 's', { status: 201, body: { id: 1 }, headers: { location: '/x/1' } });
    const again = await store.claim(claim);
    expect(again.claimed === false && again.record.response).toEqual({ status: 201, body: { id: 1 }, headers: { location: '/x/1' } });
  });

  it('forgets a key after 24 hours', async () => {
    await store.claim({ ...claim, key: 'old' });
    await store.complete('old', 's', { status: 201, body: null, headers: {} });
    now += DEFAULT_IDEMPOTENCY_TTL_SECONDS * 1000 - 1;
    expect((await store.claim({ ...claim, key: 'old' })).claimed).toBe(false);
    now += 1;
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await store.claim({ ...claim, key: 'old' })).toEqual({ claimed: true });
  });

  it('release frees an in-flight key but never a completed one', async () => {
    await store.claim({ ...claim, key: 'r' });
    await store.release('r', 's');
    expect(await store.claim({ ...claim, key: 'r' })).toEqual({ claimed: true });
    await store.complete('r', 's', { status: 200, body: 1, headers: {} });
    await store.release('r', 's');
    expect((await store.claim({ ...claim, key: 'r' })).claimed).toBe(false);
  });
});

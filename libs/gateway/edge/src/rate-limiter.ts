/**
 * A token-bucket rate limiter per client key (the token's subject, else the client address).
 * Answers with the figures of the IETF RateLimit header fields draft:
 *   RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds until the bucket is full again)
 * and, when refused, Retry-After (seconds until one request is allowed).
 * In-memory per gateway instance; with several instances each enforces its share.
 */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  /** @param limit requests allowed per window; @param windowMs the window (the bucket refills fully in it). */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {
    if (limit < 1 || windowMs < 1) throw new Error('rate limit and window must be positive');
    this.refillPerMs = limit / windowMs;
  }

  take(key: string, now: number): RateLimitDecision {
    const bucket = this.refill(key, now);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const missing = this.limit - bucket.tokens;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil(missing / this.refillPerMs / 1000),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)),
    };
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evictFull(now);
      bucket = { tokens: this.limit, updatedAt: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.limit, bucket.tokens + elapsed * this.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  /** Drops buckets that have refilled completely: they carry no information. */
  private evictFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.updatedAt) * this.refillPerMs >= this.limit) this.buckets.delete(key);
    }
  }
}

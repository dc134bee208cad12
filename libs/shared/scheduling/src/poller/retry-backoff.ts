export interface RetryPolicy {
  /** Attempts (handler runs that threw) after which a timer is marked failed and left alone. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
}

/** About two and a half hours of retries (1 s, 2 s, 4 s, ... then every 15 minutes) before giving up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 20, baseMs: 1_000, maxMs: 900_000 };

/** What happens to a timer whose handler has now thrown `attempts` times (1 after the first failure). */
export type AfterFailure = { retryAt: Date } | { giveUp: true };

export function afterFailure(attempts: number, now: Date, policy: RetryPolicy): AfterFailure {
  if (attempts >= policy.maxAttempts) return { giveUp: true };
  return { retryAt: new Date(now.getTime() + retryDelayMs(attempts, policy)) };
}

/** baseMs, 2 x baseMs, 4 x baseMs, ... capped at maxMs. */
export function retryDelayMs(attempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 52));
  return Math.min(policy.baseMs * 2 ** doublings, policy.maxMs);
}

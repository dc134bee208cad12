export interface AfterRound {
  /** The "now" the round claimed with: timers due by then were claimable. */
  claimedAt: Date;
  /** Now, after the round. */
  now: Date;
  /** Timers the round claimed. */
  claimed: number;
  batchSize: number;
  /** The earliest next attempt among pending timers this poller handles, if any. */
  nextAttemptAt?: Date;
  /** The longest sleep: a timer scheduled meanwhile for sooner is seen at most this late. */
  pollMs: number;
  /** Sleep when timers were due at claim time but not claimed: another poller holds them. */
  heldByOtherMs: number;
}

/** How long a poller sleeps before its next round, in whole milliseconds (it never wakes early for a timer). */
export function nextSleepMs(r: AfterRound): number {
  if (r.claimed >= r.batchSize) return 0; // a full batch: more may be due right now
  if (!r.nextAttemptAt) return r.pollMs;
  const next = r.nextAttemptAt.getTime();
  if (next <= r.claimedAt.getTime()) return Math.min(r.heldByOtherMs, r.pollMs); // due, yet skipped: locked elsewhere
  if (next <= r.now.getTime()) return 0; // became due while the round ran
  return Math.min(next - r.now.getTime(), r.pollMs);
}

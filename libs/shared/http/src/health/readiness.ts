/**
 * A readiness check resolves when the dependency is usable and rejects (or hangs) when it is not.
 * It may resolve with details worth reporting while up (e.g. a calendar running on a fallback).
 */
export type HealthCheck = () => Promise<void | Record<string, unknown>>;

export interface CheckResult {
  status: 'up' | 'down';
  durationMs: number;
  /** Why a check is down: `timeout`, or `failed` (the error itself is only logged). */
  reason?: 'timeout' | 'failed';
  /** What an up check chose to report. */
  details?: Record<string, unknown>;
  /** The error of a failed check, for the log; never sent to clients. */
  error?: unknown;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

const TIMED_OUT = Symbol('timeout');

/** Runs every check at once, each bounded by `timeoutMs`. */
export async function runReadinessChecks(checks: Record<string, HealthCheck>, timeoutMs: number): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await runOne(check, timeoutMs)] as const),
  );
  return { ready: entries.every(([, result]) => result.status === 'up'), checks: Object.fromEntries(entries) };
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const outcome = await Promise.race([Promise.resolve().then(check), timeout]);
    if (outcome === TIMED_OUT) return { status: 'down', durationMs: elapsed(), reason: 'timeout' };
    return outcome ? { status: 'up', durationMs: elapsed(), details: outcome } : { status: 'up', durationMs: elapsed() };
  } catch (error) {
    return { status: 'down', durationMs: elapsed(), reason: 'failed', error };
  } finally {
    clearTimeout(timer);
  }
}

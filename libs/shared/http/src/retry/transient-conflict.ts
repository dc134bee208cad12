/**
 * PostgreSQL's answers that mean "your transaction lost a race, run it again": deadlock_detected
 * (40P01: e.g. a command locks an aggregate then its timer while the timer poller holds the timer and
 * wants the aggregate) and serialization_failure (40001, REPEATABLE READ / SERIALIZABLE). The
 * transaction was rolled back whole, so running it again is safe. As the pg driver or TypeORM's
 * QueryFailedError (`driverError`) carry them.
 */
export const TRANSIENT_CONFLICT_SQLSTATES: readonly string[] = ['40P01', '40001'];

export function isTransientConflict(e: unknown): boolean {
  const err = e as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = err?.code ?? err?.driverError?.code;
  return typeof code === 'string' && TRANSIENT_CONFLICT_SQLSTATES.includes(code);
}

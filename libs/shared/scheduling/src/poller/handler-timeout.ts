import type { Timer } from '../timer';

/**
 * A handler still running after its time: it may still be using the connection, so the whole
 * batch is abandoned (rolled back) rather than just this timer's savepoint, and the connection
 * goes back to the pool. The timer's attempt is then recorded on its own.
 */
export class HandlerTimeoutError extends Error {
  constructor(readonly timer: Timer, readonly afterMs: number) {
    super(`handler for timer ${timer.kind}/${timer.key} still running after ${afterMs} ms`);
    this.name = 'HandlerTimeoutError';
  }
}

/** `work`, or a HandlerTimeoutError once `ms` have passed (the work itself is not cancelled). */
export async function withinTime(work: Promise<void>, timer: Timer, ms: number): Promise<void> {
  let timeout: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timeout = setTimeout(() => reject(new HandlerTimeoutError(timer, ms)), ms);
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timeout);
  }
}

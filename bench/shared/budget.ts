/**
 * A run stops by itself: shortly before its budget the watchdog cleans up, writes the partial results
 * and exits 2 (at the budget itself, 3, whatever still hangs); SIGINT and SIGTERM clean up and exit 130.
 */
import { log } from './log';

/** What the phases of a run look at (stop when `aborted`) and the status its results carry. */
export class RunState {
  status = 'complete';
  aborted = false;
}

export interface Guard {
  budgetS: number;
  /** How long before the budget the watchdog starts cleaning up. */
  reserveMs: number;
  /** Marked aborted on the budget or a signal; on the budget, its status says so. */
  run: RunState;
  cleanUp: () => Promise<void>;
  /** Writes the partial results, returns the file. */
  writeResults: () => string;
}

/** Arms the watchdog and the signal handlers; returns what disarms the watchdog. */
export function guardRun(g: Guard): () => void {
  const watchdog = setTimeout(
    () => {
      g.run.aborted = true;
      g.run.status = 'aborted: budget exhausted';
      log(`budget of ${g.budgetS}s nearly used up: cleaning up and exiting`);
      void g.cleanUp().finally(() => {
        log(`partial results: ${g.writeResults()}`);
        process.exit(2);
      });
    },
    g.budgetS * 1000 - g.reserveMs,
  );
  setTimeout(() => process.exit(3), g.budgetS * 1000).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      g.run.aborted = true;
      log(`${signal}: cleaning up`);
      void g.cleanUp().finally(() => process.exit(130));
    });
  }
  return () => clearTimeout(watchdog);
}

import { CodedError } from '@one-window/shared/state-machine';

/**
 * The root of every error the complaints domain throws. Each error carries a stable `code`
 * ('complaints.<area>.<reason>') that the app maps to HTTP in one registry (most are 409/422
 * problem+json naming the state and guard, spec §3.4), and JSON-safe `details`.
 */
export abstract class ComplaintsError extends CodedError {}

/** An argument is malformed (a programming or input error the app should have caught). */
export class InvalidArgumentError extends ComplaintsError {
  readonly code = 'complaints.invalid_argument';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A time-dependent action came too early (e.g. a timer fired before its instant). */
export class NotYetDueError extends ComplaintsError {
  readonly code = 'complaints.timer.not_yet_due';

  constructor(what: string, dueAt: Date, at: Date) {
    super(`${what} is due at ${dueAt.toISOString()}, not at ${at.toISOString()}`, {
      what,
      dueAt: dueAt.toISOString(),
      at: at.toISOString(),
    });
  }
}

/**
 * A business rule refused a command. `area` is the aggregate part the rule is about
 * ('extension', 'return', 'rehandling', ...) and `reason` a snake_case reason: the code is
 * 'complaints.<area>.<reason>'. Subclasses fix the area so callers can test with instanceof.
 */
export abstract class ComplaintsRuleError extends ComplaintsError {
  readonly code: string;

  protected constructor(
    readonly area: string,
    readonly reason: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { ...details, reason });
    this.code = `complaints.${area}.${reason}`;
  }
}

/**
 * The caller acted from another phone number or account than the original request
 * (002 L1495: supplement, add facts, check progress or withdraw with the same number or account).
 */
export class NotSameCallerError extends ComplaintsError {
  readonly code = 'complaints.caller.not_same_contact';

  constructor(aggregateId: string) {
    super(`Only the original phone number or account may act on ${aggregateId} (002 L1495)`, { aggregateId });
  }
}

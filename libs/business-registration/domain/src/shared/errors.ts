import { CodedError } from '@one-window/shared/state-machine';

/**
 * The root of every error the business-registration domain throws. Each error carries a stable
 * `code` ('registration.<area>.<reason>') that the app maps to HTTP in one registry, and
 * optional `details` (JSON-safe) for the problem body.
 */
export abstract class RegistrationError extends CodedError {}

/** An argument is malformed (a programming or input error the app should have caught). */
export class InvalidArgumentError extends RegistrationError {
  readonly code = 'registration.invalid_argument';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A time-dependent action came too early (e.g. a timer fired before its instant). */
export class NotYetDueError extends RegistrationError {
  readonly code = 'registration.not_yet_due';

  constructor(what: string, dueAt: Date, at: Date) {
    super(`${what} is due at ${dueAt.toISOString()}, not at ${at.toISOString()}`, {
      dueAt: dueAt.toISOString(),
      at: at.toISOString(),
    });
  }
}

/** A reason code, reasons or supplement items were required and missing (the officer route, §3.2). */
export class ReasonRequiredError extends RegistrationError {
  readonly code = 'registration.application.reason_required';

  constructor(what: string) {
    super(`${what} needs a reason`);
  }
}

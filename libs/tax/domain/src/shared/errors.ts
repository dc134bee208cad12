import { CodedError } from '@one-window/shared/state-machine';

/**
 * The root of every error the tax domain throws. Each carries a stable `code`
 * ('tax.<area>.<reason>') that the app maps to HTTP in one registry (apps/tax/src/problem-types.ts),
 * and optional JSON-safe `details` for the problem body.
 */
export abstract class TaxError extends CodedError {}

/** An argument is malformed (input the app should have validated). */
export class TaxInvalidArgumentError extends TaxError {
  readonly code = 'tax.invalid_argument';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

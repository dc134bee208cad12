import { TaxError } from '../shared/errors';

/** `finalised` was not true (HMRC MTD: the taxpayer declares the return final). 422. */
export class ReturnNotFinalisedError extends TaxError {
  readonly code = 'tax.return.not_finalised';

  constructor(periodKey: string) {
    super(`The return for ${periodKey} must be finalised (finalised: true)`, { periodKey });
  }
}

/** A return already exists for (periodKey, taxType); corrections go through amendments. 409 DUPLICATE_RETURN. */
export class DuplicateReturnError extends TaxError {
  readonly code = 'tax.return.duplicate';

  constructor(periodKey: string, taxTypes: readonly string[], existingReturnId: string) {
    super(`A return for ${periodKey} (${taxTypes.join(', ')}) was already filed: amend ${existingReturnId} instead`, {
      periodKey,
      taxTypes: [...taxTypes],
      existingReturnId,
      legacyCode: 'DUPLICATE_RETURN',
    });
  }
}

/** The lines do not match the obligation, or an amount is malformed. 422. */
export class InvalidReturnError extends TaxError {
  readonly code = 'tax.return.invalid';

  constructor(readonly problems: readonly string[]) {
    super(`The return is invalid: ${problems.join('; ')}`, { problems: [...problems] });
  }
}

/** An amendment must amend the latest version of the return. 409. */
export class ReturnNotLatestError extends TaxError {
  readonly code = 'tax.return.not_latest';

  constructor(returnId: string, latestReturnId: string) {
    super(`Return ${returnId} is not the latest version; amend ${latestReturnId}`, { returnId, latestReturnId });
  }
}

/** The amended return does not exist for this obligation. 404. */
export class ReturnNotFoundError extends TaxError {
  readonly code = 'tax.return.not_found';

  constructor(returnId: string) {
    super(`No return ${returnId} for this obligation`, { returnId });
  }
}

/** No obligation with this periodKey for the taxpayer. 404. */
export class ObligationNotFoundError extends TaxError {
  readonly code = 'tax.obligation.not_found';

  constructor(periodKey: string) {
    super(`No obligation ${periodKey}`, { periodKey });
  }
}

/** The obligation is not OPEN (and no return explains it). 409. */
export class ObligationNotOpenError extends TaxError {
  readonly code = 'tax.obligation.not_open';

  constructor(periodKey: string, status: string) {
    super(`Obligation ${periodKey} is not open (status ${status})`, { periodKey, status });
  }
}

/** The overdue timer fired before due + 1 ND. 409. */
export class ObligationNotYetOverdueError extends TaxError {
  readonly code = 'tax.obligation.not_yet_overdue';

  constructor(periodKey: string, overdueAt: Date) {
    super(`Obligation ${periodKey} is not overdue before ${overdueAt.toISOString()}`, { periodKey, overdueAt: overdueAt.toISOString() });
  }
}

/**
 * A payment larger than the outstanding amount. Refused rather than booked as a credit: the
 * treasury collects against a liability, so an excess is an error upstream, and money owed back
 * goes through refunds (§9). 409.
 */
export class PaymentExceedsOutstandingError extends TaxError {
  readonly code = 'tax.payment.exceeds_outstanding';

  constructor(liabilityId: string, amount: string, outstanding: string) {
    super(`Payment of ${amount} exceeds the outstanding ${outstanding} of liability ${liabilityId}`, { liabilityId, amount, outstanding });
  }
}

/** Suggested HTTP status per code, for the app's one problem registry (apps/tax/src/problem-types.ts). */
export const FILING_ERROR_HTTP_STATUS: Readonly<Record<string, number>> = {
  'tax.return.not_finalised': 422,
  'tax.return.duplicate': 409,
  'tax.return.invalid': 422,
  'tax.return.not_latest': 409,
  'tax.return.not_found': 404,
  'tax.obligation.not_found': 404,
  'tax.obligation.not_open': 409,
  'tax.obligation.not_yet_overdue': 409,
  'tax.payment.exceeds_outstanding': 409,
};

import { TaxError } from '../shared/errors';

/**
 * A key operation is blocked by the credit + risk gate (R8.4/R8.5). The app maps it to 403
 * problem+json TAX_OPERATION_BLOCKED, carrying the reason code and how to lift the block.
 */
export class TaxOperationBlockedError extends TaxError {
  readonly code = 'tax.operation.blocked';

  constructor(details: { operation: string; reasonCode: string; rule: string; howToLift: string }) {
    super(`Operation ${details.operation} is blocked (${details.reasonCode}, ${details.rule}): ${details.howToLift}`, { ...details });
  }
}

/** The gate warned and the caller did not acknowledge the warning (R8.4); the app maps it to 422. */
export class TaxOperationWarningNotAcknowledgedError extends TaxError {
  readonly code = 'tax.operation.warning_not_acknowledged';

  constructor(details: { operation: string; reasonCode: string; rule: string; howToLift: string }) {
    super(`Operation ${details.operation} carries a risk warning (${details.reasonCode}, ${details.rule}); acknowledge it to proceed`, { ...details });
  }
}

/** A new-taxpayer re-rating application outside the year's application windows (R8.7); 422. */
export class ReratingOutsideWindowError extends TaxError {
  readonly code = 'tax.credit.rerating_outside_window';

  constructor(details: { appliedOn: string; windowMonths: readonly number[] }) {
    super(`Re-rating applications are accepted in month(s) ${details.windowMonths.join(', ') || 'none'} of the year, not on ${details.appliedOn}`, {
      appliedOn: details.appliedOn,
      windowMonths: [...details.windowMonths],
    });
  }
}

/** The taxpayer does not meet the re-rating eligibility of R8.7 (≥ 12 months, < one evaluation year); 422. */
export class ReratingNotEligibleError extends TaxError {
  readonly code = 'tax.credit.rerating_not_eligible';

  constructor(details: { reasons: readonly string[]; monthsInManagement: number }) {
    super(`Not eligible for re-rating: ${details.reasons.join(', ')}`, { reasons: [...details.reasons], monthsInManagement: details.monthsInManagement });
  }
}

/** The re-rating decision is made only in the window's decision month (April / October, R8.7). */
export class ReratingOutsideDecisionMonthError extends TaxError {
  readonly code = 'tax.credit.rerating_outside_decision_month';

  constructor(details: { decisionMonth: string; ratedOn: string }) {
    super(`The re-rating is decided in ${details.decisionMonth}, not on ${details.ratedOn}`, { ...details });
  }
}

/** A risk case escalated for a missed deadline that has not passed yet (R8.6). */
export class RiskDeadlineNotMissedError extends TaxError {
  readonly code = 'tax.risk.deadline_not_missed';

  constructor(details: { caseId: string; dueAt: string; at: string }) {
    super(`Risk case ${details.caseId}: the step is due ${details.dueAt}; not missed at ${details.at}`, { ...details });
  }
}

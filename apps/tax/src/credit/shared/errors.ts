import { DomainError } from '@one-window/shared/http';

/**
 * A refund claim the credit + risk gate blocked (R8.4/R8.5): answered 403 with the rule and how to
 * lift it. The claim itself is recorded as BLOCKED (§9), so it goes to review by itself once the
 * risk case is resolved; `claimId` says which.
 */
export class RefundBlockedError extends DomainError {
  readonly code = 'tax.operation.blocked';

  constructor(details: { claimId: string; operation: string; reasonCode: string; rule: string; howToLift: string }) {
    super(`Refund claim ${details.claimId} is blocked (${details.reasonCode}, ${details.rule}): ${details.howToLift}`, { ...details, claimStatus: 'BLOCKED' });
  }
}

/** The taxpayer already has a clearance case that is not settled. */
export class ClearanceCaseOpenError extends DomainError {
  readonly code = 'tax.clearance.case_open';

  constructor(caseId: string) {
    super(`Clearance case ${caseId} is still open`, { caseId });
  }
}

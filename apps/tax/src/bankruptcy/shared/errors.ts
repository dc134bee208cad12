import { DomainError } from '@one-window/shared/http';

/** A claim with no line: nothing given and nothing outstanding in the liabilities. */
export class EmptyBankruptcyClaimError extends DomainError {
  readonly code = 'tax.bankruptcy_claim.empty';

  constructor(caseId: string) {
    super(`The tax claim for case ${caseId} has no line: give amounts or take the principal from outstanding liabilities`, { caseId });
  }
}

/** The claim is no longer a draft (filed already). */
export class BankruptcyClaimNotDraftError extends DomainError {
  readonly code = 'tax.bankruptcy_claim.not_draft';

  constructor(claimId: string, status: string) {
    super(`Tax claim ${claimId} is ${status}, not a draft`, { claimId, status });
  }
}

/** A re-rating application already exists for the taxpayer in this window. */
export class ReratingAlreadyAppliedError extends DomainError {
  readonly code = 'tax.credit.rerating_already_applied';

  constructor(applicationId: string) {
    super(`A re-rating application for this window exists: ${applicationId}`, { applicationId });
  }
}

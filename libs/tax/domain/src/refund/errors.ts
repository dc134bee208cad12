import { TaxError } from '../shared/errors';

/** The claim does not meet the refund's eligibility (e.g. 留抵 outside the 13 key industries); 422. */
export class RefundNotEligibleError extends TaxError {
  readonly code = 'tax.refund.not_eligible';

  constructor(details: { kind: string; industryCode: string; reasons: readonly string[] }) {
    super(`Refund of kind ${details.kind} not eligible: ${details.reasons.join(', ')}`, { ...details, reasons: [...details.reasons] });
  }
}

/** A rejection without reasons (§9: REJECTED carries reasons[]). */
export class RefundReasonsRequiredError extends TaxError {
  readonly code = 'tax.refund.reasons_required';

  constructor(claimId: string) {
    super(`Refund claim ${claimId}: a rejection needs at least one reason`, { claimId });
  }
}

/** Information supplied after the response period (10 WD [cfg]); the claim lapses instead. */
export class RefundInfoPeriodOverError extends TaxError {
  readonly code = 'tax.refund.info_period_over';

  constructor(details: { claimId: string; respondBy: string; at: string }) {
    super(`Refund claim ${details.claimId}: the information was due before ${details.respondBy}`, { ...details });
  }
}

/** A lapse before the response period is over. */
export class RefundInfoPeriodNotOverError extends TaxError {
  readonly code = 'tax.refund.info_period_not_over';

  constructor(details: { claimId: string; respondBy: string; at: string }) {
    super(`Refund claim ${details.claimId}: the taxpayer may answer until ${details.respondBy}`, { ...details });
  }
}

/** Unblocking needs the risk case resolved (§8.6). */
export class RefundRiskNotResolvedError extends TaxError {
  readonly code = 'tax.refund.risk_not_resolved';

  constructor(details: { claimId: string; riskCaseId: string; riskCaseStatus: string }) {
    super(`Refund claim ${details.claimId}: risk case ${details.riskCaseId} is ${details.riskCaseStatus}, not RESOLVED`, { ...details });
  }
}

import { TaxError } from '../shared/errors';

/** The step does not fit the case's route (e.g. `exempt` on a STANDARD case, `fulfil` outside COMMITMENT); 409. */
export class ClearanceRouteMismatchError extends TaxError {
  readonly code = 'tax.clearance.route_mismatch';

  constructor(details: { caseId: string; route: string; step: string; allowedRoutes: readonly string[] }) {
    super(`Clearance case ${details.caseId}: '${details.step}' is for route ${details.allowedRoutes.join(' / ')}, not ${details.route}`, {
      ...details,
      allowedRoutes: [...details.allowedRoutes],
    });
  }
}

/** STANDARD and BANKRUPTCY certificates are issued by an officer, not automatically. */
export class ClearanceIssuerNotAllowedError extends TaxError {
  readonly code = 'tax.clearance.issuer_not_allowed';

  constructor(details: { caseId: string; route: string; actor: string }) {
    super(`Clearance case ${details.caseId}: a ${details.route} certificate is issued by an officer, not ${details.actor}`, { ...details });
  }
}

/** Items still outstanding where none may be (STANDARD issue after settlement, COMMITMENT fulfilment); 422 with the full list. */
export class ClearanceBlockersOutstandingError extends TaxError {
  readonly code = 'tax.clearance.blockers_outstanding';

  constructor(details: { caseId: string; step: string; blockers: readonly Record<string, unknown>[] }) {
    super(`Clearance case ${details.caseId}: ${details.blockers.length} item(s) outstanding for '${details.step}'`, {
      caseId: details.caseId,
      step: details.step,
      blockers: details.blockers.map((b) => ({ ...b })),
    });
  }
}

/** A commitment fulfilled at or after commitmentDue (it is breached instead). */
export class ClearanceCommitmentOverdueError extends TaxError {
  readonly code = 'tax.clearance.commitment_overdue';

  constructor(details: { caseId: string; commitmentDue: string; at: string }) {
    super(`Clearance case ${details.caseId}: the commitment was due before ${details.commitmentDue}`, { ...details });
  }
}

/** A breach recorded before commitmentDue. */
export class ClearanceCommitmentNotDueError extends TaxError {
  readonly code = 'tax.clearance.commitment_not_due';

  constructor(details: { caseId: string; commitmentDue: string; at: string }) {
    super(`Clearance case ${details.caseId}: the commitment runs until ${details.commitmentDue}`, { ...details });
  }
}

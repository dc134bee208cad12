import { DomainError } from '@one-window/shared/http';

/** Not found, or not visible to the caller (the two are not told apart). */
export class NotFoundError extends DomainError {
  readonly code = 'registration.not_found';

  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`);
  }
}

export class UnknownAuthorityError extends DomainError {
  readonly code = 'registration.authority.unknown';

  constructor(authorityCode: string) {
    super(`Unknown registration authority ${authorityCode}`, { authorityCode });
  }
}

/** The cited reservation cannot be used: unknown, another applicant's, no longer RESERVED, or for another entity type. */
export class ReservationNotUsableError extends DomainError {
  readonly code = 'registration.application.reservation_not_usable';

  constructor(reservationId: string, reason: string) {
    super(`Reservation ${reservationId} cannot be used: ${reason}`, { reservationId, reason });
  }
}

/** A change that fails a check no officer can approve either (unknown or blocked address, unknown scope, inactive entity). */
export class ChangeRefusedError extends DomainError {
  readonly code = 'registration.change.refused';

  constructor(failedChecks: readonly string[]) {
    super(`The change cannot be registered: ${failedChecks.join(', ')}`, { failedChecks: [...failedChecks] });
  }
}

/** Another change of the company waits for an officer: one pending change request at a time. */
export class ChangeRequestPendingError extends DomainError {
  readonly code = 'registration.change.request_pending';

  constructor(uscc: string, requestId: string) {
    super(`Company ${uscc} already has a change request ${requestId} waiting for an officer`, { changeRequestId: requestId });
  }
}

/** A decision on a change request that is no longer pending. */
export class ChangeRequestNotPendingError extends DomainError {
  readonly code = 'registration.change.request_not_pending';

  constructor(requestId: string, status: string) {
    super(`Change request ${requestId} is ${status}, not PENDING_REVIEW`, { status });
  }
}

/** A refusal without reasons (a refusal states its reasons and remedies, §3.2). */
export class ChangeRefusalReasonRequiredError extends DomainError {
  readonly code = 'registration.change.reason_required';

  constructor() {
    super('A refusal of a change request states at least one reason');
  }
}

/** A partner token (integrator or agency officer) that names no partner (`agency_id`) of the setup bundle. */
export class PartnerNotIdentifiedError extends DomainError {
  readonly code = 'registration.bundle.partner_not_identified';

  constructor(role: string) {
    super(`The token identifies no ${role}: an integrator or officer token with agency_id naming the partner is needed`, { role });
  }
}

/** The company already has an open deregistration (one at a time). */
export class DeregistrationAlreadyOpenError extends DomainError {
  readonly code = 'registration.exit.already_open';

  constructor(uscc: string, deregistrationId: string) {
    super(`Company ${uscc} already has an open deregistration ${deregistrationId}`, { deregistrationId });
  }
}

/** The company's status does not allow deregistration (only ACTIVE or REVOKED entities deregister, §10.4). */
export class CompanyNotDeregistrableError extends DomainError {
  readonly code = 'registration.exit.company_not_deregistrable';

  constructor(uscc: string, status: string) {
    super(`Company ${uscc} is ${status}: only an ACTIVE or REVOKED company may be deregistered`, { companyStatus: status });
  }
}

/** Approval asked while the ordinary route still waits for clearances (tax, social insurance). */
export class ClearanceMissingError extends DomainError {
  readonly code = 'registration.exit.clearance_missing';

  constructor(missing: readonly string[]) {
    super(`The deregistration cannot be approved before these clearances are in: ${missing.join(', ')}`, { missingClearances: [...missing] });
  }
}

/** A clearance reported for a case that does not wait for one (not CLEARING, or already recorded). */
export class ClearanceNotExpectedError extends DomainError {
  readonly code = 'registration.exit.clearance_not_expected';

  constructor(status: string) {
    super(`No clearance is expected for a deregistration in ${status}`, { status });
  }
}

/** The caller's role may not use this route (applicants: SIMPLIFIED / ORDINARY; court or administrator: COURT). */
export class DeregistrationRouteNotAllowedError extends DomainError {
  readonly code = 'registration.exit.route_not_allowed';

  constructor(route: string, roles: readonly string[]) {
    super(`Route ${route} is not open to ${roles.join(', ')}: applicants apply SIMPLIFIED or ORDINARY, a court or administrator COURT`, { route });
  }
}

/** The report year's window has not opened yet, or the company was established after that year (§7). */
export class ReportNotDueError extends DomainError {
  readonly code = 'registration.annual_report.not_due';

  constructor(year: number, why: string) {
    super(`No annual report for ${year} can be filed: ${why}`, { year });
  }
}

/** The year's report is already filed: correct it instead (PUT). */
export class ReportAlreadyFiledError extends DomainError {
  readonly code = 'registration.annual_report.already_filed';

  constructor(year: number, revision: number) {
    super(`The annual report for ${year} is already filed (revision ${revision}); correct it with PUT`, { year, revision });
  }
}

/** A correction outside the window (or of a report filed late): only an officer's correction of the record (not online). */
export class ReportCorrectionClosedError extends DomainError {
  readonly code = 'registration.annual_report.correction_closed';

  constructor(year: number, closesOn: string) {
    super(`The annual report for ${year} can be corrected online only until the window closes (${closesOn})`, { year, closesOn });
  }
}

/** Only ACTIVE or DORMANT companies report and are listed. */
export class CompanyNotReportingError extends DomainError {
  readonly code = 'registration.annual_report.company_not_reporting';

  constructor(uscc: string, status: string) {
    super(`Company ${uscc} is ${status}: only an ACTIVE or DORMANT company files annual reports`, { companyStatus: status });
  }
}

/** The company is already on the list for that cause. */
export class AlreadyListedError extends DomainError {
  readonly code = 'registration.abnormal.already_listed';

  constructor(uscc: string, listingId: string) {
    super(`Company ${uscc} is already on the abnormal list for that cause (${listingId})`, { listingId });
  }
}

/** Removal asked before the cause is cured (e.g. the missed annual report still not filed). */
export class CauseNotCuredError extends DomainError {
  readonly code = 'registration.abnormal.cause_not_cured';

  constructor(why: string) {
    super(`The cause of the listing is not cured: ${why}`, { why });
  }
}

/** A removal request while one is pending, on an entry already removed, or a rejection without a request. */
export class RemovalRequestConflictError extends DomainError {
  readonly code = 'registration.abnormal.removal_request_conflict';

  constructor(why: string) {
    super(why);
  }
}

/** A filing or forced-exit step on a company whose status does not allow it (e.g. not ACTIVE). */
export class CompanyStatusConflictError extends DomainError {
  readonly code = 'registration.company.status_conflict';

  constructor(uscc: string, status: string, allowed: readonly string[]) {
    super(`Company ${uscc} is ${status}: only ${allowed.join(' or ')} allowed here`, { companyStatus: status });
  }
}

/** The forced-exit rule, re-run at the given date, does not hold for the company. */
export class NotForcedExitCandidateError extends DomainError {
  readonly code = 'registration.forced_exit.not_candidate';

  constructor(uscc: string, asOf: string, why: string) {
    super(`Company ${uscc} is not a forced-exit candidate on ${asOf}: ${why}`, { asOf, why });
  }
}

/** A forced-exit case is already open (notice running), or none is open to object to. */
export class ForcedExitConflictError extends DomainError {
  readonly code = 'registration.forced_exit.conflict';

  constructor(message: string) {
    super(message);
  }
}

/** Name rule versions are immutable: a version id can be published once. */
export class NameRulesVersionExistsError extends DomainError {
  readonly code = 'registration.name_rules.version_exists';

  constructor(version: string) {
    super(`Name rules version ${version} exists; publish the change under a new version`, { version });
  }
}

import type { ProblemTypeMap } from '@one-window/shared/http';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/**
 * The service's one DomainError → HTTP registry: every `RegistrationError` code of the domain
 * library and the service's own codes. 422 rule violations, 404 not found, 409 conflicts.
 */
export const REGISTRATION_PROBLEM_TYPES: ProblemTypeMap = {
  // shared
  'registration.invalid_argument': p(422, 'Invalid argument', 'registration-invalid-argument'),
  'registration.not_yet_due': p(409, 'Not yet due', 'registration-not-yet-due'),
  'registration.transition.not_allowed': p(409, 'Transition not allowed', 'registration-transition-not-allowed'),
  'registration.transition.actor_not_allowed': p(409, 'Actor not allowed', 'registration-actor-not-allowed'),
  'registration.identifier.invalid': p(422, 'Invalid identifier', 'registration-identifier-invalid'),
  'registration.commitment.not_signed': p(422, 'Commitment not signed', 'registration-commitment-not-signed'),
  // names
  'registration.name_rules.invalid': p(422, 'Name rules invalid', 'registration-name-rules-invalid'),
  'registration.name_rules.version_exists': p(409, 'Name rules version exists', 'registration-name-rules-version-exists'),
  'registration.name.blocked': p(422, 'Name blocked', 'registration-name-blocked'),
  'registration.name.warnings_not_acknowledged': p(422, 'Name warnings not acknowledged', 'registration-name-warnings-not-acknowledged'),
  'registration.name.reservation_held': p(409, 'Reservation held by an application', 'registration-reservation-held'),
  'registration.name.reservation_not_owned': p(404, 'Reservation not found', 'registration-not-found'),
  // applications
  'registration.application.invalid_form': p(422, 'Application form invalid', 'registration-application-invalid-form'),
  'registration.application.not_owner': p(404, 'Application not found', 'registration-not-found'),
  'registration.application.reason_required': p(422, 'Reason required', 'registration-reason-required'),
  'registration.application.supplement_not_from_new_material': p(422, 'Supplement not from new material', 'registration-supplement-not-from-new-material'),
  'registration.application.supplement_period_over': p(409, 'Supplement period over', 'registration-supplement-period-over'),
  'registration.application.extension_refused': p(422, 'Extension refused', 'registration-extension-refused'),
  'registration.application.not_auto_eligible': p(422, 'Not eligible for automatic approval', 'registration-not-auto-eligible'),
  'registration.application.domicile_unresolved': p(422, 'Domicile unresolved', 'registration-domicile-unresolved'),
  'registration.application.reservation_not_usable': p(422, 'Reservation cannot be used', 'registration-reservation-not-usable'),
  // bundle, changes, exit
  'registration.bundle.part_not_opted_in': p(422, 'Bundle part not opted in', 'registration-bundle-part-not-opted-in'),
  'registration.seal.no_eligible_maker': p(409, 'No eligible seal maker', 'registration-no-eligible-seal-maker'),
  'registration.seal.not_assigned_maker': p(422, 'Not the assigned seal maker', 'registration-not-assigned-seal-maker'),
  'registration.change.nothing_changed': p(422, 'Nothing changed', 'registration-nothing-changed'),
  'registration.change.refused': p(422, 'Change refused', 'registration-change-refused'),
  'registration.change.request_pending': p(409, 'A change request is pending', 'registration-change-request-pending'),
  'registration.change.request_not_pending': p(409, 'Change request not pending', 'registration-change-request-not-pending'),
  'registration.change.reason_required': p(422, 'Reason required', 'registration-reason-required'),
  'registration.filing.not_allowed': p(422, 'Filing not allowed', 'registration-filing-not-allowed'),
  'registration.dormancy.period_not_allowed': p(422, 'Dormancy period not allowed', 'registration-dormancy-period-not-allowed'),
  'registration.branch_change.not_allowed': p(422, 'Centralised branch change not allowed', 'registration-branch-change-not-allowed'),
  'registration.branch_change.nothing_changed': p(422, 'The branch change changes no branch', 'registration-branch-change-nothing-changed'),
  'registration.exit.notice_period': p(409, 'Notice period', 'registration-notice-period'),
  'registration.exit.simplified_excluded': p(422, 'Simplified deregistration excluded', 'registration-simplified-excluded'),
  'registration.exit.already_open': p(409, 'Deregistration already open', 'registration-deregistration-already-open'),
  'registration.exit.company_not_deregistrable': p(409, 'Company cannot be deregistered', 'registration-company-not-deregistrable'),
  'registration.exit.clearance_missing': p(409, 'Clearance missing', 'registration-clearance-missing'),
  'registration.exit.clearance_not_expected': p(409, 'Clearance not expected', 'registration-clearance-not-expected'),
  'registration.exit.route_not_allowed': p(403, 'Deregistration route not allowed', 'registration-deregistration-route-not-allowed'),
  // annual report, abnormal list
  'registration.annual_report.not_due': p(422, 'Annual report not due', 'registration-annual-report-not-due'),
  'registration.annual_report.already_filed': p(409, 'Annual report already filed', 'registration-annual-report-already-filed'),
  'registration.annual_report.correction_closed': p(409, 'Annual report correction closed', 'registration-annual-report-correction-closed'),
  'registration.annual_report.company_not_reporting': p(409, 'Company does not report', 'registration-company-not-reporting'),
  'registration.abnormal.already_listed': p(409, 'Already on the abnormal list', 'registration-abnormal-already-listed'),
  'registration.abnormal.cause_not_cured': p(409, 'Cause not cured', 'registration-abnormal-cause-not-cured'),
  'registration.abnormal.removal_request_conflict': p(409, 'Removal request conflict', 'registration-abnormal-removal-request-conflict'),
  // the service's own
  'registration.not_found': p(404, 'Not found', 'registration-not-found'),
  'registration.bundle.partner_not_identified': p(403, 'Partner not identified', 'registration-partner-not-identified'),
  'registration.authority.unknown': p(422, 'Unknown registration authority', 'registration-authority-unknown'),
  'registration.company.status_conflict': p(409, 'Company status does not allow this', 'registration-company-status-conflict'),
  'registration.forced_exit.not_candidate': p(409, 'Not a forced-exit candidate', 'registration-forced-exit-not-candidate'),
  'registration.forced_exit.conflict': p(409, 'Forced-exit conflict', 'registration-forced-exit-conflict'),
  'persistence.concurrent_modification': p(409, 'Concurrent modification', 'registration-concurrent-modification'),
};

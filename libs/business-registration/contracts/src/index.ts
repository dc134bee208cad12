import {
  ApplicationAccepted,
  ApplicationExtended,
  ApplicationNotAccepted,
  ApplicationOverdue,
  ApplicationRefused,
  ApplicationResubmitted,
  ApplicationReturned,
  ApplicationSubmitted,
  ApplicationSupplementRequested,
  ApplicationWithdrawn,
} from './events/application-events';
import { BRANCH_EVENTS } from './events/branch-events';
import { CREDIT_REPAIR_EVENTS } from './events/credit-repair-events';
import { PermitNoticeIssued } from './events/permit-notice-events';
import { DORMANCY_EVENTS } from './events/dormancy-events';
import { NAME_EVENTS } from './events/name-events';
import { BranchRegistered, CompanyRevoked, PremisesFiled } from './events/filing-events';
import { CompanyChanged } from './events/company-changed';
import { CompanyDeregistered } from './events/company-deregistered';
import { CompanyRegistered } from './events/company-registered';
import { DEREGISTRATION_EVENTS } from './events/deregistration-events';
import { SETUP_BUNDLE_EVENTS } from './events/setup-bundle-events';
import { ANNUAL_REPORT_EVENTS } from './events/annual-report-events';
import { LICENCE_EVENTS } from './events/licence-events';
import { FORCED_EXIT_EVENTS } from './events/forced-exit-events';

export { REGISTRATION_SOURCE, REGISTRATION_TOPIC } from './topic';
/** JSON Schema parts other services' contracts reuse (credit code, money, dates). */
export { LOCAL_DATE, MONEY, PERSON_REF, USCC } from './schema-parts';
export { CompanyRegistered, type CompanyRegisteredData } from './events/company-registered';
export { CHANGEABLE_FIELDS, CompanyChanged, type ChangeableField, type CompanyChangedData } from './events/company-changed';
export { CompanyDeregistered, type CompanyDeregisteredData } from './events/company-deregistered';
export {
  DEREGISTRATION_EVENTS,
  DEREGISTRATION_ROUTES,
  DeregistrationRequested,
  DeregistrationNoticePublished,
  DeregistrationObjected,
  type DeregistrationRouteName,
  type DeregistrationRequestedData,
  type DeregistrationNoticePublishedData,
  type DeregistrationObjectedData,
} from './events/deregistration-events';
export {
  ApplicationAccepted,
  ApplicationOverdue,
  ApplicationRefused,
  ApplicationResubmitted,
  ApplicationSubmitted,
  ApplicationSupplementRequested,
  ApplicationWithdrawn,
  ApplicationNotAccepted,
  ApplicationReturned,
  ApplicationExtended,
  type ApplicationNotAcceptedData,
  type ApplicationReturnedData,
  type ApplicationExtendedData,
  type ApplicationAcceptedData,
  type ApplicationKind,
  type ApplicationOverdueData,
  type ApplicationRefusedData,
  type ApplicationResubmittedData,
  type ApplicationSubmittedData,
  type ApplicationSupplementRequestedData,
  type ApplicationWithdrawnData,
} from './events/application-events';

export { NAME_EVENTS, NameExpired, NameReserved, type NameExpiredData, type NameReservedData } from './events/name-events';
export {
  CompanyDormancyEnded,
  CompanyDormancyStarted,
  DORMANCY_EVENTS,
  DORMANCY_REASON_CODES,
  type CompanyDormancyEndedData,
  type CompanyDormancyStartedData,
} from './events/dormancy-events';
export { PERMIT_NOTICE_ROUTES, PermitNoticeIssued, type PermitNoticeIssuedData } from './events/permit-notice-events';
export { CREDIT_REPAIR_EVENTS, CreditRepairOverdue, CreditRepairUpdated, type CreditRepairEventData } from './events/credit-repair-events';

export {
  BRANCH_CHANGE_FIELDS,
  BRANCH_DEREGISTRATION_REASONS,
  BRANCH_EVENTS,
  BranchChanged,
  BranchDeregistered,
  type BranchChangedData,
  type BranchDeregisteredData,
} from './events/branch-events';

export {
  PremisesFiled,
  BranchRegistered,
  CompanyRevoked,
  type PremisesFiledData,
  type BranchRegisteredData,
  type CompanyRevokedData,
} from './events/filing-events';

export {
  ABNORMAL_REASON_CODES,
  ANNUAL_REPORT_EVENTS,
  ANNUAL_REPORT_SECTIONS,
  AnnualReportFiled,
  CompanyAbnormalListed,
  CompanyAbnormalRemoved,
  type AbnormalListingData,
  type AbnormalReasonCode,
  type AnnualReportFiledData,
  type AnnualReportSection,
} from './events/annual-report-events';

export {
  BUNDLE_PART_NAMES,
  SETUP_BUNDLE_EVENTS,
  SetupBundleOpened,
  SetupBundlePartCompleted,
  SetupBundleCompleted,
  SealOrderDispatched,
  SealOrderDelivered,
  SealOrderOverdue,
  SealMakerWarned,
  SealMakerDisqualified,
  BankAccountPreset,
  BankAccountActivated,
  BankAccountDeclined,
  type BundlePartName,
  type SetupBundleOpenedData,
  type SetupBundlePartCompletedData,
  type SetupBundleCompletedData,
  type SealOrderDispatchedData,
  type SealOrderLatenessData,
  type SealMakerSanctionedData,
  type BankAccountData,
} from './events/setup-bundle-events';

export {
  LICENCE_EVENTS,
  LICENCE_VOID_REASONS,
  LicenceIssued,
  LicenceUpdated,
  LicenceVoided,
  type JointIssue,
  type LicenceIssuedData,
  type LicenceUpdatedData,
  type LicenceVoidedData,
  type LicenceVoidReason,
} from './events/licence-events';

export {
  FORCED_EXIT_CANDIDATE_LAPSE_REASONS,
  FORCED_EXIT_EVENTS,
  ForcedExitCandidateFound,
  ForcedExitCandidateLapsed,
  type ForcedExitCandidateFoundData,
  type ForcedExitCandidateLapsedData,
} from './events/forced-exit-events';

/** Every event the business-registration service publishes (its part of the catalogue). */
export const REGISTRATION_EVENTS = [
  CompanyRegistered,
  CompanyChanged,
  CompanyDeregistered,
  ApplicationSubmitted,
  ApplicationAccepted,
  ApplicationSupplementRequested,
  ApplicationResubmitted,
  ApplicationRefused,
  ApplicationOverdue,
  ApplicationWithdrawn,
  ...SETUP_BUNDLE_EVENTS,
  ...DEREGISTRATION_EVENTS,
  ...ANNUAL_REPORT_EVENTS,
  ApplicationNotAccepted,
  ApplicationReturned,
  ApplicationExtended,
  PremisesFiled,
  BranchRegistered,
  CompanyRevoked,
  ...LICENCE_EVENTS,
  ...FORCED_EXIT_EVENTS,
  ...BRANCH_EVENTS,
  ...CREDIT_REPAIR_EVENTS,
  PermitNoticeIssued,
  ...DORMANCY_EVENTS,
  ...NAME_EVENTS,
];

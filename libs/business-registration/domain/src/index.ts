/**
 * @one-window/business-registration/domain — the business-registration domain (商事登记) as
 * plain TypeScript: identifiers, name self-declaration, the establishment application, the setup
 * bundle, changes, annual reports and the abnormal list, exit, and entity status. No framework,
 * no I/O, no system clock: commands take `at` (and the working-day calendar) and return the new
 * aggregate plus the events to publish. See README.md.
 */

// shared
export { RegistrationError, InvalidArgumentError, NotYetDueError } from './shared/errors';
export { ACTORS, type Actor } from './shared/actors';
export { event, type DomainEvent, type Outcome } from './shared/outcome';
export {
  transition,
  create,
  findTransition,
  allowedTriggers,
  tableProblems,
  toMermaid,
  TransitionNotAllowedError,
  ActorNotAllowedError,
  type StateMachine,
  type TransitionRow,
  type CreationRow,
} from './shared/state-machine';
export { ENTITY_TYPES, usccCategoryOf, isCompany, type EntityType } from './shared/entity-type';
export { plusMonths, plusYears, monthsPeriodEnd } from './shared/dates';
export { sumMoney, toFen, fromFen, isAmount, type Money } from './shared/money';
export { STATE_MACHINES, stateDiagrams, stateDiagramsMarkdown, type StateMachineName } from './diagrams';

// identifiers (Appendix A)
export { InvalidIdentifierError } from './identifiers/errors';
export { USCC_ALPHABET, USCC_WEIGHTS, usccCheckChar, validateUscc, isValidUscc, parseUscc } from './identifiers/uscc';
export type { UsccValidation, UsccParts, UsccProblem } from './identifiers/uscc';
export { orgCodeCheckChar, isValidOrgCode } from './identifiers/org-code';
export { DevCreditCodeAllocator, buildDevCreditCode, DEV_MAX_SEQUENCE } from './identifiers/credit-code-allocator';
export type { CreditCodeAllocator, CreditCodeRequest } from './identifiers/credit-code-allocator';
export { validateResidentId, isValidResidentId, residentIdCheckChar, normaliseResidentId, upgradeResidentId15 } from './identifiers/resident-id';
export type { ResidentIdValidation, ResidentIdProblem } from './identifiers/resident-id';
export { maskMiddle, maskIdNumber, maskAccountNumber, maskPersonName } from './identifiers/masking';

// name (§2.1, §10.1)
export { DEFAULT_NAME_RULES, type NameRules, type DivisionEntry, type IndustryWord, type ListedWord } from './name/name-rules';
export { InvalidNameRulesError, nameRulesViolations, validNameRules, type NameRulesViolation } from './name/name-rules-validation';
export { parseName, normaliseForComparison, type ParsedName } from './name/parse-name';
export { canonicalName, comparisonKey, editDistance } from './name/normalise';
export { checkName, divisionContains, toExistingName, warningsToAcknowledge, levelOf, NAME_REASONS } from './name/name-check';
export type { NameCheckInput, NameCheckResult, NameCheckLevel, NameReason, NameReasonCode, ExistingName } from './name/name-check';
export {
  NameReservation,
  NAME_RESERVATION_MACHINE,
  RESERVATION_STATES,
  DEFAULT_RESERVATION_POLICY,
  type NameReservationState,
  type ReservationStatus,
  type ReservationPolicy,
  type ReserveName,
  type NameReservedData,
  type NameReservationClosedData,
} from './name/reservation';
export { NameBlockedError, NameWarningsNotAcknowledgedError, CommitmentNotSignedError, ReservationHeldError, ReservationNotOwnedError } from './name/errors';

// application (§2.2–§3, §10.2)
export type { EstablishmentForm, PersonEntry, InvestorEntry, BundleOptions, IdType, OfficerRole, ContributionMethod } from './application/form';
export { contractPermitRoute } from './application/reference-data';
export type { ApplicationReferenceData, StandardAddress, NegativeListEntry, ScopeCatalogueItem, PermitRoute } from './application/reference-data';
export { validateEstablishmentForm, capitalDueDateLimit, DEFAULT_CAPITAL_POLICY, SEAL_ELIGIBLE_TYPES } from './application/validate-form';
export type { FormIssue, FormValidation, CapitalPolicy } from './application/validate-form';
export { evaluateAutoApproval, AUTO_APPROVAL_CHECKS, DEFAULT_AUTO_APPROVAL_RULES } from './application/auto-approval';
export type { AutoApprovalRuleSet, AutoApprovalFacts, AutoApprovalResult, AutoApprovalCheck, AutoApprovalCheckResult } from './application/auto-approval';
export { APPLICATION_MACHINE, APPLICATION_STATES, APPLICATION_TRIGGERS, isDecided, type ApplicationStatus, type ApplicationTrigger } from './application/application-machine';
export { Application, DEFAULT_REVIEW_POLICY, REFUSAL_REMEDIES } from './application/application';
export type { ApplicationState, SubmitApplication, ReviewPolicy, SupplementRound, TransitionRecord, ApplicationDecision } from './application/application';
export type * from './application/events';
export {
  InvalidApplicationFormError,
  NotApplicationOwnerError,
  ReasonRequiredError,
  SupplementNotFromNewMaterialError,
  SupplementPeriodOverError,
  ReviewExtensionRefusedError,
  NotAutoEligibleError,
  DomicileUnresolvedError,
  type ReviewExtensionRefusal,
} from './application/errors';

// setup bundle (§5, §10.3)
export { DEFAULT_WORKING_HOURS, elapsedWorkingMinutes, addWorkingMinutes, type WorkingHours } from './bundle/working-time';
export {
  BUNDLE_PARTS,
  BUNDLE_MACHINE,
  LICENCE_PART_MACHINE,
  SEAL_PART_MACHINE,
  TAX_PART_MACHINE,
  SOCIAL_INSURANCE_PART_MACHINE,
  HOUSING_FUND_PART_MACHINE,
  BANK_PART_MACHINE,
  PART_MACHINES,
  PART_DONE_STATES,
  type BundlePart,
  type BundleStatus,
} from './bundle/part-machines';
export { SetupBundle, DEFAULT_BUNDLE_POLICY } from './bundle/bundle';
export type { SetupBundleState, BundlePolicy, PartState, BundleStatusView, BundlePartView, BundlePartData } from './bundle/bundle';
export { SealMakerRotation, DEFAULT_LATENESS_POLICY } from './bundle/seal-rotation';
export type { SealMaker, SealRotationState, LatenessPolicy, SealOrderDeliveredData, SealMakerSanctionData } from './bundle/seal-rotation';
export { NoEligibleSealMakerError, NotAssignedSealMakerError, BundlePartNotOptedInError } from './bundle/errors';

// changes and filings (§6)
export { computeChanges, companyChangedData, isChangeFiledInTime, CHANGE_KIND, type RegisteredFacts, type FieldChange } from './change/change-request';
export { filePremises, registerBranch, BRANCH_SUFFIXES, type PremisesFiledData, type BranchRegistration } from './change/filings';
export { NothingChangedError, FilingNotAllowedError } from './change/errors';
export {
  BRANCH_MACHINE,
  BRANCH_STATES,
  BranchChangeNotAllowedError,
  BranchChangeNothingChangedError,
  branchRegisteredStatus,
  deregisterBranch,
  planCentralisedBranchChange,
  type BranchChangeField,
  type BranchChangeRefusal,
  type BranchChangeRequest,
  type BranchFacts,
  type BranchFieldChange,
  type BranchStatus,
} from './change/branch';
export { reviewChange, type ChangeCheck, type ChangeReview, type ChangeReviewInput } from './change/change-review';
export {
  CHANGE_REQUEST_MACHINE,
  CHANGE_REQUEST_STATES,
  CHANGE_REQUEST_TRIGGERS,
  CHANGE_REQUEST_UNDER_REVIEW,
  type ChangeRequestStatus,
  type ChangeRequestTrigger,
} from './change/change-request-machine';
export {
  ChangeRequest,
  CHANGE_REVIEW_RULE_SET,
  type ChangeRequestState,
  type ChangeRequestDecision,
  type ChangeSupplement,
  type ChangeRequestTransitionRecord,
} from './change/change-request-review';

// annual report, abnormal list, forced exit (§7, §8)
export { reportWindow, isWithinReportWindow, isReportOverdue, annualReportFiled, REPORT_SECTIONS, DEFAULT_REPORT_WINDOW } from './annual-report/report-window';
export type { ReportWindowPolicy, AnnualReportFiledData } from './annual-report/report-window';
export { AbnormalListing, ABNORMAL_LISTING_MACHINE, ABNORMAL_REASONS, type AbnormalReason, type AbnormalListingState, type AbnormalListData } from './annual-report/abnormal-list';
export {
  CREDIT_REPAIR_MACHINE,
  CREDIT_REPAIR_STATES,
  CREDIT_REPAIR_UPDATE_WORKING_DAYS,
  CreditRepairUpdate,
  type CreditRepairEventData,
  type CreditRepairStatus,
  type CreditRepairUpdateState,
} from './annual-report/credit-repair';
export {
  assessForcedExit,
  CANDIDATE_LAPSE_REASONS,
  DEFAULT_FORCED_EXIT_POLICY,
  FORCED_EXIT_NIGHTLY_HOUR,
  FORCED_EXIT_OPEN_STATUSES,
  nextForcedExitRunAt,
  recheckForcedExitCandidate,
  type CandidateLapseReason,
  type ForcedExitAssessment,
  type ForcedExitPolicy,
  type TaxFilingFact,
} from './annual-report/forced-exit';

// exit (§8, §10.4)
export { DEREGISTRATION_MACHINE, DEREGISTRATION_STATES, type DeregistrationStatus, type DeregistrationTrigger } from './exit/deregistration-machine';
export { Deregistration, simplifiedExclusions, DEFAULT_DEREGISTRATION_POLICY } from './exit/deregistration';
export type { DeregistrationState, DeregistrationPolicy, DeregistrationRoute, EntityStanding, ClearanceKind, ClearanceOutcome, DeregistrationRequestedData } from './exit/deregistration';
export { SimplifiedDeregistrationExcludedError, NoticePeriodError } from './exit/errors';
export {
  afterBankruptcyClosed,
  afterPlanApproved,
  isDeregistrable,
  publicBankruptcyStage,
  DEREGISTRABLE_STATUSES,
  type BankruptcyClosure,
  type PlanApproval,
  type PublicBankruptcyStage,
} from './exit/bankruptcy';

// entity status (§10.4)
export { MarketEntity, ENTITY_STATUS_MACHINE, entityStatusMachine, ENTITY_STATES, type EntityStatus, type EntityFlags, type MarketEntityState, type EntityStatusChangedData } from './entity/entity-status';

export { DORMANCY_REASONS, DormancyPeriodError, dormancyPeriod, MAX_DORMANCY_YEARS, type DormancyReason } from './entity/dormancy';

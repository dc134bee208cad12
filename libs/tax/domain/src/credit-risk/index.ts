// Credit + risk (信用+风险), tax.md §8.
export {
  CREDIT_GRADES,
  RISK_LEVELS,
  HIGH_RISK_LISTS,
  RISK_RAISING_LISTS,
  isCreditGrade,
  isRiskLevel,
  riskRaisingHits,
  effectiveRiskLevel,
} from './credit-risk';
export type { CreditGrade, HighRiskList, ListHit, RiskLevel, TaxpayerCreditRisk } from './credit-risk';
export {
  KEY_OPERATION_CODES,
  OPERATION_CATEGORIES,
  DEFAULT_KEY_OPERATIONS,
  keyOperationEntry,
  isKeyOperation,
  keyOperationListOn,
} from './key-operations';
export type { KeyOperationCode, OperationCategory, KeyOperationEntry, KeyOperationList } from './key-operations';
export { GATE_DECISIONS, DEFAULT_GATE_MATRIX, gateKeyOperation, enforceGate, gateEvent } from './gate';
export type { GateDecision, GateMatrix, GateResult, GateOptions, OperationGatedData } from './gate';
export {
  TaxOperationBlockedError,
  TaxOperationWarningNotAcknowledgedError,
  ReratingOutsideWindowError,
  ReratingNotEligibleError,
  ReratingOutsideDecisionMonthError,
  RiskDeadlineNotMissedError,
} from './errors';
export { RISK_CASE_STATES, RISK_CASE_TRIGGERS, RISK_CASE_MACHINE } from './risk-case-machine';
export type { RiskCaseStatus, RiskCaseTrigger } from './risk-case-machine';
export { RiskCase, DEFAULT_RISK_LADDER_POLICY } from './risk-case';
export type { RiskCaseState, RiskLadderPolicy, RiskSource, EscalationReason, RiskEventData, RiskCaseHistoryEntry } from './risk-case';
export { RERATING_STATES, RERATING_TRIGGERS, RERATING_MACHINE } from './rerating-machine';
export type { ReratingStatus, ReratingTrigger } from './rerating-machine';
export {
  CreditRerating,
  DEFAULT_RERATING_WINDOWS,
  RERATING_MIN_MONTHS,
  windowsForYear,
  fullMonthsBetween,
  reratingEligibility,
} from './rerating';
export type {
  ReratingWindow,
  ReratingWindows,
  ReratingIneligibility,
  ReratingEligibility,
  ReratingState,
  ReratingHistoryEntry,
  CreditReratedData,
} from './rerating';

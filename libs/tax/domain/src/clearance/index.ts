// Tax clearance for deregistration (清税), tax.md §10.
export { CLEARANCE_STATES, CLEARANCE_TRIGGERS, CLEARANCE_MACHINE } from './clearance-machine';
export type { ClearanceStatus, ClearanceTrigger } from './clearance-machine';
export {
  CLEARANCE_ROUTES,
  CLEARANCE_BLOCKER_CODES,
  CLEARANCE_GATED_OPERATIONS,
  DEFAULT_CLEARANCE_POLICY,
  clearanceBlockers,
  factRoute,
  classifyClearance,
} from './clearance-route';
export type { ClearanceRoute, ClearanceFacts, ClearanceBlocker, ClearanceBlockerCode, ClearancePolicy, ClearanceClassification } from './clearance-route';
export { ClearanceCase } from './clearance-case';
export type { ClearanceOrigin, ClearanceCaseState, ClearanceHistoryEntry, ClearanceEventData } from './clearance-case';
export {
  ClearanceRouteMismatchError,
  ClearanceIssuerNotAllowedError,
  ClearanceBlockersOutstandingError,
  ClearanceCommitmentOverdueError,
  ClearanceCommitmentNotDueError,
} from './errors';

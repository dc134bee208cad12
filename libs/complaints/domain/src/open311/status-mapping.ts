/**
 * Open311 GeoReport v2 status mapping, spec §7 (the "Mapping" table), as data.
 * `status` is open/closed (GeoReport v2); the FixMyStreet extended status goes in
 * `servicerequestupdates`; `external_status_code` = the internal state, plus ':' and the close
 * reason when closed (e.g. 'CLOSED:MERGED', 'CLOSED:INCOMPLETE').
 *
 * Reading of the table (ambiguities resolved):
 *  - IN_PROGRESS → `in_progress`; linked to a long-running issue (§3.8) → `action_scheduled`.
 *  - A CLOSED ticket is mapped by its close reason first (MERGED → duplicate, GUIDED →
 *    not_councils_responsibility, ANSWERED_FROM_KB / WITHDRAWN / PRAISE_READ → closed), then, for
 *    the closes after handling (RATED, NOT_RATED, REHANDLING_SKIPPED, DUTY_OPINION_*), by the
 *    outcome code: HANDLED, CASE_FILED, SUGGESTION_ADOPTED, MEDIATION_AGREED → fixed;
 *    SPECIAL_CATEGORY:*, CALLER_UNREACHABLE, REPEAT_NO_NEW_FACTS → no_further_action; any other
 *    (not adopted, mediation not agreed / concluded, force majeure, long-running progress) → closed.
 */
import type { SubmissionStatus } from '../ticket/submission-machine';
import type { TicketStatus } from '../ticket/ticket-machine';
import { isSpecialCategory, type CloseReason, type OutcomeCode } from '../ticket/ticket-types';

export type Open311Status = 'open' | 'closed';

/** FixMyStreet extended statuses used by this service (SeeClickFix: investigating = acknowledged). */
export const OPEN311_EXTENDED_STATUSES = [
  'open',
  'investigating',
  'internal_referral',
  'action_scheduled',
  'in_progress',
  'fixed',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'closed',
] as const;
export type Open311ExtendedStatus = (typeof OPEN311_EXTENDED_STATUSES)[number];

/** Open states, least advanced first (the roll-up shows the least advanced open ticket). */
export const OPEN311_OPEN_STATE_ORDER: readonly (SubmissionStatus | TicketStatus)[] = [
  'RECEIVED',
  'AWAITING_SUPPLEMENT',
  'REGISTERED',
  'DISPATCHED',
  'RETURN_REQUESTED',
  'IN_COORDINATION',
  'IN_PROGRESS',
  'SUBMITTED',
  'AWAITING_RATING',
  'CALLBACK_PENDING',
  'REHANDLING',
  'AWAITING_DUTY_OPINION',
];

/** Rows of the §7 table for open states. */
export const OPEN311_OPEN_STATE_MAPPING: Readonly<Record<string, Open311ExtendedStatus>> = {
  RECEIVED: 'open',
  AWAITING_SUPPLEMENT: 'open',
  REGISTERED: 'open',
  DISPATCHED: 'investigating',
  RETURN_REQUESTED: 'internal_referral',
  IN_COORDINATION: 'internal_referral',
  IN_PROGRESS: 'in_progress',
  SUBMITTED: 'in_progress',
  AWAITING_RATING: 'in_progress',
  CALLBACK_PENDING: 'in_progress',
  REHANDLING: 'in_progress',
  AWAITING_DUTY_OPINION: 'in_progress',
};

/** Close reasons mapped on their own (§7). */
export const OPEN311_CLOSE_REASON_MAPPING: Readonly<Partial<Record<CloseReason | 'INCOMPLETE' | 'IDENTITY_REFUSED', Open311ExtendedStatus>>> = {
  MERGED: 'duplicate',
  GUIDED: 'not_councils_responsibility',
  ANSWERED_FROM_KB: 'closed',
  WITHDRAWN: 'closed',
  PRAISE_READ: 'closed',
  // Submission closes (§3.3)
  INCOMPLETE: 'no_further_action',
  IDENTITY_REFUSED: 'no_further_action',
};

export const OPEN311_FIXED_OUTCOMES: readonly OutcomeCode[] = ['HANDLED', 'CASE_FILED', 'SUGGESTION_ADOPTED', 'MEDIATION_AGREED'];
export const OPEN311_NO_FURTHER_ACTION_OUTCOMES: readonly OutcomeCode[] = ['CALLER_UNREACHABLE', 'REPEAT_NO_NEW_FACTS'];

/** What the mapping reads of a ticket or submission. */
export interface Open311StatusInput {
  readonly state: SubmissionStatus | TicketStatus;
  readonly closeReason?: CloseReason | 'INCOMPLETE' | 'IDENTITY_REFUSED';
  readonly outcomeCode?: OutcomeCode;
  readonly longRunningIssueId?: string;
}

export interface Open311StatusView {
  readonly status: Open311Status;
  readonly extendedStatus: Open311ExtendedStatus;
  readonly externalStatusCode: string;
}

export function open311ExtendedStatus(input: Open311StatusInput): Open311ExtendedStatus {
  if (input.state !== 'CLOSED') {
    if (input.state === 'IN_PROGRESS' && input.longRunningIssueId) return 'action_scheduled';
    return OPEN311_OPEN_STATE_MAPPING[input.state] ?? 'open';
  }
  const byReason = input.closeReason ? OPEN311_CLOSE_REASON_MAPPING[input.closeReason] : undefined;
  if (byReason) return byReason;
  const outcome = input.outcomeCode;
  if (outcome === undefined) return 'closed';
  if (OPEN311_FIXED_OUTCOMES.includes(outcome)) return 'fixed';
  if (isSpecialCategory(outcome) || OPEN311_NO_FURTHER_ACTION_OUTCOMES.includes(outcome)) return 'no_further_action';
  return 'closed';
}

/** Internal state, plus ':' and the close reason when closed (§7). */
export function open311ExternalStatusCode(input: Open311StatusInput): string {
  return input.state === 'CLOSED' && input.closeReason ? `CLOSED:${input.closeReason}` : input.state;
}

/** The three Open311 views of one ticket or submission state (§7). */
export function open311StatusOf(input: Open311StatusInput): Open311StatusView {
  return {
    status: input.state === 'CLOSED' ? 'closed' : 'open',
    extendedStatus: open311ExtendedStatus(input),
    externalStatusCode: open311ExternalStatusCode(input),
  };
}

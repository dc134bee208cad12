/**
 * Data of the ticket events, spec §8 (`complaints.ticket.<verb>`). Instants are ISO-8601 strings.
 * Audience per §8: I = integrator topic (no personal data), N = internal (opaque callerRef only).
 * No event carries the caller's identity.
 */
import type { ComplaintActor } from '../shared/actors';
import type { TicketStatus } from './ticket-machine';
import type {
  CloseReason,
  DispatchReason,
  FinalGrade,
  GuidanceKind,
  OutcomeCode,
  RehandlingExclusion,
  ReplyMethod,
  ReplyOutcome,
  ReturnDisputeType,
  TicketType,
} from './ticket-types';

export const TICKET_EVENT_TYPES = [
  'complaints.ticket.registered',
  'complaints.ticket.answered_directly',
  'complaints.ticket.dispatched',
  'complaints.ticket.accepted',
  'complaints.ticket.return_requested',
  'complaints.ticket.return_decided',
  'complaints.ticket.cohandlers_assigned',
  'complaints.ticket.coordination_opened',
  'complaints.ticket.guidance_given',
  'complaints.ticket.unit_decided',
  'complaints.ticket.extended',
  'complaints.ticket.facts_added',
  'complaints.ticket.reply_recorded',
  'complaints.ticket.submitted',
  'complaints.ticket.audited',
  'complaints.ticket.rating_requested',
  'complaints.ticket.rated',
  'complaints.ticket.callback_recorded',
  'complaints.ticket.rehandling_opened',
  'complaints.ticket.rehandling_skipped',
  'complaints.ticket.duty_opinion_filed',
  'complaints.ticket.deadline_approaching',
  'complaints.ticket.overdue',
  'complaints.ticket.escalated',
  'complaints.ticket.withdrawn',
  'complaints.ticket.merged',
  'complaints.ticket.closed',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** Common data of every ticket event (§8). */
export interface TicketEventCommon {
  ticketId: string;
  submissionId: string;
  jurisdictionId: string;
  ticketType: TicketType;
  scenarioCode: string;
  state: TicketStatus;
  round: 1 | 2;
  unitId: string | null;
  occurredAt: string;
  actor: { role: ComplaintActor; agencyId?: string };
  version: number;
}

export interface TicketRegisteredData extends TicketEventCommon {
  splitIndex: number;
  splitCount: number;
  priority: 'NORMAL' | 'URGENT';
  marketEntityTags: string[];
  dispatchDueAt: string;
  assignedDeadline: string | null;
}

export interface TicketDispatchedData extends TicketEventCommon {
  reason: DispatchReason;
  limitWd: number | null;
  clockStartAt: string | null;
  deadlineAt: string | null;
}

export interface TicketReturnRequestedData extends TicketEventCommon {
  disputeType: ReturnDisputeType;
  evidenceRefs: string[];
  suggestedUnitId: string | null;
}

export interface TicketReturnDecidedData extends TicketEventCommon {
  decision: 'APPROVED' | 'REJECTED';
  clockEffect: 'RESTART' | 'CONTINUE' | 'SUSPENDED';
  approvedReturnCount: number;
}

export interface TicketExtendedData extends TicketEventCommon {
  extensionNo: number;
  previousDeadlineAt: string;
  deadlineAt: string;
  publicReason: string;
}

export interface TicketFactsAddedData extends TicketEventCommon {
  affectsHandling: boolean | null;
  clockEffect: 'RESTART' | 'CONTINUE' | 'PENDING_ASSESSMENT';
  deadlineAt: string | null;
}

export interface TicketReplyRecordedData extends TicketEventCommon {
  method: ReplyMethod | null;
  attemptCount: number;
  outcome: ReplyOutcome;
}

export interface TicketSubmittedData extends TicketEventCommon {
  outcomeCode: OutcomeCode;
  submittedAt: string;
  onTime: boolean | null;
}

export interface TicketAuditedData extends TicketEventCommon {
  result: 'PASS' | 'FAIL';
  reasons: string[];
}

export interface TicketRatedData extends TicketEventCommon {
  grade: FinalGrade;
}

export interface TicketRehandlingSkippedData extends TicketEventCommon {
  exclusion: RehandlingExclusion | 'NOT_REOPENED';
  reason: string;
}

export interface TicketDeadlineData extends TicketEventCommon {
  deadlineAt: string;
}

export interface TicketCoordinationData extends TicketEventCommon {
  disputeType: GuidanceKind | null;
  guidanceBodyId: string | null;
  dueAt: string | null;
}

export interface TicketClosedData extends TicketEventCommon {
  closeReason: CloseReason;
  outcomeCode: OutcomeCode | null;
  onTime: boolean | null;
  finalGrade: FinalGrade | null;
  closedAt: string;
}

/**
 * A clock whose action on falling due is ESCALATE or GUIDANCE_LAPSED (spec §3.2) passed its due
 * instant: published once per (ticket, clock, dueAt) by the app's durable timer. No state change.
 */
export interface TicketEscalatedData extends TicketEventCommon {
  /** The clock kind (DISPATCH, RETURN_DECISION, AUDIT, CALLBACK, RATING_CHANNEL, CO_HANDLER_NOTICE, GUIDANCE). */
  clock: string;
  /** The limit rule (DISPATCH, GUIDANCE_DUTY_SPLIT, ...). */
  limit: string;
  /** ESCALATE or GUIDANCE_LAPSED. */
  action: 'ESCALATE' | 'GUIDANCE_LAPSED';
  dueAt: string;
  /** E.g. the guidance request id. */
  ref?: string;
}

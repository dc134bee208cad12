import { ComplaintsError, ComplaintsRuleError } from '../shared/errors';

/** Only the unit the ticket is assigned to (the lead unit) may do this. */
export class NotAssignedUnitError extends ComplaintsError {
  readonly code = 'complaints.ticket.not_assigned_unit';

  constructor(ticketId: string, unitId: string, assignedUnitId: string | undefined) {
    super(`Ticket ${ticketId} is assigned to ${assignedUnitId ?? 'no unit'}, not ${unitId}`, { ticketId, unitId, assignedUnitId: assignedUnitId ?? null });
  }
}

export type TicketRefusal =
  | 'not_consultation'
  | 'knowledge_point_unusable'
  | 'reason_required'
  | 'not_praise'
  | 'facts_pending'
  | 'no_pending_facts'
  | 'merge_not_allowed'
  | 'unit_check_not_due'
  | 'no_handling_clock'
  | 'already_overdue'
  | 'not_overdue'
  | 'co_handlers_required'
  | 'duty_opinion_window_closed';

/** A ticket guard refused the command: 'complaints.ticket.<reason>'. */
export class TicketRuleError extends ComplaintsRuleError {
  constructor(reason: TicketRefusal, message: string, details: Record<string, unknown> = {}) {
    super('ticket', reason, message, details);
  }
}

export type ReturnRefusal = 'window_closed' | 'evidence_missing' | 'reasons_missing' | 'barred_after_coordination' | 'same_unit' | 'not_during_rehandling';

/** A return request (退单) or its decision was refused: 'complaints.return.<reason>'. */
export class ReturnRefusedError extends ComplaintsRuleError {
  constructor(reason: ReturnRefusal, message: string, details: Record<string, unknown> = {}) {
    super('return', reason, message, details);
  }
}

export type ExtensionRefusal = 'deadline_passed' | 'max_count_reached' | 'too_long' | 'assigned_deadline' | 'reason_required' | 'not_during_rehandling' | 'invalid_days';

/** An extension (延期) was refused: 'complaints.extension.<reason>' (002 L1570, L1642). */
export class ExtensionRefusedError extends ComplaintsRuleError {
  constructor(reason: ExtensionRefusal, message: string, details: Record<string, unknown> = {}) {
    super('extension', reason, message, details);
  }
}

export type CoordinationRefusal = 'opinion_pending' | 'no_guidance_requested' | 'unknown_guidance_request' | 'already_answered';

/** Difficult-ticket coordination refused a command: 'complaints.coordination.<reason>'. */
export class CoordinationRefusedError extends ComplaintsRuleError {
  constructor(reason: CoordinationRefusal, message: string, details: Record<string, unknown> = {}) {
    super('coordination', reason, message, details);
  }
}

export type ReportRefusal = 'incomplete' | 'reply_missing' | 'outcome_not_allowed' | 'caller_reachable' | 'special_category_only';

/** The handling report cannot be submitted: 'complaints.report.<reason>' (002 L1580–1600). */
export class ReportRefusedError extends ComplaintsRuleError {
  constructor(reason: ReportRefusal, message: string, details: Record<string, unknown> = {}) {
    super('report', reason, message, details);
  }
}

export type ReplyRefusal = 'attempts_insufficient' | 'method_required' | 'evidence_required';

/** A reply record does not meet 002 L1578: 'complaints.reply.<reason>'. */
export class ReplyRefusedError extends ComplaintsRuleError {
  constructor(reason: ReplyRefusal, message: string, details: Record<string, unknown> = {}) {
    super('reply', reason, message, details);
  }
}

export type RatingRefusal = 'not_requested' | 'window_closed' | 'already_requested';

/** A rating could not be recorded: 'complaints.rating.<reason>' (002 L1634–1636). */
export class RatingRefusedError extends ComplaintsRuleError {
  constructor(reason: RatingRefusal, message: string, details: Record<string, unknown> = {}) {
    super('rating', reason, message, details);
  }
}

export type RehandlingRefusal = 'already_rehandled' | 'excluded_outcome' | 'wrong_round';

/** Re-handling (重办) refused: 'complaints.rehandling.<reason>' (002 L1640–1658). */
export class RehandlingRefusedError extends ComplaintsRuleError {
  constructor(reason: RehandlingRefusal, message: string, details: Record<string, unknown> = {}) {
    super('rehandling', reason, message, details);
  }
}

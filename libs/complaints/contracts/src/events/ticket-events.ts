import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import {
  CLOSE_REASON,
  GRADE,
  ID,
  INSTANT,
  NULLABLE_ID,
  NULLABLE_INSTANT,
  OUTCOME_CODE,
  TICKET_COMMON_EXAMPLE,
  TICKET_COMMON_PROPERTIES,
  TICKET_COMMON_REQUIRED,
  type TicketEventCommon,
} from './schema-parts';

/** §8 audience: `integrator` (I) events are free of personal data; `internal` (N) carry only opaque references. */
export type Audience = 'integrator' | 'internal';

const AUDIENCE = new Map<string, Audience>();

/** The audience of a complaints event name (§8). */
export function audienceOf(name: string): Audience | undefined {
  return AUDIENCE.get(name);
}

function ticketEvent<X extends object>(
  verb: string,
  audience: Audience,
  summary: string,
  extra: { required?: string[]; properties?: Record<string, unknown>; example: X },
): EventDefinition<TicketEventCommon & X> {
  const name = `complaints.ticket.${verb}`;
  AUDIENCE.set(name, audience);
  return defineEvent<TicketEventCommon & X>({
    name,
    version: 1,
    topic: COMPLAINTS_TOPIC,
    summary: `${audience === 'integrator' ? '[I] ' : '[N] '}${summary} Keyed by the submission id; subject = submission id; data.ticketId names the ticket.`,
    schema: {
      type: 'object',
      required: [...TICKET_COMMON_REQUIRED, ...(extra.required ?? [])],
      properties: { ...TICKET_COMMON_PROPERTIES, ...(extra.properties ?? {}) },
    },
    example: { ...TICKET_COMMON_EXAMPLE, ...extra.example },
  });
}

const CLOCK_EFFECT = { type: 'string', enum: ['RESTART', 'CONTINUE', 'SUSPENDED', 'PENDING_ASSESSMENT'] };

export const TicketRegistered = ticketEvent('registered', 'integrator', 'A ticket (工单) was registered from a submission; dispatch is due within 1 working day.', {
  required: ['splitIndex', 'splitCount', 'priority', 'marketEntityTags', 'dispatchDueAt', 'assignedDeadline'],
  properties: {
    splitIndex: { type: 'integer', minimum: 1 },
    splitCount: { type: 'integer', minimum: 1 },
    priority: { type: 'string', enum: ['NORMAL', 'URGENT'] },
    marketEntityTags: { type: 'array', items: ID },
    dispatchDueAt: INSTANT,
    assignedDeadline: NULLABLE_INSTANT,
  },
  example: { state: 'REGISTERED', unitId: null, version: 1, splitIndex: 1, splitCount: 1, priority: 'NORMAL' as const, marketEntityTags: [], dispatchDueAt: '2026-10-09T16:00:00.000Z', assignedDeadline: null },
});

export const TicketAnsweredDirectly = ticketEvent('answered_directly', 'internal', 'A consultation was answered from the knowledge base during the contact.', {
  required: ['knowledgePointIds'],
  properties: { knowledgePointIds: { type: 'array', minItems: 1, items: ID } },
  example: { state: 'CLOSED', unitId: null, knowledgePointIds: ['kp-housing-001'] },
});

export const TicketDispatched = ticketEvent('dispatched', 'integrator', 'The ticket was dispatched (派单) to a unit; the handling clock runs from 00:00 of the next working day.', {
  required: ['reason', 'limitWd', 'clockStartAt', 'deadlineAt'],
  properties: {
    reason: { type: 'string', enum: ['INITIAL', 'RETURN_APPROVED', 'COORDINATION', 'REHANDLING'] },
    limitWd: { type: ['integer', 'null'], minimum: 1 },
    clockStartAt: NULLABLE_INSTANT,
    deadlineAt: NULLABLE_INSTANT,
  },
  example: { reason: 'INITIAL' as const, limitWd: 10, clockStartAt: '2026-10-07T16:00:00.000Z', deadlineAt: '2026-10-20T16:00:00.000Z' },
});

export const TicketAccepted = ticketEvent('accepted', 'internal', 'The unit accepted (签收) the ticket, or the 2-working-day check lapsed (auto).', {
  required: ['auto'],
  properties: { auto: { type: 'boolean' } },
  example: { state: 'IN_PROGRESS', auto: false, actor: { role: 'handling_unit', agencyId: 'GZ-YX-HOUSING' } },
});

export const TicketReturnRequested = ticketEvent('return_requested', 'internal', 'The unit asked to return (退单) the ticket with reasons and evidence.', {
  required: ['disputeType', 'evidenceRefs', 'suggestedUnitId'],
  properties: { disputeType: { type: 'string', enum: ['DUTY', 'MAINTENANCE', 'JURISDICTION', 'DOCUMENT'] }, evidenceRefs: { type: 'array', items: ID }, suggestedUnitId: NULLABLE_ID },
  example: { state: 'RETURN_REQUESTED', disputeType: 'DUTY' as const, evidenceRefs: ['doc-powers', 'doc-outside'], suggestedUnitId: null },
});

export const TicketReturnDecided = ticketEvent('return_decided', 'internal', 'The centre approved (clock restarts, or coordination) or rejected (clock continues) a return.', {
  required: ['decision', 'clockEffect', 'approvedReturnCount'],
  properties: { decision: { type: 'string', enum: ['APPROVED', 'REJECTED'] }, clockEffect: CLOCK_EFFECT, approvedReturnCount: { type: 'integer', minimum: 0 } },
  example: { decision: 'REJECTED' as const, clockEffect: 'CONTINUE' as const, approvedReturnCount: 0, state: 'IN_PROGRESS' },
});

export const TicketCohandlersAssigned = ticketEvent('cohandlers_assigned', 'internal', 'The lead unit named its co-handlers (协办) and their items.', {
  required: ['leadUnitId', 'coHandlers', 'dueAt'],
  properties: {
    leadUnitId: ID,
    coHandlers: { type: 'array', items: { type: 'object', required: ['unitId', 'items'], properties: { unitId: ID, items: { type: 'array', items: { type: 'string' } } } } },
    dueAt: NULLABLE_INSTANT,
  },
  example: { state: 'IN_PROGRESS', leadUnitId: 'GZ-YX-HOUSING', coHandlers: [{ unitId: 'GZ-YX-WATER', items: ['pipe repair'] }], dueAt: null },
});

const COORDINATION = {
  required: ['disputeType', 'guidanceBodyId', 'dueAt'],
  properties: { disputeType: { type: ['string', 'null'], enum: ['INTER_DISTRICT', 'DUTY_SPLIT', 'LAW_APPLICATION', null] }, guidanceBodyId: NULLABLE_ID, dueAt: NULLABLE_INSTANT },
};

export const TicketCoordinationOpened = ticketEvent('coordination_opened', 'internal', 'Difficult-ticket coordination (疑难工单协调) opened, or a guidance opinion was requested in it.', {
  ...COORDINATION,
  example: { state: 'IN_COORDINATION', disputeType: 'INTER_DISTRICT', guidanceBodyId: 'GZ-GUIDANCE', dueAt: '2026-03-05T16:00:00.000Z' },
});

export const TicketGuidanceGiven = ticketEvent('guidance_given', 'internal', 'A guidance body gave its opinion in coordination.', {
  ...COORDINATION,
  example: { state: 'IN_COORDINATION', disputeType: 'INTER_DISTRICT', guidanceBodyId: 'GZ-GUIDANCE', dueAt: '2026-03-05T16:00:00.000Z' },
});

export const TicketUnitDecided = ticketEvent('unit_decided', 'internal', 'The data administration decided the handling unit after coordination.', {
  ...COORDINATION,
  example: { state: 'DISPATCHED', disputeType: null, guidanceBodyId: null, dueAt: null },
});

export const TicketExtended = ticketEvent('extended', 'integrator', 'The unit extended (延期) the handling deadline (at most twice).', {
  required: ['extensionNo', 'previousDeadlineAt', 'deadlineAt', 'publicReason'],
  properties: { extensionNo: { type: 'integer', minimum: 1, maximum: 2 }, previousDeadlineAt: INSTANT, deadlineAt: INSTANT, publicReason: { type: 'string', minLength: 1 } },
  example: { state: 'IN_PROGRESS', extensionNo: 1, previousDeadlineAt: '2026-10-20T16:00:00.000Z', deadlineAt: '2026-11-03T16:00:00.000Z', publicReason: 'A site survey is needed' },
});

export const TicketFactsAdded = ticketEvent('facts_added', 'integrator', 'Facts the caller added were recorded (PENDING_ASSESSMENT) or assessed by the unit (clock RESTART or CONTINUE).', {
  required: ['affectsHandling', 'clockEffect', 'deadlineAt'],
  properties: { affectsHandling: { type: ['boolean', 'null'] }, clockEffect: CLOCK_EFFECT, deadlineAt: NULLABLE_INSTANT },
  example: { state: 'IN_PROGRESS', affectsHandling: true, clockEffect: 'RESTART' as const, deadlineAt: '2026-10-23T16:00:00.000Z' },
});

export const TicketReplyRecorded = ticketEvent('reply_recorded', 'internal', 'The unit recorded its reply (答复) to the caller.', {
  required: ['method', 'attemptCount', 'outcome'],
  properties: { method: { type: ['string', 'null'], enum: ['PHONE', 'SMS', 'LETTER', null] }, attemptCount: { type: 'integer', minimum: 0 }, outcome: { type: 'string', enum: ['REPLIED', 'DECLINED', 'UNREACHABLE'] } },
  example: { state: 'IN_PROGRESS', method: 'PHONE', attemptCount: 1, outcome: 'REPLIED' as const },
});

export const TicketSubmitted = ticketEvent('submitted', 'integrator', 'The handling report passed audit: the ticket counts as handled at submittedAt (on time or not).', {
  required: ['outcomeCode', 'submittedAt', 'onTime'],
  properties: { outcomeCode: OUTCOME_CODE, submittedAt: INSTANT, onTime: { type: ['boolean', 'null'] } },
  example: { state: 'AWAITING_RATING', outcomeCode: 'HANDLED', submittedAt: '2026-10-15T03:00:00.000Z', onTime: true },
});

export const TicketAudited = ticketEvent('audited', 'internal', 'The centre audited the handling report (PASS or FAIL with reasons).', {
  required: ['result', 'reasons'],
  properties: { result: { type: 'string', enum: ['PASS', 'FAIL'] }, reasons: { type: 'array', items: { type: 'string' } } },
  example: { state: 'AWAITING_RATING', result: 'PASS' as const, reasons: [] },
});

export const TicketRatingRequested = ticketEvent('rating_requested', 'internal', 'The satisfaction request went out; the caller has 5 natural days.', {
  required: ['dueAt'],
  properties: { dueAt: INSTANT },
  example: { state: 'AWAITING_RATING', dueAt: '2026-10-20T03:00:00.000Z' },
});

export const TicketRated = ticketEvent('rated', 'integrator', 'The caller rated the handling, or the window lapsed (NOT_RATED).', {
  required: ['grade'],
  properties: { grade: GRADE },
  example: { state: 'CLOSED', grade: 'SATISFIED' as const, actor: { role: 'caller' } },
});

export const TicketCallbackRecorded = ticketEvent('callback_recorded', 'internal', 'The centre recorded its callback (回访) after a dissatisfied rating.', {
  required: ['reason'],
  properties: { reason: { type: 'string' }, dueAt: INSTANT },
  example: { state: 'REHANDLING', reason: 'Lift still broken' },
});

export const TicketRehandlingOpened = ticketEvent('rehandling_opened', 'integrator', 'The centre reopened the ticket for re-handling (重办), once; no return, no extension.', {
  required: ['deadlineAt'],
  properties: { deadlineAt: INSTANT },
  example: { state: 'REHANDLING', round: 2 as const, deadlineAt: '2026-11-05T16:00:00.000Z' },
});

export const TicketRehandlingSkipped = ticketEvent('rehandling_skipped', 'internal', 'The centre closed after a dissatisfied rating without re-handling (excluded outcome or not reopened).', {
  required: ['exclusion', 'reason'],
  properties: { exclusion: { type: 'string' }, reason: { type: 'string' } },
  example: { state: 'CLOSED', exclusion: 'NOT_REOPENED', reason: 'Handled lawfully' },
});

export const TicketDutyOpinionFiled = ticketEvent('duty_opinion_filed', 'internal', 'The unit filed its duty-fulfilled opinion (履职尽责意见).', {
  example: { state: 'CLOSED' },
});

export const TicketDeadlineApproaching = ticketEvent('deadline_approaching', 'internal', 'The handling deadline is one working day away (reminder); sent once per deadline.', {
  required: ['deadlineAt'],
  properties: { deadlineAt: INSTANT },
  example: { state: 'IN_PROGRESS', actor: { role: 'timer' }, deadlineAt: '2026-10-20T16:00:00.000Z' },
});

export const TicketOverdue = ticketEvent('overdue', 'integrator', 'The handling deadline passed with no compliant report (超期); sent once per clock.', {
  required: ['deadlineAt'],
  properties: { deadlineAt: INSTANT },
  example: { state: 'IN_PROGRESS', actor: { role: 'timer' }, deadlineAt: '2026-10-20T16:00:00.000Z' },
});

export const TicketEscalated = ticketEvent(
  'escalated',
  'internal',
  'A clock whose action is ESCALATE (dispatch 1 WD, co-handler notice 2 WD, return decision, audit, callback, rating channel 24 h) or GUIDANCE_LAPSED (guidance opinion) passed its due instant with nothing done (spec §3.2); sent once per ticket, clock and due instant; no state change.',
  {
    required: ['clock', 'limit', 'action', 'dueAt'],
    properties: {
      clock: { type: 'string', enum: ['DISPATCH', 'UNIT_CHECK', 'HANDLING', 'REHANDLING', 'CO_HANDLER_NOTICE', 'RETURN_DECISION', 'GUIDANCE', 'AUDIT', 'RATING_CHANNEL', 'RATING_WINDOW', 'CALLBACK', 'DUTY_OPINION'] },
      limit: { type: 'string', minLength: 1 },
      action: { type: 'string', enum: ['ESCALATE', 'GUIDANCE_LAPSED'] },
      dueAt: INSTANT,
      ref: ID,
    },
    example: { state: 'REGISTERED', unitId: null, actor: { role: 'timer' as const }, clock: 'DISPATCH', limit: 'DISPATCH', action: 'ESCALATE' as const, dueAt: '2026-10-08T16:00:00.000Z' },
  },
);

/** No `investigationContinues`: whether a withdrawn report is still investigated stays internal (§8). */
export const TicketWithdrawn = ticketEvent('withdrawn', 'integrator', 'The caller withdrew (撤回) the request; never rated.', {
  example: { state: 'CLOSED', actor: { role: 'caller' } },
});

export const TicketMerged = ticketEvent('merged', 'integrator', 'The ticket was merged (并单) into a primary ticket.', {
  required: ['primaryTicketId', 'linkType'],
  properties: { primaryTicketId: ID, linkType: { type: 'string', enum: ['DUPLICATE'] } },
  example: { state: 'CLOSED', primaryTicketId: 'tk-0a1b2c3d', linkType: 'DUPLICATE' as const },
});

export const TicketClosed = ticketEvent('closed', 'integrator', 'The ticket closed, with its reason, outcome, punctuality and final grade.', {
  required: ['closeReason', 'outcomeCode', 'onTime', 'finalGrade', 'closedAt'],
  properties: { closeReason: CLOSE_REASON, outcomeCode: { ...OUTCOME_CODE, type: ['string', 'null'] }, onTime: { type: ['boolean', 'null'] }, finalGrade: { ...GRADE, enum: [...GRADE.enum, null], type: ['string', 'null'] }, closedAt: INSTANT },
  example: { state: 'CLOSED', closeReason: 'RATED' as const, outcomeCode: 'HANDLED', onTime: true, finalGrade: 'SATISFIED', closedAt: '2026-10-16T03:00:00.000Z' },
});

export const TICKET_EVENTS: EventDefinition<unknown>[] = [
  TicketRegistered,
  TicketAnsweredDirectly,
  TicketDispatched,
  TicketEscalated,
  TicketAccepted,
  TicketReturnRequested,
  TicketReturnDecided,
  TicketCohandlersAssigned,
  TicketCoordinationOpened,
  TicketGuidanceGiven,
  TicketUnitDecided,
  TicketExtended,
  TicketFactsAdded,
  TicketReplyRecorded,
  TicketSubmitted,
  TicketAudited,
  TicketRatingRequested,
  TicketRated,
  TicketCallbackRecorded,
  TicketRehandlingOpened,
  TicketRehandlingSkipped,
  TicketDutyOpinionFiled,
  TicketDeadlineApproaching,
  TicketOverdue,
  TicketWithdrawn,
  TicketMerged,
  TicketClosed,
] as EventDefinition<unknown>[];

export { AUDIENCE as EVENT_AUDIENCE };

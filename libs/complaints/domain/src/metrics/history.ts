/**
 * The event history the §6 metrics are computed from: the ticket events of §8 as plain data
 * (`{type, occurredAt, data}`, e.g. read back from the outbox or the integrator topic), with the
 * field names of the ticket domain's events (ticket/events.ts). Unknown event types are ignored;
 * events after `asOf` are ignored.
 *
 * The history is folded into one timeline per ticket (`ticketTimelines`), which every metric reads.
 */
import type { TicketStatus } from '../ticket/ticket-machine';
import type { CloseReason, DispatchReason, FinalGrade, OutcomeCode, TicketType } from '../ticket/ticket-types';

/** One ticket event as plain data (a DomainEvent fits; `occurredAt` may be an ISO string). */
export interface ComplaintsHistoryEvent {
  readonly type: string;
  readonly occurredAt: Date | string;
  /** The event data (an object; anything else is ignored). */
  readonly data: unknown;
}

export interface TimelineDispatch {
  readonly at: Date;
  readonly unitId: string | null;
  readonly reason: DispatchReason | null;
  readonly round: 1 | 2;
  readonly deadlineAt: Date | null;
}

/** What the metrics need to know about one ticket, from its events. */
export interface TicketTimeline {
  readonly ticketId: string;
  readonly submissionId: string | null;
  readonly jurisdictionId: string | null;
  readonly ticketType: TicketType | null;
  readonly scenarioCode: string | null;
  /** State after the last event (common data `state`). */
  readonly state: TicketStatus | null;
  readonly round: 1 | 2;
  readonly registeredAt: Date | null;
  /** `dispatchDueAt` of `ticket.registered` (1 WD, 002 L1527–1531). */
  readonly dispatchDueAt: Date | null;
  readonly dispatches: readonly TimelineDispatch[];
  /** The round-1 handling deadline after extensions and restarts (last value seen). */
  readonly deadlineAt: Date | null;
  /** The current clock's deadline (round 2 after re-handling). */
  readonly currentDeadlineAt: Date | null;
  /** When the current clock was (re)started: the last dispatch or facts restart. */
  readonly currentClockSince: Date | null;
  readonly extensions: number;
  /** Round 1: `submittedAt` of the report that passed audit (`ticket.submitted`), and its `onTime`. */
  readonly compliantSubmittedAt: Date | null;
  readonly onTime: boolean | null;
  /** A report passed audit after the current clock started. */
  readonly currentClockReported: boolean;
  readonly overdueMarkedAt: Date | null;
  readonly closedAt: Date | null;
  readonly closeReason: CloseReason | null;
  readonly outcomeCode: OutcomeCode | null;
  readonly finalGrade: FinalGrade | null;
  readonly answeredDirectly: boolean;
  readonly withdrawn: boolean;
  /** The last unit the ticket was dispatched to (the lead unit), or null (never dispatched). */
  readonly unitId: string | null;
  readonly returnRequests: number;
  readonly approvedReturns: number;
  readonly rehandled: boolean;
}

const EPOCH = (v: unknown): Date | null => {
  if (v instanceof Date) return v;
  if (typeof v === 'string' && v !== '') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
};

export function eventInstant(e: ComplaintsHistoryEvent): Date {
  const d = EPOCH(e.occurredAt);
  if (!d) throw new TypeError(`Event ${e.type} has no valid occurredAt`);
  return d;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function blankTimeline(ticketId: string): Mutable<TicketTimeline> {
  return {
    ticketId,
    submissionId: null,
    jurisdictionId: null,
    ticketType: null,
    scenarioCode: null,
    state: null,
    round: 1,
    registeredAt: null,
    dispatchDueAt: null,
    dispatches: [],
    deadlineAt: null,
    currentDeadlineAt: null,
    currentClockSince: null,
    extensions: 0,
    compliantSubmittedAt: null,
    onTime: null,
    currentClockReported: false,
    overdueMarkedAt: null,
    closedAt: null,
    closeReason: null,
    outcomeCode: null,
    finalGrade: null,
    answeredDirectly: false,
    withdrawn: false,
    unitId: null,
    returnRequests: 0,
    approvedReturns: 0,
    rehandled: false,
  };
}

/**
 * One timeline per ticket, in order of first appearance. Events are applied in `occurredAt`
 * order (stable for equal instants); events after `asOf` are skipped.
 */
export function ticketTimelines(history: readonly ComplaintsHistoryEvent[], asOf?: Date): TicketTimeline[] {
  const sorted = history
    .map((e, i) => ({ e, at: eventInstant(e), i }))
    .filter(({ at }) => asOf === undefined || at.getTime() <= asOf.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  const byId = new Map<string, Mutable<TicketTimeline>>();
  for (const { e, at } of sorted) {
    const d = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Readonly<Record<string, unknown>>;
    const id = str(d['ticketId']);
    if (!id || !e.type.startsWith('complaints.ticket.')) continue;
    let t = byId.get(id);
    if (!t) {
      t = blankTimeline(id);
      byId.set(id, t);
    }
    t.submissionId = str(d['submissionId']) ?? t.submissionId;
    t.jurisdictionId = str(d['jurisdictionId']) ?? t.jurisdictionId;
    t.ticketType = (str(d['ticketType']) as TicketType | null) ?? t.ticketType;
    t.scenarioCode = str(d['scenarioCode']) ?? t.scenarioCode;
    t.state = (str(d['state']) as TicketStatus | null) ?? t.state;
    const round = d['round'] === 2 ? 2 : 1;
    t.round = round;
    switch (e.type.slice('complaints.ticket.'.length)) {
      case 'registered':
        t.registeredAt = at;
        t.dispatchDueAt = EPOCH(d['dispatchDueAt']);
        break;
      case 'dispatched': {
        const deadlineAt = EPOCH(d['deadlineAt']);
        const reason = str(d['reason']) as DispatchReason | null;
        t.dispatches = [...t.dispatches, { at, unitId: str(d['unitId']), reason, round, deadlineAt }];
        t.unitId = str(d['unitId']) ?? t.unitId;
        if (round === 1 && reason !== 'REHANDLING') t.deadlineAt = deadlineAt;
        if (reason === 'REHANDLING') t.rehandled = true;
        t.currentDeadlineAt = deadlineAt;
        t.currentClockSince = at;
        t.currentClockReported = false;
        break;
      }
      case 'extended':
        t.extensions++;
        if (round === 1) t.deadlineAt = EPOCH(d['deadlineAt']) ?? t.deadlineAt;
        t.currentDeadlineAt = EPOCH(d['deadlineAt']) ?? t.currentDeadlineAt;
        break;
      case 'facts_added': {
        const deadlineAt = EPOCH(d['deadlineAt']);
        if (d['clockEffect'] === 'RESTART' && deadlineAt) {
          if (round === 1) t.deadlineAt = deadlineAt;
          t.currentDeadlineAt = deadlineAt;
          t.currentClockSince = at;
        }
        break;
      }
      case 'return_requested':
        t.returnRequests++;
        break;
      case 'return_decided':
        if (d['decision'] === 'APPROVED') t.approvedReturns++;
        break;
      case 'submitted': {
        const submittedAt = EPOCH(d['submittedAt']) ?? at;
        if (round === 1 && t.compliantSubmittedAt === null) {
          t.compliantSubmittedAt = submittedAt;
          const onTime = d['onTime'];
          t.onTime = typeof onTime === 'boolean' ? onTime : t.deadlineAt ? submittedAt.getTime() < t.deadlineAt.getTime() : null;
        }
        t.outcomeCode = (str(d['outcomeCode']) as OutcomeCode | null) ?? t.outcomeCode;
        t.currentClockReported = true;
        break;
      }
      case 'overdue':
        t.overdueMarkedAt ??= at;
        break;
      case 'answered_directly':
        t.answeredDirectly = true;
        break;
      case 'withdrawn':
        t.withdrawn = true;
        break;
      case 'rehandling_opened':
        t.rehandled = true;
        break;
      case 'closed':
        t.closedAt = EPOCH(d['closedAt']) ?? at;
        t.closeReason = (str(d['closeReason']) as CloseReason | null) ?? t.closeReason;
        t.outcomeCode = (str(d['outcomeCode']) as OutcomeCode | null) ?? t.outcomeCode;
        t.finalGrade = (str(d['finalGrade']) as FinalGrade | null) ?? null;
        if (t.closeReason === 'ANSWERED_FROM_KB') t.answeredDirectly = true;
        if (t.closeReason === 'WITHDRAWN') t.withdrawn = true;
        break;
      default:
        break;
    }
  }
  return [...byId.values()];
}

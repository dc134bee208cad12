/**
 * The clocks running on a ticket at an instant (spec §3.2), for the app to schedule its durable
 * timers: the reminder at `warnAt` (deadline_approaching / escalation), the action at `dueAt`.
 * Pure: the domain computes, the app schedules.
 */
import type { DeadlineStatus, WorkingCalendar } from '@one-window/shared/calendar';
import type { Ticket } from './ticket';
import {
  DEFAULT_TIME_LIMITS,
  guidanceLimitId,
  handlingLimitIdFor,
  statusAt,
  warnAtFor,
  dueAtFor,
  type TimeLimitId,
  type TimeLimitTable,
  type TimeUnit,
  type TimerAction,
} from './time-limits';

export type ClockKind =
  | 'DISPATCH'
  | 'UNIT_CHECK'
  | 'HANDLING'
  | 'REHANDLING'
  | 'CO_HANDLER_NOTICE'
  | 'RETURN_DECISION'
  | 'GUIDANCE'
  | 'AUDIT'
  | 'RATING_CHANNEL'
  | 'RATING_WINDOW'
  | 'CALLBACK'
  | 'DUTY_OPINION';

export interface ActiveClock {
  readonly clock: ClockKind;
  /** The rule of the limit table, or ASSIGNED_DEADLINE (002 L1537). */
  readonly limit: TimeLimitId | 'ASSIGNED_DEADLINE';
  readonly source: string;
  /** The instant of the start event. */
  readonly startedAt: Date;
  /** Exclusive due instant: late at or after it. */
  readonly dueAt: Date;
  /** Reminder instant (T−1 WD for WD clocks, design). */
  readonly warnAt: Date;
  readonly status: DeadlineStatus;
  /** What the timer at dueAt should do. */
  readonly onDue: TimerAction;
  /** E.g. the guidance request id. */
  readonly ref?: string;
}

const HANDLING_STATES = ['DISPATCHED', 'RETURN_REQUESTED', 'IN_PROGRESS', 'REHANDLING'];

/** Every clock running on `ticket` at `at`, soonest due first. */
export function clocksFor(ticket: Ticket, at: Date, calendar: WorkingCalendar, limits: TimeLimitTable = DEFAULT_TIME_LIMITS): ActiveClock[] {
  const s = ticket.state;
  const clocks: ActiveClock[] = [];
  const fromRule = (clock: ClockKind, id: TimeLimitId, startedAt: Date, dueAt?: Date, ref?: string) => {
    const rule = limits[id];
    const due = dueAt ?? dueAtFor(calendar, id, startedAt, limits);
    clocks.push(build(clock, id, rule.source, startedAt, due, rule.unit, rule.warnBefore, rule.onDue, ref));
  };
  const build = (clock: ClockKind, limit: ActiveClock['limit'], source: string, startedAt: Date, dueAt: Date, unit: TimeUnit, warnBefore: number, onDue: TimerAction, ref?: string): ActiveClock => {
    const warnAt = warnAtFor(calendar, dueAt, unit, warnBefore);
    return { clock, limit, source, startedAt, dueAt, warnAt, status: statusAt(at, dueAt, warnAt), onDue, ...(ref ? { ref } : {}) };
  };
  const lastDispatch = s.dispatches[s.dispatches.length - 1];

  switch (s.state) {
    case 'REGISTERED':
      fromRule('DISPATCH', 'DISPATCH', s.registeredAt, s.dispatchDueAt);
      break;
    case 'DISPATCHED':
      if (lastDispatch?.unitCheckDueAt) fromRule('UNIT_CHECK', 'UNIT_CHECK', lastDispatch.at, lastDispatch.unitCheckDueAt);
      break;
    case 'RETURN_REQUESTED': {
      const request = s.returnRequests[s.returnRequests.length - 1];
      if (request) fromRule('RETURN_DECISION', 'RETURN_DECISION', request.at);
      break;
    }
    case 'IN_COORDINATION':
      for (const g of s.coordination?.guidance ?? []) {
        if (!g.givenAt) fromRule('GUIDANCE', guidanceLimitId(g.kind), g.requestedAt, g.dueAt, g.id);
      }
      break;
    case 'SUBMITTED':
      if (s.submittedAt) fromRule('AUDIT', 'AUDIT', s.submittedAt);
      break;
    case 'AWAITING_RATING': {
      const r = s.ratingRequest;
      if (r && !r.sentAt) fromRule('RATING_CHANNEL', 'RATING_CHANNEL', r.auditPassedAt, r.sendBy);
      if (r?.sentAt && r.windowDueAt) fromRule('RATING_WINDOW', 'RATING_WINDOW', r.sentAt, r.windowDueAt);
      break;
    }
    case 'CALLBACK_PENDING': {
      const rating = s.ratings[s.ratings.length - 1];
      if (rating) fromRule('CALLBACK', 'CALLBACK', rating.at);
      break;
    }
    case 'AWAITING_DUTY_OPINION':
      if (s.dutyOpinion) fromRule('DUTY_OPINION', 'DUTY_OPINION', s.dutyOpinion.at, s.dutyOpinion.dueAt);
      break;
    default:
      break;
  }

  // The handling clock keeps running through DISPATCHED, RETURN_REQUESTED, IN_PROGRESS and REHANDLING (§3.2).
  const h = s.handling;
  if (h && HANDLING_STATES.includes(s.state)) {
    const id = handlingLimitIdFor(s.type);
    const clock: ClockKind = h.kind;
    if (h.assignedDeadline || !id) {
      clocks.push(build(clock, 'ASSIGNED_DEADLINE', '002 L1537', h.trigger, h.deadlineAt, 'WORKING_DAYS', 1, 'MARK_OVERDUE'));
    } else {
      const rule = limits[id];
      clocks.push(build(clock, id, rule.source, h.trigger, h.deadlineAt, rule.unit, rule.warnBefore, rule.onDue));
    }
  }
  // The lead names co-handlers within 2 WD of its receipt (002 L1556).
  if (s.coHandlingOrder && (s.state === 'DISPATCHED' || s.state === 'IN_PROGRESS')) {
    fromRule('CO_HANDLER_NOTICE', 'CO_HANDLER_NOTICE', s.coHandlingOrder.leadReceivedAt, s.coHandlingOrder.dueAt);
  }
  return clocks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { clocksFor, type ActiveClock, type Ticket, type TimerAction } from '@one-window/complaints/domain';
import { COMPLAINTS_REFERENCE_DATA, EscalationRepository, limitsFor, ReminderRepository, type ComplaintsReferenceData } from '@one-window/complaints/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';

/** The durable timers of a ticket, one kind per clock action; the key is the ticket id. */
export const TICKET_TIMERS = {
  /** Unit check lapsed with no action → autoAccept (design, row #5). */
  autoAccept: 'complaints.ticket.auto_accept',
  /** Handling deadline passed → markOverdue, `ticket.overdue` once per clock (002 L1539). */
  overdue: 'complaints.ticket.mark_overdue',
  /** T−1 WD before the handling deadline → `ticket.deadline_approaching`, once per deadline (design §3.2). */
  warning: 'complaints.ticket.deadline_warning',
  /** 5 ND rating window lapsed → lapseRating, NOT_RATED, closed (002 L1636). */
  ratingLapse: 'complaints.ticket.rating_lapse',
  /** 5 WD for the duty opinion lapsed → lapseDutyOpinion, closed (002 L1664). */
  dutyOpinionLapse: 'complaints.ticket.duty_opinion_lapse',
} as const;

export type TicketTimerKind = (typeof TICKET_TIMERS)[keyof typeof TICKET_TIMERS];

/**
 * A clock whose action is ESCALATE or GUIDANCE_LAPSED fell due → `ticket.escalated`, once per
 * (ticket, clock, dueAt). One timer per clock: key `${ticketId}:${clock}` (`${ticketId}:GUIDANCE:${ref}`
 * for a guidance request), payload { ticketId, clock, ref?, dueAt }.
 */
export const ESCALATION_TIMER = 'complaints.ticket.escalate';

/** The clocks whose action on falling due is ESCALATE (their limit id is the clock kind; spec §3.2). */
export const ESCALATING_CLOCKS = ['DISPATCH', 'CO_HANDLER_NOTICE', 'RETURN_DECISION', 'AUDIT', 'RATING_CHANNEL', 'CALLBACK'] as const;

export interface PlannedEscalation {
  readonly key: string;
  /** The key of the clock in the escalation record: the clock kind, or GUIDANCE:<ref>. */
  readonly clockKey: string;
  readonly clock: ActiveClock;
}

const clockKeyOf = (c: Pick<ActiveClock, 'clock' | 'ref'>) => (c.ref ? `${c.clock}:${c.ref}` : c.clock);

/** The escalation timers a ticket needs (pure): one per active clock whose action is ESCALATE or GUIDANCE_LAPSED. */
export function plannedEscalations(ticketId: string, clocks: readonly ActiveClock[]): PlannedEscalation[] {
  return clocks
    .filter((c) => c.onDue === 'ESCALATE' || c.onDue === 'GUIDANCE_LAPSED')
    .map((clock) => ({ key: `${ticketId}:${clockKeyOf(clock)}`, clockKey: clockKeyOf(clock), clock }));
}

/** The active clock an escalation timer acts on, re-computed at firing (none: stale). */
export function escalatingClock(clocks: readonly ActiveClock[], clock: string, ref?: string): ActiveClock | undefined {
  return clocks.find((c) => (c.onDue === 'ESCALATE' || c.onDue === 'GUIDANCE_LAPSED') && c.clock === clock && (c.ref ?? undefined) === (ref || undefined));
}

/** The network supplement's 3 ND lapsed → closeIncomplete(LAPSED) (002 L1517); key = submission id. */
export const SUPPLEMENT_LAPSE_TIMER = 'complaints.submission.supplement_lapse';

const ACTION_OF: Record<TicketTimerKind, TimerAction> = {
  [TICKET_TIMERS.autoAccept]: 'AUTO_ACCEPT',
  [TICKET_TIMERS.overdue]: 'MARK_OVERDUE',
  [TICKET_TIMERS.warning]: 'MARK_OVERDUE',
  [TICKET_TIMERS.ratingLapse]: 'CLOSE_NOT_RATED',
  [TICKET_TIMERS.dutyOpinionLapse]: 'CLOSE_DUTY_OPINION_LAPSED',
};

/** The active clock a timer kind acts on, at `at` (none: the timer is stale). */
export function clockFor(kind: TicketTimerKind, clocks: readonly ActiveClock[]): ActiveClock | undefined {
  return clocks.find((c) => c.onDue === ACTION_OF[kind]);
}

export interface PlannedTimer {
  readonly kind: TicketTimerKind;
  readonly dueAt: Date;
  /** For the warning: the deadline it warns of (a reminder goes out once per deadline). */
  readonly deadlineAt?: Date;
}

/**
 * The timers a ticket needs at `now`, from its active clocks (pure): one per clock whose action a
 * timer performs. The overdue timer only until the overdue is marked; the warning only before the
 * deadline. ESCALATE and GUIDANCE_LAPSED clocks get their own timers (`plannedEscalations`).
 */
export function plannedTimers(ticket: Ticket, clocks: readonly ActiveClock[]): PlannedTimer[] {
  const planned: PlannedTimer[] = [];
  for (const kind of Object.values(TICKET_TIMERS)) {
    const clock = clockFor(kind, clocks);
    if (!clock) continue;
    if (kind === TICKET_TIMERS.overdue) {
      if (!ticket.state.handling?.overdueMarkedAt) planned.push({ kind, dueAt: clock.dueAt });
    } else if (kind === TICKET_TIMERS.warning) {
      if (clock.status !== 'RED') planned.push({ kind, dueAt: clock.warnAt, deadlineAt: clock.dueAt });
    } else {
      planned.push({ kind, dueAt: clock.dueAt });
    }
  }
  return planned;
}

/**
 * Keeps a ticket's durable timers in line with its clocks, in the caller's transaction, after
 * every command and every timer: each planned timer is scheduled (or moved), every other kind is
 * cancelled. A warning already sent for the same deadline is not scheduled again.
 */
@Injectable()
export class TicketClocks {
  constructor(
    private readonly timers: Timers,
    private readonly reminders: ReminderRepository,
    private readonly escalations: EscalationRepository,
    private readonly calendar: WorkingCalendar,
    @Inject(COMPLAINTS_REFERENCE_DATA) private readonly reference: ComplaintsReferenceData,
  ) {}

  clocks(ticket: Ticket, at: Date): ActiveClock[] {
    return clocksFor(ticket, at, this.calendar, limitsFor(this.reference, ticket.state.jurisdictionId));
  }

  async sync(tx: EntityManager, ticket: Ticket, now: Date): Promise<PlannedTimer[]> {
    const planned: PlannedTimer[] = [];
    const clocks = this.clocks(ticket, now);
    await this.syncEscalations(tx, ticket, clocks);
    for (const p of plannedTimers(ticket, clocks)) {
      if (p.deadlineAt && (await this.reminders.sent(tx, ticket.state.id, p.deadlineAt))) continue;
      planned.push(p);
    }
    for (const kind of Object.values(TICKET_TIMERS)) {
      const p = planned.find((x) => x.kind === kind);
      if (p) await this.timers.schedule(tx, { kind, key: ticket.state.id, dueAt: p.dueAt, payload: p.deadlineAt ? { deadlineAt: p.deadlineAt.toISOString() } : {} });
      else await this.timers.cancel(tx, kind, ticket.state.id);
    }
    return planned;
  }

  /**
   * One escalation timer per ESCALATE / GUIDANCE_LAPSED clock not yet escalated at its due instant;
   * the timers of the other escalating clocks (and of answered guidance requests) are cancelled.
   */
  private async syncEscalations(tx: EntityManager, ticket: Ticket, clocks: readonly ActiveClock[]): Promise<void> {
    const id = ticket.state.id;
    const keep = new Set<string>();
    for (const p of plannedEscalations(id, clocks)) {
      if (await this.escalations.recorded(tx, id, p.clockKey, p.clock.dueAt)) continue;
      keep.add(p.key);
      const payload = { ticketId: id, clock: p.clock.clock, dueAt: p.clock.dueAt.toISOString(), ...(p.clock.ref ? { ref: p.clock.ref } : {}) };
      await this.timers.schedule(tx, { kind: ESCALATION_TIMER, key: p.key, dueAt: p.clock.dueAt, payload });
    }
    const all = [...ESCALATING_CLOCKS.map((c) => `${id}:${c}`), ...(ticket.state.coordination?.guidance ?? []).map((g) => `${id}:GUIDANCE:${g.id}`)];
    for (const key of all) if (!keep.has(key)) await this.timers.cancel(tx, ESCALATION_TIMER, key);
  }
}

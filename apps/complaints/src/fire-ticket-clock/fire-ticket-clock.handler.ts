import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Ticket, type Outcome } from '@one-window/complaints/domain';
import { EscalationRepository, ReminderRepository, TicketRepository } from '@one-window/complaints/data-access';
import type { Timer } from '@one-window/shared/scheduling';
import { ComplaintsEvents } from '../shared/complaints-events';
import { clockFor, escalatingClock, TICKET_TIMERS, TicketClocks, type TicketTimerKind } from '../shared/ticket-clocks';
import { TicketDesk } from '../shared/ticket-desk';
import { SupervisionDesk } from '../supervision/supervision-desk';

/**
 * Fires a ticket's clock timer, in the poller's transaction (exactly once across instances and
 * restarts): loads the ticket, re-checks its clocks at this instant with `clocksFor` (a stale timer,
 * for a clock that stopped or moved, does nothing or is moved to the new instant), applies the
 * domain command, saves, publishes and re-plans the ticket's timers.
 *  - auto_accept → autoAccept (`ticket.accepted`, auto);  mark_overdue → markOverdue (`ticket.overdue`, once per clock);
 *  - deadline_warning → remindDeadline (`ticket.deadline_approaching`, once per deadline);
 *  - rating_lapse → lapseRating (NOT_RATED, closed);  duty_opinion_lapse → lapseDutyOpinion (closed);
 *  - a `ticket.overdue` also opens (auto-proposes) an OVERDUE_UNJUSTIFIED supervision case, once per ticket and deadline;
 *  - escalate (`escalate(...)`) → `ticket.escalated`, once per (ticket, clock, dueAt), recorded in ticket_escalation.
 */
@Injectable()
export class FireTicketClockHandler {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly reminders: ReminderRepository,
    private readonly escalations: EscalationRepository,
    private readonly events: ComplaintsEvents,
    private readonly clocks: TicketClocks,
    private readonly desk: TicketDesk,
    private readonly supervision: SupervisionDesk,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const kind = timer.kind as TicketTimerKind;
    const stored = await this.tickets.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const ticket = Ticket.restore(stored.doc);
    const clock = clockFor(kind, this.clocks.clocks(ticket, at));
    if (!clock) return; // stale: that clock no longer runs
    const instant = kind === TICKET_TIMERS.warning ? clock.warnAt : clock.dueAt;
    if (at.getTime() < instant.getTime()) {
      await this.clocks.sync(tx, ticket, at); // early (the clock moved later): re-plan, nothing happens now
      return;
    }
    if (kind === TICKET_TIMERS.warning) {
      if (at.getTime() >= clock.dueAt.getTime() || !(await this.reminders.record(tx, ticket.state.id, clock.dueAt))) return;
      await this.events.publish(tx, ticket.remindDeadline({ at }).events);
      return;
    }
    const outcome = this.apply(kind, ticket, at);
    if (outcome.events.length === 0 && outcome.aggregate === ticket) return;
    await this.desk.save(tx, stored, outcome, at);
    // An overdue ticket auto-proposes an OVERDUE_UNJUSTIFIED supervision case, in the same transaction (§3.7, design).
    if (outcome.events.some((e) => e.type === 'complaints.ticket.overdue')) await this.supervision.proposeOverdue(tx, outcome.aggregate.state, clock.dueAt, at);
  }

  /**
   * The escalation timer of one ESCALATE / GUIDANCE_LAPSED clock (payload: ticketId, clock, ref?):
   * re-checked with clocksFor at this instant (stopped → nothing; moved later → re-planned), then
   * `ticket.escalated` is recorded and published once per (ticket, clock, dueAt).
   */
  async escalate(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const p = timer.payload as { ticketId?: string; clock?: string; ref?: string };
    if (!p.ticketId || !p.clock) return;
    const stored = await this.tickets.get(tx, p.ticketId, { lock: true });
    if (!stored) return;
    const ticket = Ticket.restore(stored.doc);
    const clock = escalatingClock(this.clocks.clocks(ticket, at), p.clock, p.ref);
    if (!clock) return; // stale: the clock stopped
    if (at.getTime() < clock.dueAt.getTime()) {
      await this.clocks.sync(tx, ticket, at);
      return;
    }
    const clockKey = clock.ref ? `${clock.clock}:${clock.ref}` : clock.clock;
    if (!(await this.escalations.record(tx, ticket.state.id, clockKey, clock.dueAt))) return;
    await this.events.publish(tx, ticket.escalate({ at, clock }).events);
  }

  private apply(kind: TicketTimerKind, ticket: Ticket, at: Date): Outcome<Ticket> {
    switch (kind) {
      case TICKET_TIMERS.autoAccept:
        return ticket.autoAccept({ at });
      case TICKET_TIMERS.overdue:
        return ticket.markOverdue({ at });
      case TICKET_TIMERS.ratingLapse:
        return ticket.lapseRating({ at });
      case TICKET_TIMERS.dutyOpinionLapse:
        return ticket.lapseDutyOpinion({ at });
      default:
        throw new Error(`Not a ticket clock timer: ${String(kind)}`);
    }
  }
}

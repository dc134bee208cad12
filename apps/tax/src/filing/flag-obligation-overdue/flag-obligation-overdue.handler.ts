import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ObligationRepository } from '@one-window/tax/data-access';
import { flagObligationOverdue, overdueAt } from '@one-window/tax/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { TaxEvents } from '../../shared/tax-events';

/**
 * Fires at due + 1 day 00:00 local, in the poller's transaction: an obligation still OPEN is
 * flagged overdue and `tax.obligation.overdue` goes to the outbox, once (the timer fires once;
 * an obligation already flagged gives no event). Nothing happens once a return fulfilled it (the
 * return cancels the timer; this guard covers a return committed while the timer was claimed).
 */
@Injectable()
export class FlagObligationOverdueHandler {
  constructor(
    private readonly obligations: ObligationRepository,
    private readonly events: TaxEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(timer: Timer, tx: EntityManager): Promise<void> {
    const { taxpayerId, periodKey } = timer.payload as { taxpayerId: string; periodKey: string };
    const stored = await this.obligations.get(tx, taxpayerId, periodKey, { lock: true });
    if (!stored || stored.doc.status !== 'O' || stored.doc.overdue) return;
    const at = new Date(Math.max(Date.now(), overdueAt(stored.doc, this.calendar).getTime()));
    const { aggregate, events } = flagObligationOverdue(stored.doc, at, this.calendar);
    if (events.length === 0) return;
    await this.obligations.update(tx, aggregate, stored.version);
    await this.events.publish(tx, events);
  }
}

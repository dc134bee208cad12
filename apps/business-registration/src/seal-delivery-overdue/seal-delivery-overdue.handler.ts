import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, Outcome, SetupBundle } from '@one-window/business-registration/domain';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';

/**
 * Fires at a seal order's delivery due instant (1 hour after dispatch), in the poller's
 * transaction. When the order is still with the same maker and undelivered, the lateness is counted
 * once against the maker for the year (`seal_order.overdue`; 3 → warned, 5 → disqualified, the
 * domain's SealMakerRotation) and shown on the bundle's seal clock; the maker may still deliver
 * (counted no further). A maker disqualified by this count is out of the rotation, so the order is
 * reassigned to the next maker in turn with a fresh 1-hour clock (when one is eligible). Idempotent:
 * nothing happens once delivered, reassigned or already counted.
 */
@Injectable()
export class SealDeliveryOverdueHandler {
  constructor(
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** `at` defaults to now, and never before the due instant (the database clock said it is due). */
  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(Date.now(), timer.dueAt.getTime() + 1))): Promise<void> {
    const loaded = await this.desk.forSystem(tx, timer.key);
    if (!loaded) return;
    const makerId = String(timer.payload['makerId'] ?? '');
    const marked = loaded.bundle.markSealsOverdue({ at, makerId });
    if (!marked.counted) return;
    const seals = loaded.bundle.part('SEALS');

    const { rotation, version } = await this.desk.rotation(tx, at);
    const counted = rotation.recordOverdue({ orderId: loaded.bundle.sealOrderId(), makerId, dueAt: seals.dueAt as Date, at, calendar: this.calendar });
    await this.desk.saveRotation(tx, counted.aggregate, version, makerId, at);

    let outcome: Outcome<SetupBundle> = { aggregate: marked.aggregate, events: [] };
    if (counted.aggregate.isDisqualified(makerId)) {
      const taken = marked.aggregate.reassignSeals(at, this.calendar);
      const again = await this.desk.tryDispatchSeals(tx, taken.aggregate, at, [makerId]);
      if (again) outcome = { aggregate: again.aggregate, events: [...taken.events, ...again.events] };
    }
    const events: DomainEvent[] = [...counted.events, ...outcome.events];
    await this.desk.save(tx, loaded, { aggregate: outcome.aggregate, events });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { SEAL_DELIVERY_TIMER, SetupBundleDesk } from '../shared/setup-bundle-desk';

/**
 * The assigned seal maker delivered the free seals to the window (§5): DELIVERED, late when after
 * the 1-hour due instant. A late delivery counts against the maker for the year (unless the timer
 * already counted it); `seal_order.delivered` (and warned / disqualified at 3 / 5) go out with it,
 * and the delivery timer is cancelled, all in one transaction.
 */
@Injectable()
export class DeliverSealsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forSealMaker(tx, uscc, who, ifMatch);
      const { bundle } = loaded;
      const seals = bundle.part('SEALS');
      const delivered = bundle.deliverSeals({ at, makerId: loaded.makerId, calendar: this.calendar });
      const { rotation, version: rotationVersion } = await this.desk.rotation(tx, at);
      const recorded = rotation.recordDelivery({
        orderId: bundle.sealOrderId(),
        makerId: loaded.makerId,
        dueAt: seals.dueAt as Date,
        deliveredAt: at,
        calendar: this.calendar,
        lateAlreadyCounted: seals.lateCounted === true,
      });
      await this.desk.saveRotation(tx, recorded.aggregate, rotationVersion, loaded.makerId, at);
      await this.timers.cancel(tx, SEAL_DELIVERY_TIMER, uscc);
      const version = await this.desk.save(tx, loaded, delivered, recorded.events);
      return this.desk.partView(delivered.aggregate, 'SEALS', version, at);
    });
  }
}

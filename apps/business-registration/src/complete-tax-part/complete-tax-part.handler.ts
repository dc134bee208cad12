import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TaxpayerRegisteredData } from '@one-window/tax/contracts';
import type { CloudEvent } from '@one-window/shared/messaging';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';

/**
 * `tax.taxpayer.registered` (the tax service set the new taxpayer up from the company registration,
 * 多证合一) completes the bundle's tax part (§5 税) at the event's time. Idempotent and tolerant:
 * nothing happens for a company without a bundle or a tax part already done.
 */
@Injectable()
export class CompleteTaxPartHandler {
  constructor(
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(event: CloudEvent<TaxpayerRegisteredData>, tx: EntityManager): Promise<void> {
    const loaded = await this.desk.forSystem(tx, event.data.taxpayerId);
    if (!loaded || loaded.bundle.part('TAX').state !== 'REQUESTED') return;
    const time = new Date(event.time);
    const at = Number.isNaN(time.getTime()) ? new Date() : time;
    await this.desk.save(tx, loaded, loaded.bundle.completeAgencyPart('TAX', at, this.calendar));
  }
}

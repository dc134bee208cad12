import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TaxpayerRegisteredData } from '@one-window/tax/contracts';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import type { CloudEvent } from '@one-window/shared/messaging';
import { ScheduleObligationsHandler } from './schedule-obligations.handler';

/** The consumer group of the filing part on the service's own topic. */
export const FILING_OBLIGATIONS_GROUP = 'tax.filing-obligations';

/**
 * `tax.taxpayer.registered` → the taxpayer's obligations for the current and next periods, with
 * no call by anyone. Runs in the inbox transaction (a redelivery is skipped by the inbox; a
 * replay under a new id finds the obligations and adds nothing).
 */
@Injectable()
export class TaxpayerRegisteredHandler {
  private readonly log = new Logger(TaxpayerRegisteredHandler.name);

  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly scheduler: ScheduleObligationsHandler,
  ) {}

  async execute(event: CloudEvent<TaxpayerRegisteredData>, tx: EntityManager): Promise<void> {
    const stored = await this.taxpayers.get(tx, event.data.taxpayerId);
    if (!stored) {
      this.log.warn(`taxpayer ${event.data.taxpayerId} of ${event.id} is not in this database; no obligations`);
      return;
    }
    const result = await this.scheduler.scheduleUpcoming(tx, stored.doc, new Date(), {
      correlationId: event.correlationid ?? event.id,
      causationId: event.id,
    });
    this.log.log(`taxpayer ${stored.doc.id}: obligations ${result.created.join(', ') || 'none'} opened, ${result.existing.length} existed`);
  }
}

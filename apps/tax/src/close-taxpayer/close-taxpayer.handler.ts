import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompanyDeregisteredData } from '@one-window/business-registration/contracts';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import { Taxpayer } from '@one-window/tax/domain';
import { PermanentHandlerError, type CloudEvent } from '@one-window/shared/messaging';
import { TaxEvents } from '../shared/tax-events';

/** `registration.company.deregistered` → the taxpayer is closed (§4: CLEARED → DEREGISTERED), `tax.taxpayer.deregistered`; a repeat changes nothing. */
@Injectable()
export class CloseTaxpayerHandler {
  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly events: TaxEvents,
  ) {}

  async execute(event: CloudEvent<CompanyDeregisteredData>, tx: EntityManager): Promise<void> {
    const stored = await this.taxpayers.get(tx, event.data.uscc, { lock: true });
    if (!stored) throw new PermanentHandlerError(`No taxpayer ${event.data.uscc} to close`);
    const { aggregate, events } = Taxpayer.rehydrate(stored.doc).deregister(new Date());
    if (events.length === 0) return;
    await this.taxpayers.update(tx, aggregate.state, stored.version);
    await this.events.publish(tx, events, { correlationId: event.correlationid ?? event.id, causationId: event.id });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompanyChangedData } from '@one-window/business-registration/contracts';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import { Taxpayer } from '@one-window/tax/domain';
import { PermanentHandlerError, type CloudEvent } from '@one-window/shared/messaging';
import { TaxEvents } from '../shared/tax-events';

/**
 * `registration.company.changed` → the taxpayer's synced facts, without the taxpayer reporting
 * (R4.4, 002 L293). Idempotent twice over: the inbox skips a redelivered event, and the domain
 * ignores a change id it has already applied. A change for an unknown taxpayer cannot succeed by
 * retrying (one company's events share a key, so its registration came first on the partition):
 * it goes straight to the dead-letter topic, where an operator replays it once the registration
 * event has been handled.
 */
@Injectable()
export class SyncTaxpayerChangeHandler {
  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly events: TaxEvents,
  ) {}

  async execute(event: CloudEvent<CompanyChangedData>, tx: EntityManager): Promise<void> {
    const stored = await this.taxpayers.get(tx, event.data.uscc, { lock: true });
    if (!stored) throw new PermanentHandlerError(`No taxpayer ${event.data.uscc} to apply change ${event.data.changeId} to`);
    const { aggregate, events } = Taxpayer.rehydrate(stored.doc).applyChange(
      { changeId: event.data.changeId, sourceEventId: event.id, changes: event.data.changes },
      new Date(),
    );
    if (events.length === 0) return;
    await this.taxpayers.update(tx, aggregate.state, stored.version);
    await this.events.publish(tx, events, { correlationId: event.correlationid ?? event.id, causationId: event.id });
  }
}

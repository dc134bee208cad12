import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompanyRegisteredData } from '@one-window/business-registration/contracts';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import { Taxpayer } from '@one-window/tax/domain';
import type { CloudEvent } from '@one-window/shared/messaging';
import { TaxEvents } from '../shared/tax-events';

/**
 * `registration.company.registered` → a taxpayer, with no application by anyone (R4.1, 多证合一).
 * Runs inside the inbox transaction: the taxpayer, its events and the "handled" record commit
 * together, so a redelivered event has no second effect. A taxpayer that already exists (a replayed
 * stream, or a second consumer group) is left as it is.
 */
@Injectable()
export class RegisterTaxpayerHandler {
  private readonly log = new Logger(RegisterTaxpayerHandler.name);

  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly events: TaxEvents,
  ) {}

  async execute(event: CloudEvent<CompanyRegisteredData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    if (await this.taxpayers.get(tx, d.uscc)) {
      this.log.log(`taxpayer ${d.uscc} exists; ${event.id} changes nothing`);
      return;
    }
    const { aggregate, events } = Taxpayer.register(
      {
        uscc: d.uscc,
        entityType: d.entityType,
        establishedOn: d.establishedOn,
        // before the registration service carried the applicant's account, the company owned itself
        ownerId: d.applicantId ?? d.uscc,
        name: d.name,
        domicile: d.domicile,
        capital: d.capital,
        scope: d.scope.map((s) => ({ code: s.code })),
        legalRepRef: d.legalRepRef,
      },
      event.id,
      new Date(),
    );
    await this.taxpayers.insert(tx, aggregate.state);
    await this.events.publish(tx, events, { correlationId: event.correlationid ?? event.id, causationId: event.id });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeregistrationRequestedData } from '@one-window/business-registration/contracts';
import { ClearanceExempted, ClearanceIssued } from '@one-window/tax/contracts';
import { ClearanceCaseRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { Outbox, PermanentHandlerError, type CloudEvent } from '@one-window/shared/messaging';
import { ClearanceDesk } from '../shared/clearance-desk';

/**
 * `registration.deregistration.requested` → clearance by category (§10, 001 L1045–1065): the
 * ordinary and court routes need tax's answer; a simplified deregistration needs none. A case opens
 * and settles as for the taxpayer's own application (exempt, on the spot, commitment, or standard
 * with its blockers); every answer carries the request's event id as `sourceEventId`. When the
 * taxpayer was already cleared (it applied itself first), the settled case is announced again for
 * this request. Idempotent: a request already answered changes nothing.
 */
@Injectable()
export class ClearForDeregistrationHandler {
  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly cases: ClearanceCaseRepository,
    private readonly desk: ClearanceDesk,
    private readonly outbox: Outbox,
  ) {}

  async execute(event: CloudEvent<DeregistrationRequestedData>, tx: EntityManager): Promise<void> {
    const d = event.data;
    if (d.route === 'SIMPLIFIED') return;
    const taxpayer = await this.taxpayers.get(tx, d.uscc, { lock: true });
    if (!taxpayer) throw new PermanentHandlerError(`No taxpayer ${d.uscc} to clear for deregistration ${d.deregistrationId}`);
    const existing = await this.cases.forTaxpayer(tx, d.uscc);
    if (existing.some((c) => c.doc.sourceEventId === event.id)) return;
    const causation = { correlationId: event.correlationid ?? event.id, causationId: event.id };

    const settled = existing.map((c) => c.doc).find((c) => c.status === 'ISSUED' || c.status === 'FULFILLED' || c.status === 'EXEMPTED');
    if (taxpayer.doc.status === 'CLEARED' && settled) {
      const data = { caseId: settled.caseId, taxpayerId: settled.taxpayerId, route: settled.route, sourceEventId: event.id, origin: settled.origin };
      if (settled.status === 'EXEMPTED') await this.outbox.append(tx, ClearanceExempted, { aggregateId: d.uscc, data, ...causation });
      else await this.outbox.append(tx, ClearanceIssued, { aggregateId: d.uscc, data: { ...data, certificateNo: settled.certificateNo }, ...causation });
      return;
    }
    await this.desk.open(
      tx,
      taxpayer,
      {
        origin: 'DEREGISTRATION_EVENT',
        at: new Date(),
        sourceEventId: event.id,
        ...(d.route === 'COURT' && d.courtRulingRef ? { bankruptcyTermination: { rulingRef: d.courtRulingRef, administratorId: 'court-appointed' } } : {}),
      },
      causation,
    );
  }
}

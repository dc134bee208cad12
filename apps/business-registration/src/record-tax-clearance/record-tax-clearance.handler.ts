import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClearanceOutcome } from '@one-window/business-registration/domain';
import type { TaxClearanceReceipt } from '@one-window/business-registration/data-access';
import { ClearanceExempted, type ClearanceEventData } from '@one-window/tax/contracts';
import type { CloudEvent } from '@one-window/shared/messaging';
import { DeregistrationDesk } from '../shared/deregistration-desk';

/** The clearance events as registration reads them: `sourceEventId` is the `registration.deregistration.requested` id the case came from. */
export type TaxClearanceEventData = ClearanceEventData & { sourceEventId?: string };

/**
 * `tax.clearance.issued` / `tax.clearance.exempted` (清税, §8: certificate, waiver or commitment)
 * recorded on the company's open deregistration (`taxpayerId` = the credit code), which lets an
 * ordinary deregistration go to review once social insurance is also in. Tolerant and idempotent:
 * nothing changes for a company without an open case, a case not waiting for clearance (simplified
 * in its notice, court route), a case whose tax clearance is already recorded (a repeat, another
 * certificate), or an event answering another case's request (`sourceEventId` not one of this
 * case's `requested` events). The inbox already drops a redelivery of the same event.
 */
@Injectable()
export class RecordTaxClearanceHandler {
  private readonly logger = new Logger(RecordTaxClearanceHandler.name);

  constructor(private readonly desk: DeregistrationDesk) {}

  async execute(event: CloudEvent<TaxClearanceEventData>, tx: EntityManager): Promise<void> {
    const data = event.data;
    const loaded = await this.desk.openFor(tx, data.taxpayerId);
    const skip = (why: string) => this.logger.log(`${event.type} ${event.id} for ${data.taxpayerId}: nothing recorded (${why})`);
    if (!loaded) return skip('no open deregistration');
    const { record } = loaded;
    if (data.sourceEventId && !record.requestedEventIds.includes(data.sourceEventId)) return skip(`answers ${data.sourceEventId}, not a request of ${record.id}`);
    if (record.state.clearances.TAX !== undefined) return skip(`tax clearance already recorded on ${record.id}`);
    if (record.state.status !== 'CLEARING') return skip(`${record.id} is ${record.state.status}`);

    const outcome = outcomeOf(event.type, data);
    const time = new Date(event.time);
    const receipt: TaxClearanceReceipt = {
      outcome,
      caseId: data.caseId,
      ...(data.route ? { taxRoute: data.route } : {}),
      ...(data.certificateNo ? { certificateNo: data.certificateNo } : {}),
      eventType: event.type,
      eventId: event.id,
      ...(data.sourceEventId ? { sourceEventId: data.sourceEventId } : {}),
      recordedAt: Number.isNaN(time.getTime()) ? new Date() : time,
    };
    await this.desk.save(tx, loaded, loaded.deregistration.recordClearance('TAX', outcome, 'tax_service'), { taxClearance: receipt });
  }
}

/** Exempted (免办) is a waiver; a certificate issued against a commitment (承诺制) is a commitment; any other certificate is a certificate. */
function outcomeOf(type: string, data: TaxClearanceEventData): ClearanceOutcome {
  if (type === ClearanceExempted.type || data.route === 'EXEMPT') return 'WAIVER';
  if (data.route === 'COMMITMENT') return 'COMMITMENT';
  return 'CERTIFICATE';
}

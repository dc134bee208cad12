import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyRepository, TaxReturnFilingRepository } from '@one-window/business-registration/data-access';
import type { ReturnFiledData } from '@one-window/tax/contracts';
import type { CloudEvent } from '@one-window/shared/messaging';
import { WorkingCalendar } from '@one-window/shared/calendar';

/**
 * `tax.return.filed` (keyed by the taxpayer id, which is the credit code) recorded as a filing on
 * the event's local day: the "returns filed" projection the forced-exit rule reads (§8, §11
 * consumed: "returns filed"). Tolerant and idempotent: a taxpayer that is no company here is
 * skipped; the same return again changes nothing (and the inbox drops a redelivery).
 */
@Injectable()
export class RecordTaxFilingHandler {
  private readonly logger = new Logger(RecordTaxFilingHandler.name);

  constructor(
    private readonly companies: CompanyRepository,
    private readonly filings: TaxReturnFilingRepository,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(event: CloudEvent<ReturnFiledData>, tx: EntityManager): Promise<void> {
    const uscc = event.subject;
    if (!uscc || !(await this.companies.get(tx, uscc))) {
      this.logger.log(`${event.type} ${event.id}: taxpayer ${uscc} is no company here, nothing recorded`);
      return;
    }
    const time = new Date(event.time);
    const at = Number.isNaN(time.getTime()) ? new Date() : time;
    await this.filings.record(tx, {
      returnId: event.data.returnId,
      uscc,
      periodKey: event.data.periodKey,
      filedOn: this.calendar.localDateOf(at).toString(),
      eventId: event.id,
      recordedAt: new Date(),
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';
import { AGENCY_PARTS, type AgencyPartResultDto, type AgencyPartSlug } from './agency-part-result.dto';

/**
 * The social-insurance agency or the housing-fund centre reports its part (§5 保 / 金): DONE
 * (part_completed, and completed when it was the last part) or FAILED with a reason. A DONE after a
 * failure retries the part and completes it, in one transaction.
 */
@Injectable()
export class ReportAgencyPartHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, slug: AgencyPartSlug, dto: AgencyPartResultDto, who: Principal, ifMatch?: string) {
    const part = AGENCY_PARTS[slug];
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forAgency(tx, uscc, part, who, ifMatch);
      let outcome;
      if (dto.outcome === 'FAILED') {
        outcome = loaded.bundle.failAgencyPart(part, dto.reason ?? '', at, this.calendar);
      } else if (loaded.bundle.part(part).state === 'FAILED') {
        const retried = loaded.bundle.retryAgencyPart(part, at, this.calendar);
        const done = retried.aggregate.completeAgencyPart(part, at, this.calendar);
        outcome = { aggregate: done.aggregate, events: [...retried.events, ...done.events] };
      } else {
        outcome = loaded.bundle.completeAgencyPart(part, at, this.calendar);
      }
      const version = await this.desk.save(tx, loaded, outcome);
      return this.desk.partView(outcome.aggregate, part, version, at);
    });
  }
}

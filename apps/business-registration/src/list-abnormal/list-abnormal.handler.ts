import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AbnormalListing } from '@one-window/business-registration/domain';
import { CompanyRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { AbnormalListDesk, listingView } from '../shared/abnormal-list-desk';
import { REPORTING_STATUSES } from '../shared/annual-reports';
import { Clock } from '../shared/clock';
import { isOfficerOf } from '../shared/deregistration-desk';
import { CompanyNotReportingError, NotFoundError } from '../shared/errors';
import type { ListAbnormalDto } from './list-abnormal.dto';

/** An officer lists a company of the officer's authority (§7), listed from today; the company is flagged. */
@Injectable()
export class ListAbnormalHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly desk: AbnormalListDesk,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, dto: ListAbnormalDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const at = this.clock.now();
      const stored = await this.companies.get(tx, uscc, { lock: true });
      if (!stored || !isOfficerOf(who, stored.doc)) throw new NotFoundError('Company', uscc);
      const company = stored.doc;
      if (!REPORTING_STATUSES.has(company.status)) throw new CompanyNotReportingError(uscc, company.status);
      const outcome = AbnormalListing.list({ id: randomUUID(), uscc, reasonCode: dto.reasonCode, listedOn: this.calendar.localDateOf(at).toString(), actor: 'officer', at });
      const saved = await this.desk.list(
        tx,
        {
          id: outcome.aggregate.state.id,
          uscc,
          authorityCode: company.authorityCode,
          ownerId: company.ownerId,
          listedBy: { subject: who.subject, role: 'officer' },
          listedAt: at,
          findingRef: dto.findingRef,
          rejections: [],
        },
        outcome,
      );
      return listingView(saved.record, saved.version);
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assessForcedExit, FORCED_EXIT_OPEN_STATUSES } from '@one-window/business-registration/domain';
import {
  AbnormalListingRepository,
  CompanyRepository,
  ForcedExitCandidateRepository,
  ForcedExitRepository,
  TaxReturnFilingRepository,
  type ForcedExitRecord,
} from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Clock } from '../shared/clock';
import { CompanyStatusConflictError, ForcedExitConflictError, NotForcedExitCandidateError, NotFoundError } from '../shared/errors';
import { FORCED_EXIT_NOTICE_DAYS, ForcedExitDesk } from '../shared/forced-exit-desk';
import type { ForcedExitConfirmationDto } from './confirmation.dto';

/**
 * An officer of the company's authority confirms a forced-exit candidate (§8 [design]): the
 * candidate rule (`assessForcedExit`: 2 full years on the list, no tax return while listed) is
 * re-run at `asOf` on the current data; the notice starts now and runs FORCED_EXIT_NOTICE_DAYS
 * natural days [cfg] as a durable timer, at whose end the company is revoked unless it objected.
 * A candidate the nightly rule recorded for the company is CONFIRMED with the case (off the queue).
 */
@Injectable()
export class ConfirmForcedExitHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly listings: AbnormalListingRepository,
    private readonly filings: TaxReturnFilingRepository,
    private readonly cases: ForcedExitRepository,
    private readonly candidates: ForcedExitCandidateRepository,
    private readonly desk: ForcedExitDesk,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, dto: ForcedExitConfirmationDto, who: Principal): Promise<ForcedExitRecord> {
    return this.ds.transaction(async (tx) => {
      const company = await this.companies.get(tx, uscc, { lock: true });
      if (!company || !who.agencyId || company.doc.authorityCode !== who.agencyId) throw new NotFoundError('Company', uscc);
      if (!FORCED_EXIT_OPEN_STATUSES.includes(company.doc.status)) throw new CompanyStatusConflictError(uscc, company.doc.status, FORCED_EXIT_OPEN_STATUSES);
      const at = this.clock.now();
      const today = this.calendar.localDateOf(at).toString();
      const asOf = dto.asOf ?? today;
      if (asOf > today) throw new NotForcedExitCandidateError(uscc, asOf, `the date is after today (${today})`);
      const open = await this.cases.openFor(tx, uscc);
      if (open) throw new ForcedExitConflictError(`Company ${uscc} already has a forced-exit notice running (${open.doc.id})`);

      const listed = await this.listings.forCompany(tx, uscc, { listedOnly: true });
      const listedOn = listed[0]?.doc.state.listedOn;
      if (!listedOn || listedOn > asOf) throw new NotForcedExitCandidateError(uscc, asOf, 'it is not on the abnormal list');
      const lastTaxFiledOn = await this.filings.lastFiledOn(tx, uscc, asOf);
      const assessment = assessForcedExit({ listedOn, today: asOf, filings: lastTaxFiledOn ? [{ filedOn: lastTaxFiledOn }] : [] });
      if (!assessment.candidate) {
        const why = assessment.fullPeriodReached ? `a tax return was filed while listed (${lastTaxFiledOn})` : `listed since ${listedOn}: the full period is reached on ${assessment.fullPeriodFrom}`;
        throw new NotForcedExitCandidateError(uscc, asOf, why);
      }
      const record: ForcedExitRecord = {
        id: randomUUID(),
        uscc,
        authorityCode: company.doc.authorityCode,
        ownerId: company.doc.ownerId,
        status: 'NOTICE',
        assessedAsOf: asOf,
        listedOn,
        fullPeriodFrom: assessment.fullPeriodFrom,
        confirmedBy: who.subject,
        confirmedAt: at,
        noticeEndsAt: this.calendar.deadlineNaturalDays(at, FORCED_EXIT_NOTICE_DAYS),
      };
      await this.desk.open(tx, record);
      // the nightly rule's recorded candidate (if any) leaves the queue with the case
      await this.candidates.confirm(tx, uscc, record.id);
      return record;
    });
  }
}

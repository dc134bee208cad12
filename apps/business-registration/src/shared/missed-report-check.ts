import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AnnualReportRepository, type AbnormalListingRecord } from '@one-window/business-registration/data-access';
import { CauseNotCuredError } from './errors';

/** For an ANNUAL_REPORT_OVERDUE entry, the cure is the missed year's report, filed (late): its id is the correction. */
@Injectable()
export class MissedReportCheck {
  constructor(private readonly reports: AnnualReportRepository) {}

  /** Throws 409 when the entry is for a missed report still not filed; returns the report id when it is. */
  async assertCured(tx: EntityManager, record: AbnormalListingRecord): Promise<string | undefined> {
    if (record.state.reasonCode !== 'ANNUAL_REPORT_OVERDUE' || record.reportYear === undefined) return undefined;
    const report = await this.reports.get(tx, record.uscc, record.reportYear);
    if (!report) throw new CauseNotCuredError(`the annual report for ${record.reportYear} is not filed`);
    return report.doc.id;
  }
}

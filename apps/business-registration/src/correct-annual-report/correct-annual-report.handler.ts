import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnnualReportFiled } from '@one-window/business-registration/contracts';
import { isWithinReportWindow, reportWindow } from '@one-window/business-registration/domain';
import { AnnualReportRepository, type AnnualReportRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import type { AnnualReportContentDto } from '../file-annual-report/annual-report.dto';
import { reportContentOf, reportFiledEvent, reportView } from '../shared/annual-reports';
import { Clock } from '../shared/clock';
import { NotFoundError, ReportCorrectionClosedError } from '../shared/errors';

/**
 * Corrects a filed annual report (§7) while the year's window is still open [design; the domain
 * sets only the window]: the content is replaced, a revision added, and
 * `registration.annual_report.filed` published again with the next `revision`, so every agency
 * takes the latest. A late report (filed after the window) cannot be corrected online.
 */
@Injectable()
export class CorrectAnnualReportHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: AnnualReportRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, year: number, dto: AnnualReportContentDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const at = this.clock.now();
      const today = this.calendar.localDateOf(at).toString();
      const stored = await this.reports.get(tx, uscc, year, { lock: true });
      if (!stored || stored.doc.ownerId !== who.subject) throw new NotFoundError('Annual report', `${uscc}/${year}`);
      if (stored.doc.late || !isWithinReportWindow(year, today)) throw new ReportCorrectionClosedError(year, reportWindow(year).closesOn);
      const revision = stored.doc.revision + 1;
      const record: AnnualReportRecord = {
        ...stored.doc,
        revision,
        content: reportContentOf(dto),
        revisions: [...stored.doc.revisions, { revision, filedOn: today, filedAt: at, filedBy: who.subject }],
      };
      const version = await this.reports.update(tx, record, stored.version);
      await this.outbox.append(tx, AnnualReportFiled, { aggregateId: uscc, data: reportFiledEvent(record), time: at });
      return reportView(record, version);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnnualReportFiled } from '@one-window/business-registration/contracts';
import { isWithinReportWindow, reportWindow } from '@one-window/business-registration/domain';
import { AnnualReportRepository, annualReportId, CompanyRepository, type AnnualReportRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { reportContentOf, reportFiledEvent, reportView, REPORTING_STATUSES } from '../shared/annual-reports';
import { Clock } from '../shared/clock';
import { CompanyNotReportingError, NotFoundError, ReportAlreadyFiledError, ReportNotDueError } from '../shared/errors';
import type { FileAnnualReportDto } from './annual-report.dto';

/**
 * Files a company's annual report (年报, §7) in one transaction with the company locked: the report
 * (revision 1) and `registration.annual_report.filed`, the one event tax, social insurance and
 * customs read (多报合一). The window is the domain's (`reportWindow`): filing opens on its first
 * day; after its last day the report is late (补报), still taken, and cures a missed-report listing
 * once an officer removes it (the domain: removal is an officer's act).
 */
@Injectable()
export class FileAnnualReportHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly reports: AnnualReportRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, dto: FileAnnualReportDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const at = this.clock.now();
      const today = this.calendar.localDateOf(at).toString();
      const stored = await this.companies.get(tx, uscc, { lock: true });
      if (!stored || stored.doc.ownerId !== who.subject) throw new NotFoundError('Company', uscc);
      const company = stored.doc;
      if (!REPORTING_STATUSES.has(company.status)) throw new CompanyNotReportingError(uscc, company.status);
      if (Number(company.establishedOn.slice(0, 4)) > dto.year) throw new ReportNotDueError(dto.year, `the company was established on ${company.establishedOn}`);
      const window = reportWindow(dto.year);
      if (today < window.opensOn) throw new ReportNotDueError(dto.year, `the window opens on ${window.opensOn}`);
      const existing = await this.reports.get(tx, uscc, dto.year, { lock: true });
      if (existing) throw new ReportAlreadyFiledError(dto.year, existing.doc.revision);

      const record: AnnualReportRecord = {
        id: annualReportId(uscc, dto.year),
        uscc,
        year: dto.year,
        authorityCode: company.authorityCode,
        ownerId: company.ownerId,
        revision: 1,
        firstFiledOn: today,
        late: !isWithinReportWindow(dto.year, today),
        content: reportContentOf(dto),
        revisions: [{ revision: 1, filedOn: today, filedAt: at, filedBy: who.subject }],
      };
      const version = await this.reports.insert(tx, record);
      await this.outbox.append(tx, AnnualReportFiled, { aggregateId: uscc, data: reportFiledEvent(record), time: at });
      return reportView(record, version);
    });
  }
}

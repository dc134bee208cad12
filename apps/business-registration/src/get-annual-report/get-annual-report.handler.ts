import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnnualReportRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { reportView } from '../shared/annual-reports';
import { isOfficerOf } from '../shared/deregistration-desk';
import { NotFoundError } from '../shared/errors';

/** One annual report, for the company's own applicant or an officer of its authority. */
@Injectable()
export class GetAnnualReportHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly reports: AnnualReportRepository,
  ) {}

  async execute(uscc: string, year: number, who: Principal) {
    const stored = await this.reports.get(this.ds.manager, uscc, year);
    const visible = stored && ((who.roles.includes('applicant') && stored.doc.ownerId === who.subject) || isOfficerOf(who, stored.doc));
    if (!stored || !visible) throw new NotFoundError('Annual report', `${uscc}/${year}`);
    return reportView(stored.doc, stored.version);
  }
}

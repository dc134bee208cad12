import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeregistrationRepository } from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { publicNoticeView } from '../shared/deregistration-view';
import { NotFoundError } from '../shared/errors';

/** The public notice of the company's latest simplified deregistration (anyone may read deregistration notices, §1). */
@Injectable()
export class GetDeregistrationNoticeHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly deregistrations: DeregistrationRepository,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string) {
    const stored = await this.deregistrations.latestNoticeFor(this.ds.manager, uscc);
    if (!stored) throw new NotFoundError('Deregistration notice of company', uscc);
    return publicNoticeView(stored.doc, this.calendar);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';

/**
 * An officer of the application's authority accepts it (受理, §3.2): UNDER_REVIEW with a receipt;
 * the review is due 3 working days on (the calendar), and the review-overdue timer is set then.
 */
@Injectable()
export class AcceptApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forOfficer(tx, id, who, ifMatch);
      const at = new Date();
      const receiptNo = `SL-${this.calendar.localDateOf(at).toString().replaceAll('-', '')}-${id.slice(0, 8)}`;
      const outcome = loaded.application.accept({ at, officerId: who.subject, receiptNo, calendar: this.calendar });
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';
import { NameHold } from '../shared/name-hold';

/** The applicant withdraws an undecided application: WITHDRAWN, the name released, the review timer cancelled. */
@Injectable()
export class WithdrawApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly names: NameHold,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forApplicant(tx, id, who, ifMatch);
      const outcome = loaded.application.withdraw({ at: new Date(), applicantId: who.subject });
      await this.names.release(tx, outcome.aggregate.state);
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';
import type { ExtensionDto } from './extension.dto';

/**
 * The one extension of the review time limit (§3.2 [NR]: +3 WD on the head's approval), by an
 * officer of the authority while the clock runs and before it is due (the domain's rule; 422
 * `extension_refused` otherwise). The review-overdue timer moves to the new due time.
 */
@Injectable()
export class ExtendReviewHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, dto: ExtensionDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forOfficer(tx, id, who, ifMatch);
      const outcome = loaded.application.extend({ at: new Date(), officerId: who.subject, approvedBy: dto.approvedBy, reason: dto.reason, calendar: this.calendar });
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { ExtensionDto } from '../extend-review/extension.dto';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { Clock } from '../shared/clock';
import { changeRequestView } from '../shared/change-request-view';

/**
 * The one extension of a change request's review (§3.2 [NR]: "Otherwise within 3 WD, with one
 * extension of +3 WD on the head's approval"), the establishment application's rule: an officer of
 * the company's authority, on the head's approval, once, while the request waits for the officer
 * (PENDING_REVIEW or RESUBMITTED) and before the due instant. The desk moves the review-overdue
 * timer to the new due time; `registration.application.extended` (kind CHANGE) goes out. "Now"
 * is the injectable Clock, so a test can ask at the last minute before the due instant.
 */
@Injectable()
export class ExtendChangeReviewHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: ChangeRequestDesk,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: ExtensionDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forOfficer(tx, id, who);
      const outcome = loaded.request.extend({ at: this.clock.now(), officerId: who.subject, approvedBy: dto.approvedBy, reason: dto.reason, calendar: this.calendar });
      return changeRequestView(await this.desk.save(tx, loaded, outcome));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';
import { NameHold } from '../shared/name-hold';
import type { RejectionReasonDto } from './not-acceptance.dto';

/**
 * The front-desk refusals of the officer route (§3.2): 不予受理 (`not_accept`, NOT_ACCEPTED) and 退件
 * (`return`, RETURNED), with a reason code, by an officer of the application's authority. The
 * application is closed, the name hold released and the review timer cancelled; the domain's
 * `rejected` goes out as `application.not_accepted` or `application.returned`.
 */
@Injectable()
export class RejectApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly names: NameHold,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(kind: 'NOT_ACCEPT' | 'RETURN', id: string, dto: RejectionReasonDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forOfficer(tx, id, who, ifMatch);
      const cmd = { at: new Date(), officerId: who.subject, reasonCode: dto.reasonCode };
      const outcome = kind === 'NOT_ACCEPT' ? loaded.application.notAccept(cmd) : loaded.application.returnApplication(cmd);
      await this.names.release(tx, outcome.aggregate.state);
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

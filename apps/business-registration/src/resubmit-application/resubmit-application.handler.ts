import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';
import type { ResubmissionDto } from './resubmission.dto';

/**
 * The applicant answers the supplement notice, once, on the same application: back to the state
 * it was in; a stopped review clock resumes, so the review-overdue timer is set at the new due time.
 */
@Injectable()
export class ResubmitApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, dto: ResubmissionDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forApplicant(tx, id, who, ifMatch);
      const outcome = loaded.application.resubmit({ at: new Date(), applicantId: who.subject, newMaterial: [...dto.newMaterial], calendar: this.calendar });
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess } from '../shared/application-access';
import type { SupplementRequestDto } from './request-supplement.dto';

/**
 * An officer sends the one-time supplement notice (补齐补正, §3.2) listing every item: the review
 * clock stops (so the review-overdue timer is cancelled until the applicant answers).
 */
@Injectable()
export class RequestSupplementHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, dto: SupplementRequestDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forOfficer(tx, id, who, ifMatch);
      const items = dto.items.map((i) => ({ code: i.code ?? 'SUPPLEMENT', description: i.reason, materialRef: i.field }));
      const outcome = loaded.application.requestSupplement({ at: new Date(), officerId: who.subject, items, calendar: this.calendar });
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }
}

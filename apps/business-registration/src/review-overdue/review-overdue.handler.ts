import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Application } from '@one-window/business-registration/domain';
import { ApplicationRepository } from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers, type Timer } from '@one-window/shared/scheduling';
import { ApplicationEvents } from '../shared/application-events';

/** The durable timer at the review's due time (§3.2: 3 working days from acceptance, moved by suspensions). */
export const REVIEW_OVERDUE_TIMER = 'registration.application.review_overdue';

/**
 * Keeps the review-overdue timer in line with the application's review clock, in the caller's
 * transaction: scheduled (or moved) to the due time while the clock runs under review, cancelled
 * while it is stopped (a supplement round) and once the application is decided.
 */
export async function syncReviewTimer(timers: Timers, tx: EntityManager, application: Application, calendar: WorkingCalendar): Promise<void> {
  const deadline = application.reviewDeadline(calendar);
  const { id, status } = application.state;
  if (status === 'UNDER_REVIEW' && deadline && !deadline.isSuspended) {
    await timers.schedule(tx, { kind: REVIEW_OVERDUE_TIMER, key: id, dueAt: deadline.dueAt });
  } else if (status !== 'SUPPLEMENT_REQUESTED' || deadline?.isSuspended) {
    await timers.cancel(tx, REVIEW_OVERDUE_TIMER, id);
  }
}

/**
 * Fires at the review's due time, in the poller's transaction: the domain publishes
 * `application.overdue` once if the application is still under review and overdue. Idempotent:
 * nothing happens when it was decided, its clock moved, or the overdue was already marked.
 */
@Injectable()
export class ReviewOverdueHandler {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly events: ApplicationEvents,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const stored = await this.applications.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const outcome = Application.restore(stored.doc).markOverdue(at, this.calendar);
    if (outcome.events.length === 0) return;
    await this.applications.update(tx, outcome.aggregate.state, stored.version);
    await this.events.publish(tx, outcome.events);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { ChangeRequestDesk } from '../shared/change-request-desk';

/**
 * Fires at a change request's review due time, in the poller's transaction: the domain publishes
 * `registration.application.overdue` (kind CHANGE) once if the request still waits for the officer
 * and is overdue at `at`. Idempotent: nothing happens when it was decided, its clock stopped or
 * moved, or the overdue was already marked. Not a state change.
 */
@Injectable()
export class ChangeRequestOverdueHandler {
  constructor(
    private readonly desk: ChangeRequestDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const loaded = await this.desk.find(tx, timer.key);
    if (!loaded) return;
    const outcome = loaded.request.markOverdue(at, this.calendar);
    if (outcome.events.length === 0) return;
    // This timer is the one firing: leave it to the poller.
    await this.desk.save(tx, loaded, outcome, { syncTimers: false });
  }
}

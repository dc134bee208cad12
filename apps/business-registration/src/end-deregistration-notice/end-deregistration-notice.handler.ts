import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { WorkingCalendar } from '@one-window/shared/calendar';
import type { Timer } from '@one-window/shared/scheduling';
import { DeregistrationDesk } from '../shared/deregistration-desk';

/**
 * Fires at the end of a simplified deregistration's public notice (`noticeEndsAt`), in the poller's
 * transaction: NOTICE_PUBLISHED → NOTICE_ENDED with the apply window (`applyBy`), whose own timer
 * the desk schedules in the same transaction. Idempotent: nothing happens once the case left
 * NOTICE_PUBLISHED (objected, or already ended).
 */
@Injectable()
export class EndDeregistrationNoticeHandler {
  constructor(
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** `at` defaults to now, and never before the due instant (the database clock said it is due). */
  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(Date.now(), timer.dueAt.getTime()))): Promise<void> {
    const loaded = await this.desk.forSystem(tx, timer.key);
    if (!loaded || loaded.record.state.status !== 'NOTICE_PUBLISHED') return;
    if (at.getTime() < (loaded.record.state.noticeEndsAt as Date).getTime()) return;
    await this.desk.save(tx, loaded, loaded.deregistration.endNotice(at, this.calendar));
  }
}

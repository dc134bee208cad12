import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Timer } from '@one-window/shared/scheduling';
import { Timers } from '@one-window/shared/scheduling';
import { CHANGE_REQUEST_OVERDUE_TIMER, ChangeRequestDesk } from '../shared/change-request-desk';

/**
 * Fires at the end of a change request's supplement period, in the poller's transaction: a notice
 * still unanswered lapses the request (LAPSED, §10.2 "SUPPLEMENT_REQUESTED → LAPSED by the timer"),
 * so the company may file another change. Does nothing once answered or decided, or before `respondBy`.
 */
@Injectable()
export class LapseChangeRequestHandler {
  constructor(
    private readonly desk: ChangeRequestDesk,
    private readonly timers: Timers,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const loaded = await this.desk.find(tx, timer.key);
    const respondBy = loaded?.request.state.supplement?.respondBy;
    if (!loaded || loaded.request.state.status !== 'SUPPLEMENT_REQUESTED' || !respondBy || at.getTime() < respondBy.getTime()) return;
    await this.desk.save(tx, loaded, loaded.request.lapse(at), { syncTimers: false });
    await this.timers.cancel(tx, CHANGE_REQUEST_OVERDUE_TIMER, loaded.request.state.id);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Timer } from '@one-window/shared/scheduling';
import { DeregistrationDesk } from '../shared/deregistration-desk';

/**
 * Fires at the end of the apply window after the notice (`applyBy`): a simplified case the
 * applicant did not submit LAPSES (§10.4) and the company's `underDeregistration` flag is cleared.
 * Idempotent: nothing happens once the case left NOTICE_ENDED.
 */
@Injectable()
export class LapseDeregistrationHandler {
  constructor(private readonly desk: DeregistrationDesk) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(Date.now(), timer.dueAt.getTime()))): Promise<void> {
    const loaded = await this.desk.forSystem(tx, timer.key);
    if (!loaded || loaded.record.state.status !== 'NOTICE_ENDED') return;
    if (at.getTime() < (loaded.record.state.applyBy as Date).getTime()) return;
    await this.desk.save(tx, loaded, loaded.deregistration.lapse(at));
  }
}

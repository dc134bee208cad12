import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Timer } from '@one-window/shared/scheduling';
import { ForcedExitDesk } from '../shared/forced-exit-desk';

/**
 * Fires at the end of a forced-exit notice, in the poller's transaction: the company is REVOKED
 * (licence REVOKED, `registration.company.revoked` FORCED_EXIT). Idempotent: nothing happens once
 * the case was objected to or already revoked, or before the notice's end.
 */
@Injectable()
export class RevokeForcedExitHandler {
  constructor(private readonly desk: ForcedExitDesk) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date(Math.max(Date.now(), timer.dueAt.getTime()))): Promise<void> {
    await this.desk.revoke(tx, timer.key, at);
  }
}

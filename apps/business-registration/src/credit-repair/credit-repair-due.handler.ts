import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditRepairUpdate } from '@one-window/business-registration/domain';
import { CreditRepairUpdateRepository } from '@one-window/business-registration/data-access';
import type { Timer } from '@one-window/shared/scheduling';
import { CreditRepairDesk } from '../shared/credit-repair-desk';

/**
 * Fires at a credit-repair update's due time, in the poller's transaction: still PENDING, it becomes
 * OVERDUE with `registration.credit_repair.overdue` (once); confirmed meanwhile, nothing happens.
 */
@Injectable()
export class CreditRepairDueHandler {
  constructor(
    private readonly updates: CreditRepairUpdateRepository,
    private readonly desk: CreditRepairDesk,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const stored = await this.updates.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const outcome = CreditRepairUpdate.restore(stored.doc).markOverdue(at);
    if (outcome.events.length === 0) return;
    await this.desk.save(tx, stored, outcome, { cancelTimer: false });
  }
}

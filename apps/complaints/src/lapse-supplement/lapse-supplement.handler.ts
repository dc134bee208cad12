import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Submission } from '@one-window/complaints/domain';
import { SubmissionRepository } from '@one-window/complaints/data-access';
import type { Timer } from '@one-window/shared/scheduling';
import { SubmissionDesk } from '../shared/submission-desk';
import type { SubmissionRecord } from '../shared/submission-record';

/**
 * Fires when the 3 natural days of an online supplement end (002 L1517): the submission closes
 * INCOMPLETE (`submission.closed`). Stale timers do nothing: supplied, closed, or not yet due.
 */
@Injectable()
export class LapseSupplementHandler {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly desk: SubmissionDesk,
  ) {}

  async execute(timer: Timer, tx: EntityManager, at: Date = new Date()): Promise<void> {
    const stored = await this.submissions.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const record = stored.doc as SubmissionRecord;
    const due = record.supplement?.dueAt;
    if (record.status !== 'AWAITING_SUPPLEMENT' || !due || record.supplement?.suppliedAt) return;
    if (at.getTime() < due.getTime()) {
      await this.desk.syncTimer(tx, record);
      return;
    }
    const outcome = Submission.restore(record).closeIncomplete({ at, actor: 'timer', reason: 'LAPSED', note: 'The 3 natural days for the supplement passed (002 L1517)' });
    await this.desk.save(tx, { record, version: stored.version }, outcome);
  }
}

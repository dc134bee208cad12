import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LongRunningIssue, SupervisionCase } from '@one-window/complaints/domain';
import type { Timer } from '@one-window/shared/scheduling';
import { SupervisionDesk } from './supervision-desk';

/**
 * The durable timers of supervision cases and long-running issues, in the poller's transaction.
 * Each re-checks the aggregate when it fires (responded, closed or moved on: stale, nothing
 * happens; not yet due: re-planned), and each mark goes out once (the aggregate records it).
 */
@Injectable()
export class SupervisionTimersHandler {
  constructor(private readonly desk: SupervisionDesk) {}

  async caseOverdue(timer: Timer, tx: EntityManager, now: Date = new Date()): Promise<void> {
    const stored = await this.desk.cases.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const c = SupervisionCase.restore(stored.doc);
    const due = c.overdueTimerAt();
    if (!due) return;
    if (now.getTime() < due.getTime()) {
      await this.desk.saveCase(tx, stored, { aggregate: c, events: [] });
      return;
    }
    await this.desk.saveCase(tx, stored, c.markOverdue({ at: now }));
  }

  async planOverdue(timer: Timer, tx: EntityManager, now: Date = new Date()): Promise<void> {
    await this.issue(timer, tx, now, (i) => {
      const due = i.timersAt(now).planOverdue;
      return due && now.getTime() >= due.getTime() ? i.markPlanOverdue({ at: now }) : undefined;
    });
  }

  async progressMonthEnd(timer: Timer, tx: EntityManager, now: Date = new Date()): Promise<void> {
    await this.issue(timer, tx, now, (i) => (i.state.status === 'ACTIVE' ? i.remindProgress({ at: now }) : undefined));
  }

  async finalOverdue(timer: Timer, tx: EntityManager, now: Date = new Date()): Promise<void> {
    await this.issue(timer, tx, now, (i) => {
      const due = i.timersAt(now).finalOverdue;
      return due && now.getTime() >= due.getTime() ? i.markFinalOverdue({ at: now }) : undefined;
    });
  }

  private async issue(timer: Timer, tx: EntityManager, now: Date, act: (i: LongRunningIssue) => ReturnType<LongRunningIssue['remindProgress']> | undefined): Promise<void> {
    const stored = await this.desk.issues.get(tx, timer.key, { lock: true });
    if (!stored) return;
    const issue = LongRunningIssue.restore(stored.doc);
    const outcome = act(issue) ?? { aggregate: issue, events: [] };
    await this.desk.saveIssue(tx, stored, outcome, now);
  }
}

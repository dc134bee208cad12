import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KnowledgeFeedback, KnowledgePoint } from '@one-window/complaints/domain';
import type { Timer } from '@one-window/shared/scheduling';
import { KnowledgeDesk } from './knowledge-desk';

/**
 * The knowledge base's durable timers. Each acts only if its condition still holds when it fires
 * (a confirmed, retired or resolved aggregate makes it stale: nothing happens), so running one
 * twice changes nothing the second time: an expiry reminder is sent once per point and period,
 * the expiry once, the feedback's overdue mark once.
 */
@Injectable()
export class KnowledgeTimersHandler {
  constructor(private readonly desk: KnowledgeDesk) {}

  /** 30 / 7 ND before validUntil: `complaints.knowledge.expiring` for the reminders due and not yet sent; the next one scheduled. */
  async expiryReminder(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.desk.points.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'PUBLISHED' || !stored.doc.validUntil) return;
    const now = new Date();
    const point = KnowledgePoint.restore(stored.doc);
    const due = point.expiryReminders(this.desk.calendar).some((r) => r.at.getTime() <= now.getTime());
    if (!due || now.getTime() >= stored.doc.validUntil.getTime()) {
      await this.desk.syncPointTimers(tx, point, now);
      return;
    }
    await this.desk.savePoint(tx, stored, point.remindExpiry({ at: now, calendar: this.desk.calendar }), now);
  }

  /** validUntil reached without confirmation: the point expires (002 L1678). */
  async expire(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.desk.points.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'PUBLISHED' || !stored.doc.validUntil) return;
    const now = new Date();
    const point = KnowledgePoint.restore(stored.doc);
    if (now.getTime() < stored.doc.validUntil.getTime()) {
      await this.desk.syncPointTimers(tx, point, now);
      return;
    }
    await this.desk.savePoint(tx, stored, point.expire({ at: now }), now);
  }

  /** The feedback's limit passed unanswered: OVERDUE once (002 L1682). */
  async feedbackOverdue(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.desk.feedback.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'RAISED') return;
    const now = new Date();
    if (now.getTime() < stored.doc.dueAt.getTime()) {
      await this.desk.saveFeedback(tx, stored, { aggregate: KnowledgeFeedback.restore(stored.doc), events: [] });
      return;
    }
    await this.desk.saveFeedback(tx, stored, KnowledgeFeedback.restore(stored.doc).markOverdue({ at: now }));
  }
}

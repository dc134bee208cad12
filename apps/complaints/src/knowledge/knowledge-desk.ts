import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { KnowledgeFeedback, KnowledgePoint, type KnowledgeFeedbackState, type KnowledgePointState, type Outcome } from '@one-window/complaints/domain';
import { KnowledgeFeedbackRepository, KnowledgePointRepository } from '@one-window/complaints/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { assertIfMatch } from '@one-window/shared/http';
import type { Stored } from '@one-window/shared/persistence';
import { Timers } from '@one-window/shared/scheduling';
import { ComplaintsEvents } from '../shared/complaints-events';
import { NotFoundError } from '../shared/errors';
import { knowledgeFeedbackView, knowledgePointView, type KnowledgeFeedbackView, type KnowledgePointView } from './knowledge-view';

/** The durable timers of the knowledge base; the key is the point or feedback id. */
export const KNOWLEDGE_TIMERS = {
  /** 30 and 7 ND before validUntil → `complaints.knowledge.expiring` (design, spec §4). */
  expiryReminder: 'complaints.knowledge.expiry_reminder',
  /** validUntil → EXPIRED, `complaints.knowledge.expired` (002 L1678). */
  expire: 'complaints.knowledge.expire',
  /** 2 WD (urgent 1 WD) after the feedback → OVERDUE, once (002 L1682). */
  feedbackOverdue: 'complaints.knowledge.feedback_overdue',
} as const;

const OVERSIGHT = ['hotline-agent', 'supervisor', 'admin'] as const;

/** Whether `who` sees everything of the knowledge base (the centre and oversight) or only its unit's. */
export function seesAllKnowledge(who: Principal): boolean {
  return OVERSIGHT.some((r) => who.roles.includes(r));
}

/** The unit an officer maintains points for: its `agency_id` (404 otherwise, as for anything not visible). */
export function officerUnit(who: Principal): string {
  if (!who.roles.includes('officer') || !who.agencyId) throw new NotFoundError('Unit of', who.subject);
  return who.agencyId;
}

/**
 * Loads and saves knowledge points and feedback in one transaction each: the new state (optimistic
 * version, `If-Match`), its events in the outbox, and the durable timers re-planned from the new
 * state (expiry reminders and expiry of a published point; the feedback's overdue mark).
 */
@Injectable()
export class KnowledgeDesk {
  constructor(
    readonly ds: DataSource,
    readonly points: KnowledgePointRepository,
    readonly feedback: KnowledgeFeedbackRepository,
    readonly calendar: WorkingCalendar,
    private readonly events: ComplaintsEvents,
    private readonly timers: Timers,
  ) {}

  pointView(s: KnowledgePointState, version: number, now = new Date()): KnowledgePointView {
    return knowledgePointView(s, version, this.calendar, now);
  }

  feedbackView(s: KnowledgeFeedbackState, version: number, now = new Date()): KnowledgeFeedbackView {
    return knowledgeFeedbackView(s, version, now);
  }

  /** A point `who` may see: the centre and oversight any, an officer its own unit's (others: 404). */
  async readPoint(id: string, who: Principal): Promise<KnowledgePointView> {
    const stored = await this.points.get(this.ds.manager, id);
    if (!stored || !(seesAllKnowledge(who) || stored.doc.unitId === who.agencyId)) throw new NotFoundError('Knowledge point', id);
    return this.pointView(stored.doc, stored.version);
  }

  /** Inserts a new point (a draft: no timers yet). */
  async insertPoint(point: KnowledgePoint): Promise<KnowledgePointView> {
    return this.ds.transaction(async (tx) => {
      const version = await this.points.insert(tx, point.state);
      return this.pointView(point.state, version);
    });
  }

  /** Runs a unit's command on its own point (other units: 404), checked against If-Match when sent. */
  commandPoint(
    id: string,
    who: Principal,
    ifMatch: string | undefined,
    command: (point: KnowledgePoint, ctx: { at: Date; unitId: string; calendar: WorkingCalendar }) => Outcome<KnowledgePoint> | KnowledgePoint,
  ): Promise<KnowledgePointView> {
    const unitId = officerUnit(who);
    return this.ds.transaction(async (tx) => {
      const stored = await this.points.get(tx, id, { lock: true });
      if (!stored || stored.doc.unitId !== unitId) throw new NotFoundError('Knowledge point', id);
      assertIfMatch({ headers: { 'if-match': ifMatch } }, stored.version, { required: false });
      const at = new Date();
      const result = command(KnowledgePoint.restore(stored.doc), { at, unitId, calendar: this.calendar });
      const outcome = result instanceof KnowledgePoint ? { aggregate: result, events: [] } : result;
      const version = await this.savePoint(tx, stored, outcome, at);
      return this.pointView(outcome.aggregate.state, version, at);
    });
  }

  /** Saves a point's outcome: state, events, timers. */
  async savePoint(tx: EntityManager, stored: Stored<KnowledgePointState>, outcome: Outcome<KnowledgePoint>, now: Date): Promise<number> {
    const version = outcome.aggregate.state === stored.doc ? stored.version : await this.points.update(tx, outcome.aggregate.state, stored.version);
    await this.events.publish(tx, outcome.events);
    await this.syncPointTimers(tx, outcome.aggregate, now);
    return version;
  }

  /** A published point has its next expiry reminder and its expiry scheduled; any other point none. */
  async syncPointTimers(tx: EntityManager, point: KnowledgePoint, now: Date): Promise<void> {
    const key = point.state.id;
    const until = point.state.validUntil;
    if (point.state.status !== 'PUBLISHED' || !until) {
      await this.timers.cancel(tx, KNOWLEDGE_TIMERS.expiryReminder, key);
      await this.timers.cancel(tx, KNOWLEDGE_TIMERS.expire, key);
      return;
    }
    const next = point.expiryReminders(this.calendar).find((r) => r.at.getTime() < until.getTime());
    if (next && now.getTime() < until.getTime()) {
      await this.timers.schedule(tx, { kind: KNOWLEDGE_TIMERS.expiryReminder, key, dueAt: next.at, payload: { daysBefore: next.daysBefore } });
    } else {
      await this.timers.cancel(tx, KNOWLEDGE_TIMERS.expiryReminder, key);
    }
    await this.timers.schedule(tx, { kind: KNOWLEDGE_TIMERS.expire, key, dueAt: until, payload: { validUntil: until.toISOString() } });
  }

  /** Saves a new or changed feedback: state, events, the overdue timer while it is RAISED. */
  async saveFeedback(tx: EntityManager, stored: Stored<KnowledgeFeedbackState> | undefined, outcome: Outcome<KnowledgeFeedback>): Promise<number> {
    const s = outcome.aggregate.state;
    const version = !stored ? await this.feedback.insert(tx, s) : s === stored.doc ? stored.version : await this.feedback.update(tx, s, stored.version);
    await this.events.publish(tx, outcome.events);
    if (s.status === 'RAISED') await this.timers.schedule(tx, { kind: KNOWLEDGE_TIMERS.feedbackOverdue, key: s.id, dueAt: s.dueAt });
    else await this.timers.cancel(tx, KNOWLEDGE_TIMERS.feedbackOverdue, s.id);
    return version;
  }
}

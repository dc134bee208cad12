import { KnowledgeFeedback, KnowledgePoint, maxValidUntil, type KnowledgeFeedbackState, type KnowledgePointState } from '@one-window/complaints/domain';
import type { WorkingCalendar } from '@one-window/shared/calendar';

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/** A knowledge point as the API shows it: content, validity, whether a direct answer may use it now, the reminders still to come. */
export function knowledgePointView(s: KnowledgePointState, version: number, calendar: WorkingCalendar, now: Date) {
  const point = KnowledgePoint.restore(s);
  return {
    id: s.id,
    jurisdictionId: s.jurisdictionId,
    unitId: s.unitId,
    category: s.category,
    sourceItemId: s.sourceItemId ?? null,
    status: s.status,
    title: s.title,
    body: s.body,
    basis: s.basis,
    scope: s.scope,
    applicableSubjects: s.applicableSubjects,
    conditions: s.conditions,
    relations: s.relations,
    faqs: s.faqs,
    validFrom: iso(s.validFrom),
    validUntil: iso(s.validUntil),
    /** The latest validUntil the cap of the kind allows from validFrom (or from now while unpublished). */
    maxValidUntil: maxValidUntil(calendar, s.category, s.validFrom ?? now).toISOString(),
    usableForDirectAnswer: point.usableForDirectAnswer(now),
    publishedAt: iso(s.publishedAt),
    confirmedAt: iso(s.confirmedAt),
    retiredAt: iso(s.retiredAt),
    retireReason: s.retireReason ?? null,
    expiredAt: iso(s.expiredAt),
    remindersSent: s.remindersSent,
    upcomingReminders: point.expiryReminders(calendar).map((r) => ({ daysBefore: r.daysBefore, at: r.at.toISOString() })),
    reviewNotes: s.reviewNotes.map((n) => ({ at: n.at.toISOString(), note: n.note })),
    version,
  };
}

export type KnowledgePointView = ReturnType<typeof knowledgePointView>;

export function knowledgeFeedbackView(s: KnowledgeFeedbackState, version: number, now: Date) {
  return {
    id: s.id,
    jurisdictionId: s.jurisdictionId,
    unitId: s.unitId,
    pointId: s.pointId ?? null,
    kind: s.kind,
    urgent: s.urgent,
    description: s.description,
    raisedAt: s.raisedAt.toISOString(),
    raisedBy: s.raisedBy,
    dueAt: s.dueAt.toISOString(),
    status: s.status,
    overdue: KnowledgeFeedback.restore(s).isOverdueAt(now) || s.status === 'OVERDUE',
    overdueAt: iso(s.overdueAt),
    resolution: s.resolution
      ? { at: s.resolution.at.toISOString(), actions: s.resolution.actions, pointIds: s.resolution.pointIds, answer: s.resolution.answer, onTime: s.resolution.onTime }
      : null,
    version,
  };
}

export type KnowledgeFeedbackView = ReturnType<typeof knowledgeFeedbackView>;

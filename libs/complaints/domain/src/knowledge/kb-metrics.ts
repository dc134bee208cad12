/**
 * The knowledge-base row of the §6 metrics (002 L1678–1682): points expiring within 30 ND,
 * expired points still in use, and feedback answered late or overdue (2 WD / urgent 1 WD).
 */
import type { WorkingCalendar } from '@one-window/shared/calendar';
import type { KnowledgeFeedbackState } from './feedback';
import type { KnowledgePointState } from './knowledge-point';

export interface KnowledgeBaseMetrics {
  /** Published points whose validUntil falls within the next 30 ND (design window, spec §4). */
  readonly expiringWithin30Nd: number;
  /** Published points already past validUntil (the expiry timer has not run yet): must not answer callers. */
  readonly expiredStillPublished: number;
  /** Direct answers that used a point at or after its validUntil (should be 0: 002 L1527, L1678). */
  readonly answersWithExpiredPoints: number;
  /** Unresolved feedback past its due instant (002 L1682). */
  readonly feedbackOverdue: number;
  /** Resolved feedback answered at or after its due instant. */
  readonly feedbackResolvedLate: number;
  readonly byUnit: Readonly<Record<string, { expiringWithin30Nd: number; feedbackOverdue: number; feedbackResolvedLate: number }>>;
}

/** The §6 knowledge-base metrics at `at`. `uses` are the points direct answers used, with the answer instant. */
export function knowledgeBaseMetrics(
  calendar: WorkingCalendar,
  points: readonly KnowledgePointState[],
  feedback: readonly KnowledgeFeedbackState[],
  at: Date,
  uses: readonly { readonly pointId: string; readonly at: Date }[] = [],
): KnowledgeBaseMetrics {
  const horizon = calendar.addNaturalDays(at, 30).getTime();
  const t = at.getTime();
  const byUnit: Record<string, { expiringWithin30Nd: number; feedbackOverdue: number; feedbackResolvedLate: number }> = {};
  const unit = (id: string) => (byUnit[id] ??= { expiringWithin30Nd: 0, feedbackOverdue: 0, feedbackResolvedLate: 0 });
  let expiring = 0;
  let expired = 0;
  for (const p of points) {
    if (p.status !== 'PUBLISHED' || !p.validUntil) continue;
    const until = p.validUntil.getTime();
    if (until <= t) expired++;
    else if (until <= horizon) {
      expiring++;
      unit(p.unitId).expiringWithin30Nd++;
    }
  }
  const untilById = new Map(points.filter((p) => p.validUntil).map((p) => [p.id, (p.validUntil as Date).getTime()]));
  const answersWithExpiredPoints = uses.filter((u) => {
    const until = untilById.get(u.pointId);
    return until !== undefined && u.at.getTime() >= until;
  }).length;
  let overdue = 0;
  let late = 0;
  for (const f of feedback) {
    if (f.status !== 'RESOLVED' && t >= f.dueAt.getTime()) {
      overdue++;
      unit(f.unitId).feedbackOverdue++;
    }
    if (f.resolution && !f.resolution.onTime) {
      late++;
      unit(f.unitId).feedbackResolvedLate++;
    }
  }
  return { expiringWithin30Nd: expiring, expiredStillPublished: expired, answersWithExpiredPoints, feedbackOverdue: overdue, feedbackResolvedLate: late, byUnit };
}

import type { ChangeRequestRecord } from '@one-window/business-registration/data-access';

const iso = (d: Date | string) => new Date(d).toISOString();

/** A change request as the applicant and the officer see it: the review clock, the supplement round, the decision. */
export function changeRequestView(r: ChangeRequestRecord) {
  return {
    id: r.id,
    uscc: r.uscc,
    authorityCode: r.authorityCode,
    status: r.status,
    change: r.change,
    failedChecks: r.failedChecks,
    filedOn: r.filedOn,
    filedAt: r.filedAt.toISOString(),
    ...(r.review ? { dueAt: iso(r.review.dueAt), reviewClockSuspended: r.review.suspensions.some((s) => s.until === undefined) } : {}),
    ...(r.extension ? { extension: { at: iso(r.extension.at), approvedBy: r.extension.approvedBy, reason: r.extension.reason } } : {}),
    ...(r.overdueNotifiedAt ? { overdueAt: r.overdueNotifiedAt.toISOString() } : {}),
    ...(r.supplement
      ? {
          supplement: {
            requestedAt: r.supplement.requestedAt.toISOString(),
            items: r.supplement.items,
            respondBy: r.supplement.respondBy.toISOString(),
            ...(r.supplement.resubmittedAt ? { resubmittedAt: r.supplement.resubmittedAt.toISOString() } : {}),
            ...(r.supplement.newMaterial ? { newMaterial: r.supplement.newMaterial } : {}),
          },
        }
      : {}),
    ...(r.decision
      ? {
          decision: {
            outcome: r.decision.outcome,
            at: r.decision.at.toISOString(),
            reasons: r.decision.reasons,
            ...(r.decision.reasonCode ? { reasonCode: r.decision.reasonCode } : {}),
            ...(r.decision.remedies ? { remedies: r.decision.remedies } : {}),
            ...(r.decision.changeId ? { changeId: r.decision.changeId } : {}),
            ...(r.decision.companyVersion !== undefined ? { companyVersion: r.decision.companyVersion } : {}),
            ...(r.decision.licenceVersion !== undefined ? { licenceVersion: r.decision.licenceVersion } : {}),
          },
        }
      : {}),
  };
}

export type ChangeRequestView = ReturnType<typeof changeRequestView>;

import type { RefundClaimState } from '@one-window/tax/domain';

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

/** A refund claim as the API answers it (to the taxpayer and officers of its bureau). */
export function refundClaimView(c: RefundClaimState, version: number) {
  return {
    claimId: c.claimId,
    taxpayerId: c.taxpayerId,
    kind: c.kind,
    industryCode: c.industryCode,
    keyIndustry: c.keyIndustry ?? null,
    amount: c.amount,
    status: c.status,
    submittedAt: c.submittedAt.toISOString(),
    gate: { decision: c.gate.decision, reasonCode: c.gate.reasonCode, rule: c.gate.rule, howToLift: c.gate.howToLift ?? null, acknowledged: c.gate.acknowledged },
    reviewDueAt: c.review?.dueAt ?? null,
    infoRequests: c.infoRequests.map((r) => ({ items: r.items, requestedAt: r.requestedAt.toISOString(), respondBy: r.respondBy.toISOString(), suppliedAt: iso(r.suppliedAt) })),
    decision: c.decision ? { outcome: c.decision.outcome, at: c.decision.at.toISOString(), reasons: c.decision.reasons ?? [], reviewOverdue: c.decision.reviewOverdue } : null,
    paymentDueAt: iso(c.paymentDueAt),
    payment: c.payment ? { at: c.payment.at.toISOString(), treasuryRef: c.payment.treasuryRef, late: c.payment.late } : null,
    version,
  };
}

export type RefundClaimView = ReturnType<typeof refundClaimView>;

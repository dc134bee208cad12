import type { RiskCaseState } from '@one-window/tax/domain';

export function riskCaseView(c: RiskCaseState, version: number) {
  return {
    caseId: c.caseId,
    taxpayerId: c.taxpayerId,
    status: c.status,
    level: c.level,
    source: c.source,
    detectedAt: c.detectedAt.toISOString(),
    stepDueAt: c.stepDueAt?.toISOString() ?? null,
    escalation: c.escalation ? { ...c.escalation, at: c.escalation.at.toISOString() } : null,
    version,
  };
}

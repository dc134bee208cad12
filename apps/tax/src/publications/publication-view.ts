import type { RulePublicationState } from '@one-window/tax/domain';

/** A publication as the API shows it: the draft, who proposed it, the decision and its content. */
export function publicationView(p: RulePublicationState, version: number) {
  const { kind, ...content } = p.content;
  return {
    publicationId: p.publicationId,
    kind,
    subject: p.subject,
    status: p.status,
    proposedBy: p.proposedBy,
    proposedAt: p.proposedAt.toISOString(),
    note: p.note ?? null,
    approvedBy: p.approval?.by ?? null,
    approvedAt: p.approval?.at.toISOString() ?? null,
    rejectedBy: p.rejection?.by ?? null,
    rejectedAt: p.rejection?.at.toISOString() ?? null,
    rejectionReason: p.rejection?.reason ?? null,
    content,
    version,
  };
}

import type { ClearanceCaseState } from '@one-window/tax/domain';

const iso = (d: Date | undefined) => d?.toISOString() ?? null;

/** A clearance case as the API answers it: the route, every blocker, the certificate when issued. */
export function clearanceCaseView(c: ClearanceCaseState, version: number) {
  return {
    caseId: c.caseId,
    taxpayerId: c.taxpayerId,
    status: c.status,
    origin: c.origin,
    route: c.route ?? null,
    blockers: c.classification?.blockers ?? [],
    fallback: c.classification?.fallback ?? null,
    requestedAt: c.requestedAt.toISOString(),
    dueAt: iso(c.dueAt),
    certificateNo: c.certificateNo ?? null,
    issuedAt: iso(c.issuedAt),
    commitmentDue: iso(c.commitmentDue),
    commitmentItems: c.commitmentItems ?? [],
    version,
  };
}

export type ClearanceCaseView = ReturnType<typeof clearanceCaseView>;

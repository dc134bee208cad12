import type { ApplicationState } from '@one-window/business-registration/domain';

/** What the applicant and the authority's officers see of an application. */
export function applicationView(a: ApplicationState) {
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    authorityCode: a.authorityCode,
    applicantId: a.applicantId,
    name: a.form.name,
    entityType: a.form.entityType,
    nameReservationId: a.form.nameReservationId,
    submittedAt: a.submittedAt,
    route: a.route,
    autoApproval: a.autoApproval,
    failedChecks: a.autoApproval?.failed ?? [],
    ...(a.decision ? { decision: a.decision } : {}),
    ...(a.decision?.uscc ? { uscc: a.decision.uscc } : {}),
    form: a.form,
    history: a.history,
  };
}

/** A line of an officer's queue. */
export function applicationSummary(a: ApplicationState) {
  return {
    id: a.id,
    status: a.status,
    authorityCode: a.authorityCode,
    name: a.form.name,
    entityType: a.form.entityType,
    submittedAt: a.submittedAt,
    failedChecks: a.autoApproval?.failed ?? [],
  };
}

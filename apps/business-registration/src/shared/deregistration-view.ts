import type { ClearanceKind, DeregistrationState } from '@one-window/business-registration/domain';
import type { DeregistrationRecord } from '@one-window/business-registration/data-access';
import type { WorkingCalendar } from '@one-window/shared/calendar';

/** The clearances the ordinary route waits for (§8, §10.4: tax, and social insurance). */
export const REQUIRED_CLEARANCES: readonly ClearanceKind[] = ['TAX', 'SOCIAL_INSURANCE'];

/** What a case in CLEARING still waits for. */
export function missingClearances(state: DeregistrationState): ClearanceKind[] {
  return REQUIRED_CLEARANCES.filter((k) => state.clearances[k] === undefined);
}

const iso = (d: Date | undefined) => d?.toISOString();
const lastDay = (calendar: WorkingCalendar, endsAt: Date) => calendar.localDateOf(new Date(endsAt.getTime() - 1)).toString();

/** The case as its applicant and the authority's officers see it, with the version its ETag is built from. */
export function deregistrationView(d: DeregistrationRecord, version: number, calendar: WorkingCalendar) {
  const s = d.state;
  return {
    id: d.id,
    uscc: d.uscc,
    companyName: d.companyName,
    authorityCode: d.authorityCode,
    route: s.route,
    status: s.status,
    requestedAt: iso(s.requestedAt),
    ...(s.noticeEndsAt ? { noticeEndsAt: iso(s.noticeEndsAt), noticeEndsOn: lastDay(calendar, s.noticeEndsAt) } : {}),
    ...(s.applyBy ? { applyBy: iso(s.applyBy) } : {}),
    objections: s.objections.map((o) => ({ at: o.at.toISOString(), by: o.actor.toUpperCase(), reason: o.reason })),
    clearances: s.clearances,
    ...(s.status === 'CLEARING' ? { missingClearances: missingClearances(s) } : {}),
    ...(d.taxClearance
      ? {
          taxClearance: {
            outcome: d.taxClearance.outcome,
            caseId: d.taxClearance.caseId,
            ...(d.taxClearance.taxRoute ? { taxRoute: d.taxClearance.taxRoute } : {}),
            ...(d.taxClearance.certificateNo ? { certificateNo: d.taxClearance.certificateNo } : {}),
            recordedAt: d.taxClearance.recordedAt.toISOString(),
          },
        }
      : {}),
    ...(d.socialInsuranceClearance ? { socialInsuranceClearance: { agencyId: d.socialInsuranceClearance.agencyId, recordedAt: d.socialInsuranceClearance.recordedAt.toISOString() } } : {}),
    ...(d.liquidationReportRef ? { liquidationReportRef: d.liquidationReportRef } : {}),
    ...(s.courtRulingRef ? { courtRulingRef: s.courtRulingRef } : {}),
    ...(d.bankruptcyCase
      ? {
          bankruptcyCase: {
            caseId: d.bankruptcyCase.caseId,
            courtId: d.bankruptcyCase.courtId,
            ...(d.bankruptcyCase.caseRef ? { caseRef: d.bankruptcyCase.caseRef } : {}),
            closingDate: d.bankruptcyCase.closingDate,
            outcome: d.bankruptcyCase.outcome,
          },
        }
      : {}),
    ...(s.reasons ? { reasons: [...s.reasons] } : {}),
    ...(s.decidedAt ? { decidedAt: iso(s.decidedAt) } : {}),
    version,
  };
}

export type DeregistrationView = ReturnType<typeof deregistrationView>;

/**
 * The public notice of a simplified deregistration (简易注销公告, §1: the public reads deregistration
 * notices): the company, the notice period, whether it was objected to (not by whom, nor why) and
 * how the case stands. Nothing of ordinary or court cases is public here.
 */
export function publicNoticeView(d: DeregistrationRecord, calendar: WorkingCalendar) {
  const s = d.state;
  const endsAt = s.noticeEndsAt as Date;
  return {
    deregistrationId: d.id,
    uscc: d.uscc,
    companyName: d.companyName,
    authorityCode: d.authorityCode,
    noticeStartsOn: calendar.localDateOf(s.requestedAt).toString(),
    noticeEndsOn: lastDay(calendar, endsAt),
    noticeEndsAt: endsAt.toISOString(),
    objected: s.objections.length > 0,
    objectionCount: s.objections.length,
    status: s.status,
    route: s.route,
  };
}

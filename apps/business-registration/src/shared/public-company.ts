import { maskPersonName, publicBankruptcyStage } from '@one-window/business-registration/domain';
import type { CompanyRecord } from '@one-window/business-registration/data-access';

/**
 * A company as the public register shows it (公示): no owner, no ID numbers, no person references,
 * the legal representative masked; `abnormalListed` says it is on the abnormal-operations list
 * (the entries are at GET /public/abnormal-list?uscc=); `bankruptcy`, while the company is under
 * bankruptcy proceedings, what the court has made public (the court, the case reference, the
 * acceptance date, an approved reorganisation or conciliation plan: 公示, 000 L1020–1023), never
 * the administrator's account.
 */
export function publicCompanyView(c: CompanyRecord) {
  return {
    uscc: c.uscc,
    name: c.name,
    entityType: c.entityType,
    status: c.status,
    establishedOn: c.establishedOn,
    authorityCode: c.authorityCode,
    domicile: c.domicile.text,
    legalRepresentative: maskPersonName(c.legalRepRef),
    abnormalListed: c.flags.abnormalListed,
    ...(c.flags.underBankruptcy && c.bankruptcy ? { bankruptcy: publicBankruptcy(c.bankruptcy) } : {}),
  };
}

function publicBankruptcy(b: NonNullable<CompanyRecord['bankruptcy']>) {
  return {
    stage: publicBankruptcyStage(b),
    ...(b.courtName !== undefined ? { courtName: b.courtName } : {}),
    ...(b.caseRef !== undefined ? { caseRef: b.caseRef } : {}),
    ...(b.acceptedOn !== undefined ? { acceptedOn: b.acceptedOn } : {}),
    ...(b.plan
      ? {
          plan: {
            procedureType: b.plan.procedureType,
            approvedOn: b.plan.approvedOn,
            rulingRef: b.plan.rulingRef,
            ...(b.plan.executionDeadline !== undefined ? { executionDeadline: b.plan.executionDeadline } : {}),
          },
        }
      : {}),
    ...(b.creditRepairUpdatedAt ? { creditRepairUpdatedAt: b.creditRepairUpdatedAt } : {}),
    ...(b.closed ? { closed: { closingDate: b.closed.closingDate, outcome: b.closed.outcome, rulingRef: b.closed.rulingRef } } : {}),
  };
}

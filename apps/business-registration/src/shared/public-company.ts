import { maskPersonName } from '@one-window/business-registration/domain';
import type { CompanyRecord } from '@one-window/business-registration/data-access';

/**
 * A company as the public register shows it (公示): no owner, no ID numbers, no person references,
 * the legal representative masked; `abnormalListed` says it is on the abnormal-operations list
 * (the entries are at GET /public/abnormal-list?uscc=).
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
  };
}

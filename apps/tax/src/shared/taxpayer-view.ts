import type { TaxpayerState } from '@one-window/tax/domain';

/** A taxpayer as the API answers it (its own record to the taxpayer, or to an officer of its bureau). */
export function taxpayerView(t: TaxpayerState, version: number) {
  return {
    taxpayerId: t.id,
    kind: t.kind,
    status: t.status,
    name: t.facts.name,
    domicile: t.facts.domicile,
    capital: t.facts.capital,
    scope: t.facts.scope,
    establishedOn: t.establishedOn,
    taxBureau: t.taxBureau,
    vatStatus: t.vatStatus,
    vatPeriod: t.vatPeriod,
    creditGrade: t.creditGrade,
    riskLevel: t.riskLevel,
    flags: t.flags,
    invoiceQuota: t.invoiceQuota,
    registeredAt: t.registeredAt.toISOString(),
    changes: t.changes.map((c) => ({ changeId: c.changeId, fieldsChanged: c.fieldsChanged, appliedAt: c.appliedAt.toISOString() })),
    version,
  };
}

export type TaxpayerView = ReturnType<typeof taxpayerView>;

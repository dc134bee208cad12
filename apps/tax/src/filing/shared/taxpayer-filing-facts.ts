import type { ObligationScheduleFacts, ReliefTaxpayerFacts, TaxpayerState, TaxType } from '@one-window/tax/domain';

/**
 * The taxes among the 11 of R6.1 a new taxpayer is registered for [cfg]: the taxpayer record
 * keeps no tax-type registration yet (§3), so this table stands in for it. An enterprise
 * prepays CIT and pays stamp duty (on its account books and contracts) and files them on the
 * combined return (多税合一, chosen by default, R6.1 可选择); an individual business pays IIT, not
 * CIT, and files only VAT here; natural persons file no periodic return in this service.
 */
export const REGISTERED_COMBINED_TAX_TYPES: Readonly<Record<TaxpayerState['kind'], readonly TaxType[]>> = {
  ENTERPRISE: ['CORPORATE_INCOME_TAX', 'STAMP_DUTY'],
  INDIVIDUAL_BUSINESS: [],
  NATURAL_PERSON: [],
};

/** What scheduling needs from the taxpayer record. */
export function scheduleFactsOf(t: TaxpayerState): ObligationScheduleFacts {
  return {
    taxpayerId: t.id,
    ...(t.kind === 'NATURAL_PERSON' ? {} : { vatPeriod: t.vatPeriod }),
    taxTypes: REGISTERED_COMBINED_TAX_TYPES[t.kind],
    combinedReturn: true,
  };
}

/**
 * The relief jurisdiction of a taxpayer from its domicile's division code (行政区划代码 'PPCCDD'):
 * 'CN-PP', then '-CC' for a prefecture, then '-DD' for a district. Dongguan 441900 → 'CN-44-19',
 * Yuexiu 440104 → 'CN-44-01-04'. Rules scoped to 'CN-44' (Guangdong) cover both.
 */
export function jurisdictionOf(divisionCode: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(divisionCode);
  if (!m) return 'CN';
  const [, province, prefecture, district] = m;
  let code = `CN-${province}`;
  if (prefecture !== '00') code += `-${prefecture}`;
  if (prefecture !== '00' && district !== '00') code += `-${district}`;
  return code;
}

export function reliefFactsOf(t: TaxpayerState): ReliefTaxpayerFacts {
  return { taxpayerId: t.id, kind: t.kind, vatStatus: t.vatStatus, jurisdiction: jurisdictionOf(t.facts.domicile.divisionCode) };
}

/** Test helpers (not exported from the library). */
import { parseTaxPeriod } from '../filing/tax-period';
import { bundledReliefRuleBook } from './relief-rules-2023';
import { assessSmallScalePeriod, type ReliefTaxpayerFacts, type SmallScaleAssessment, type SmallScaleAssessmentInput } from './small-scale-assessment';

/** A Dongguan individual business filing as a small-scale VAT taxpayer. */
export const INDIVIDUAL_BUSINESS: ReliefTaxpayerFacts = {
  taxpayerId: '92441900MA5G000003',
  kind: 'INDIVIDUAL_BUSINESS',
  vatStatus: 'SMALL_SCALE',
  jurisdiction: 'CN-44-19',
};

export const BOOK = bundledReliefRuleBook();

/** Assess `period` ('2023-05' / '2023-Q2') with sales at 3% (or the given lines) on the bundled rules. */
export function assess(period: string, sales3pct: string, extra: Partial<SmallScaleAssessmentInput> = {}, book = BOOK): SmallScaleAssessment {
  return assessSmallScalePeriod(
    { taxpayer: INDIVIDUAL_BUSINESS, period: parseTaxPeriod(period), sales: [{ levyRate: '0.03', amount: sales3pct }], ...extra },
    book,
  );
}

/** The tax per line: { VAT: '1000.00', URBAN_MAINTENANCE_CONSTRUCTION_TAX: '35.00', … }. */
export function taxes(assessment: SmallScaleAssessment): Record<string, string> {
  return Object.fromEntries(assessment.lines.map((l) => [l.taxType, l.tax]));
}

export function line(assessment: SmallScaleAssessment, taxType: string) {
  const found = assessment.lines.find((l) => l.taxType === taxType);
  if (!found) throw new Error(`no ${taxType} line`);
  return found;
}

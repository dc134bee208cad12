/**
 * Credit grade and risk level (信用+风险), tax.md §8 R8.1–R8.2, R8.5.
 * Golden Tax (金税) big data keeps a dynamic credit grade and risk rating per taxpayer
 * (000 L2186–2192); the grade scale is A/B/M/C/D [ext: 纳税信用管理办法].
 */

/** 纳税信用级别: A (best) … D (worst); M is the grade of new taxpayers and those without a full evaluation year. */
export const CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];

/** Intelligent risk rating (风险等级), R8.1. */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * High-risk lists obtained "regularly and promptly" from other provinces' tax bureaus and the STA
 * (000 L2779–2783), refreshed daily [cfg]:
 *  - REFUND_FRAUD (骗取退税), FALSE_INVOICING (虚开发票): a hit forces risk = high and blocks refunds
 *    and invoice key operations whatever the grade (R8.5, derived from L2186–2192 + L2779–2783);
 *  - ARREARS_ANNOUNCEMENT (欠税公告), ABNORMAL_ACCOUNT (非正常户), STA_PENALTY (税务总局处罚数据):
 *    recorded and shown to the risk officer; they do not change the level by themselves (R8.5 names
 *    only the first two as risk-raising).
 */
export const HIGH_RISK_LISTS = ['REFUND_FRAUD', 'FALSE_INVOICING', 'ARREARS_ANNOUNCEMENT', 'ABNORMAL_ACCOUNT', 'STA_PENALTY'] as const;
export type HighRiskList = (typeof HIGH_RISK_LISTS)[number];

/** The lists whose hit sets risk = high and blocks refunds and invoice key operations (R8.5). */
export const RISK_RAISING_LISTS: readonly HighRiskList[] = ['REFUND_FRAUD', 'FALSE_INVOICING'];

/** One list hit (tax.md §3 RiskAssessment.listHits[]): which list, which bureau published it, and when. */
export interface ListHit {
  readonly list: HighRiskList;
  /** The publishing bureau, e.g. 'STA' or '国家税务总局湖南省税务局'. */
  readonly origin: string;
  /** ISO local date of the list entry. */
  readonly date: string;
}

/** A taxpayer's credit and risk as the gate sees them. */
export interface TaxpayerCreditRisk {
  readonly creditGrade: CreditGrade;
  /** The assessed level before list hits are applied. */
  readonly riskLevel: RiskLevel;
  readonly listHits: readonly ListHit[];
}

export function isCreditGrade(value: unknown): value is CreditGrade {
  return typeof value === 'string' && (CREDIT_GRADES as readonly string[]).includes(value);
}

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && (RISK_LEVELS as readonly string[]).includes(value);
}

/** The hits on a risk-raising list (refund fraud, false invoicing). */
export function riskRaisingHits(listHits: readonly ListHit[]): ListHit[] {
  return listHits.filter((h) => RISK_RAISING_LISTS.includes(h.list));
}

/** R8.5: a refund-fraud or false-invoicing hit sets risk = high; other hits leave the assessed level. */
export function effectiveRiskLevel(assessed: RiskLevel, listHits: readonly ListHit[]): RiskLevel {
  return riskRaisingHits(listHits).length > 0 ? 'high' : assessed;
}

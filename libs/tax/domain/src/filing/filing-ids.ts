/** The ids filing issues. */
export type FilingIdKind = 'return' | 'receipt' | 'formBundle' | 'liability';

/**
 * Injected id source: the app gives UUIDs (and a 12-digit form bundle number, HMRC style);
 * tests give a counter, so outcomes are deterministic.
 */
export type FilingIds = (kind: FilingIdKind) => string;

/** When and with which ids a filing command runs. */
export interface FilingContext {
  readonly at: Date;
  readonly ids: FilingIds;
}

/** Form bundle numbers a day can give before the serial part wraps (6 digits). */
export const FORM_BUNDLE_SERIALS_PER_DAY = 1_000_000;

/**
 * The 12-digit form bundle number a taxpayer quotes (HMRC formBundleNumber, §6): the filing day
 * (Asia/Shanghai) as `YYMMDD`, then 6 digits of a serial that never repeats (a database sequence).
 * Two filings of one day differ unless a million serials were drawn between them; filings of
 * different days differ in the date part. `day` is an ISO date (`2026-12-05`).
 */
export function formBundleNumber(day: string, serial: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`formBundleNumber: day must be an ISO date, got ${day}`);
  if (!Number.isSafeInteger(serial) || serial < 0) throw new RangeError(`formBundleNumber: serial must be a non-negative integer, got ${serial}`);
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${yymmdd}${String(serial % FORM_BUNDLE_SERIALS_PER_DAY).padStart(6, '0')}`;
}

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

import type { TaxPeriod } from './tax-period';
import type { TaxType } from './tax-type';

/**
 * What an obligation is for: the VAT return (with its surcharges), the combined return
 * (多税合一, R6.1/R6.3), or one of the 11 taxes filed on its own.
 */
export type FilingStream = { readonly kind: 'VAT' } | { readonly kind: 'COMBINED' } | { readonly kind: 'SINGLE'; readonly taxType: TaxType };

/**
 * The periodKey tax issues for an obligation (HMRC MTD style, anchors_mission.md §4.1). Clients
 * must treat it as OPAQUE: they read it from GET obligations and send it back on the return.
 *
 * Format (this version): `<yy><M|Q><nn>-<stream>`; `yy` the last two digits of the period's year,
 * `M01`–`M12` a month or `Q1`–`Q4` a quarter, stream `VAT`, `MTC` (多税合一 combined return) or the
 * tax type code for a tax filed alone. Examples: '26M02-VAT', '26Q1-MTC', '26Q1-STAMP_DUTY'.
 * Unique per taxpayer (one obligation per stream and period). A later format may differ; keys
 * already issued never change.
 */
export function periodKeyFor(stream: FilingStream, period: TaxPeriod): string {
  const yy = String(period.year % 100).padStart(2, '0');
  const part = period.kind === 'MONTH' ? `M${String(period.index).padStart(2, '0')}` : `Q${period.index}`;
  const suffix = stream.kind === 'VAT' ? 'VAT' : stream.kind === 'COMBINED' ? 'MTC' : stream.taxType;
  return `${yy}${part}-${suffix}`;
}

/** A plausible periodKey (shape only; whether it exists is the obligation store's answer). */
export function isPeriodKey(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2}(M(0[1-9]|1[0-2])|Q[1-4])-[A-Z_]{3,40}$/.test(value);
}

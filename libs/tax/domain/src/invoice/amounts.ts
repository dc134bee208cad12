/**
 * Line arithmetic of the fully digital e-invoice (tax.md §5.1, L90–97): exact decimals, integer fen
 * (分), half-up rounding. Quantity and unit price (excl. tax) are decimal strings; a line's amount is
 * quantity × unit price rounded half up to the fen, its tax is amount × rate rounded half up.
 */
import { fromFen, percentOf, toFen } from '@one-window/shared/money';

/**
 * The VAT rates an invoice line may carry, in percent, as data [ext]: 13 / 9 / 6 general rates,
 * 0 (zero-rated or exempt), 5 and 3 levy rates (征收率), 1 the reduced small-scale levy rate. A
 * change of law is a change of this list only.
 */
export const INVOICE_VAT_RATES = [0, 1, 3, 5, 6, 9, 13] as const;
export type InvoiceVatRate = (typeof INVOICE_VAT_RATES)[number];

export function isInvoiceVatRate(value: unknown): value is InvoiceVatRate {
  return typeof value === 'number' && (INVOICE_VAT_RATES as readonly number[]).includes(value);
}

/** At most this many decimals in a quantity or unit price [cfg]. */
export const INVOICE_DECIMAL_PLACES = 8;

const DECIMAL = new RegExp(`^\\d{1,15}(\\.\\d{1,${INVOICE_DECIMAL_PLACES}})?$`);
const SIGNED_FEN = /^-?\d+\.\d{2}$/;

/** A non-negative decimal `units / 10^scale`, exact. */
export interface InvoiceDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/** True for a non-negative decimal string with at most INVOICE_DECIMAL_PLACES decimals ('2', '0.005', '12.5'). */
export function isInvoiceDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** Parses a non-negative decimal string; throws RangeError when malformed (validate first). */
export function parseInvoiceDecimal(value: string): InvoiceDecimal {
  if (!isInvoiceDecimal(value)) throw new RangeError(`Not an invoice decimal: ${JSON.stringify(value)}`);
  const [whole, fraction = ''] = value.split('.');
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** Compares two non-negative decimals: negative, 0 or positive like a sort comparator. */
export function compareInvoiceDecimals(a: string, b: string): number {
  const x = parseInvoiceDecimal(a);
  const y = parseInvoiceDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  const xs = x.units * 10n ** BigInt(scale - x.scale);
  const ys = y.units * 10n ** BigInt(scale - y.scale);
  return xs === ys ? 0 : xs < ys ? -1 : 1;
}

/** Line amount (金额, excl. tax) in fen: quantity × unit price, rounded half up to the fen. */
export function invoiceLineAmountFen(quantity: string, unitPrice: string): bigint {
  const q = parseInvoiceDecimal(quantity);
  const p = parseInvoiceDecimal(unitPrice);
  // value in yuan = q.units × p.units / 10^(q.scale + p.scale); in fen × 100.
  return percentOf(q.units * p.units, 100n, 10n ** BigInt(q.scale + p.scale));
}

/** Line tax (税额) in fen: amount × rate, rounded half up; a negative amount (red letter) mirrors the positive one. */
export function invoiceLineTaxFen(amountFen: bigint, rate: InvoiceVatRate): bigint {
  if (amountFen < 0n) return -percentOf(-amountFen, BigInt(rate), 100n);
  return percentOf(amountFen, BigInt(rate), 100n);
}

/** Amount and tax of one line, in fen. */
export function computeInvoiceLineFen(line: { quantity: string; unitPrice: string; rate: InvoiceVatRate }): { amountFen: bigint; taxFen: bigint } {
  const amountFen = invoiceLineAmountFen(line.quantity, line.unitPrice);
  return { amountFen, taxFen: invoiceLineTaxFen(amountFen, line.rate) };
}

/** '12.34' or '-12.34' (two decimals, as written on invoices) → fen. Throws RangeError otherwise. */
export function invoiceAmountFen(amount: string): bigint {
  if (typeof amount !== 'string' || !SIGNED_FEN.test(amount)) throw new RangeError(`Not an invoice amount: ${JSON.stringify(amount)}`);
  return amount.startsWith('-') ? -toFen(amount.slice(1)) : toFen(amount);
}

/** True for an amount as written on invoices: two decimals, optionally negative. */
export function isInvoiceAmount(value: unknown): value is string {
  return typeof value === 'string' && SIGNED_FEN.test(value);
}

/** fen → '12.34' / '-12.34'. */
export function fenToInvoiceAmount(fen: bigint): string {
  return fromFen(fen);
}

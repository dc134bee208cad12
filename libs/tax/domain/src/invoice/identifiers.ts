/**
 * Identifiers printed on a fully digital e-invoice: the parties' taxpayer ids, the 20-digit
 * invoice number (发票号码) and the 20-digit check code (校验码). tax.md §3 (L48–L52), §5.1.
 */
import { createHmac } from 'node:crypto';

/**
 * Taxpayer id of a party: the USCC under 一照一码 (§3 L48, 001 L146–148). A format check only,
 * mirroring GB 32100-2015 (18 characters over 0-9 A-H J-N P-R T U W-Y, positions 3–8 digits, check
 * character); the registration service owns the full validation.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function isInvoiceTaxpayerId(value: unknown): value is string {
  if (typeof value !== 'string' || !USCC_SHAPE.test(value)) return false;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    sum += USCC_ALPHABET.indexOf(value[i]) * weight;
    weight = (weight * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c] === value[17];
}

/**
 * Invoice number (发票号码), 20 digits [ext: the published 数电票 layout]:
 *
 *   YY RR C SSSSSSSSSSSSSSS
 *   │  │  │ └ 15-digit sequence (顺序编码), allocated by the app per region and year (the context's `serial`)
 *   │  │  └ 1-digit issuing channel (开具渠道) [cfg], '1' = the e-tax bureau
 *   │  └ 2-digit region code (区域代码): the province-level tax bureau (GB/T 2260 first 2 digits, e.g. 44 Guangdong)
 *   └ last 2 digits of the year of issue (Asia/Shanghai)
 */
export interface InvoiceNumberParts {
  readonly year: number;
  readonly regionCode: string;
  readonly channel: string;
  readonly serial: number;
}

export const INVOICE_NUMBER_PATTERN = /^\d{20}$/;
export const MAX_INVOICE_SERIAL = 999_999_999_999_999;

export function formatInvoiceNumber(parts: InvoiceNumberParts): string {
  if (!Number.isInteger(parts.year) || parts.year < 2000 || parts.year > 2099) throw new RangeError(`year ${parts.year} out of range`);
  if (!/^\d{2}$/.test(parts.regionCode)) throw new RangeError(`region code must be 2 digits: ${parts.regionCode}`);
  if (!/^\d$/.test(parts.channel)) throw new RangeError(`channel must be 1 digit: ${parts.channel}`);
  if (!Number.isSafeInteger(parts.serial) || parts.serial < 1 || parts.serial > MAX_INVOICE_SERIAL) {
    throw new RangeError(`serial must be 1..${MAX_INVOICE_SERIAL}: ${parts.serial}`);
  }
  return `${String(parts.year % 100).padStart(2, '0')}${parts.regionCode}${parts.channel}${String(parts.serial).padStart(15, '0')}`;
}

/** The parts of a 20-digit number (year read as 20YY); undefined when malformed. */
export function parseInvoiceNumber(invoiceNo: string): InvoiceNumberParts | undefined {
  if (typeof invoiceNo !== 'string' || !INVOICE_NUMBER_PATTERN.test(invoiceNo)) return undefined;
  return {
    year: 2000 + Number(invoiceNo.slice(0, 2)),
    regionCode: invoiceNo.slice(2, 4),
    channel: invoiceNo.slice(4, 5),
    serial: Number(invoiceNo.slice(5)),
  };
}

export const INVOICE_CHECK_CODE_PATTERN = /^\d{20}$/;

/**
 * Check code (校验码), 20 digits: HMAC-SHA256 keyed with the bureau's check-code secret [cfg] over
 * the canonical JSON of the invoice content (everything but checkCode, prevHash and hash); the
 * first 16 bytes of the MAC as an unsigned big-endian integer, mod 10^20, zero-padded. Only the
 * bureau can derive it, so a caller who quotes it in a verification holds the real invoice.
 */
export function deriveInvoiceCheckCode(secret: string, canonicalContent: string): string {
  if (typeof secret !== 'string' || secret.length === 0) throw new RangeError('The check-code secret is empty');
  const mac = createHmac('sha256', secret).update(canonicalContent, 'utf8').digest();
  const n = BigInt(`0x${mac.subarray(0, 16).toString('hex')}`);
  return (n % 10n ** 20n).toString().padStart(20, '0');
}

/**
 * The immutable content of one fully digital e-invoice as chained and hashed (tax.md §3 L51
 * `Invoice`, §5.3 L103). Lifecycle data (status, delivery, reversal) lives beside it in the
 * Invoice aggregate and is not hashed: the document never changes once issued.
 */
import { createHash } from 'node:crypto';
import { fenToInvoiceAmount, invoiceLineAmountFen, invoiceLineTaxFen, invoiceAmountFen, type InvoiceVatRate } from './amounts';

/** 数电票 kinds in scope: 普通发票 (ordinary) and 增值税专用发票 (special, deductible). */
export const INVOICE_KINDS = ['DIGITAL_ORDINARY', 'DIGITAL_SPECIAL'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Red-letter (红字) reasons [ext: the four used in practice]. ISSUED_IN_ERROR reverses in full. */
export const RED_LETTER_REASONS = ['ISSUED_IN_ERROR', 'GOODS_RETURNED', 'SERVICE_TERMINATED', 'SALES_ALLOWANCE'] as const;
export type RedLetterReason = (typeof RED_LETTER_REASONS)[number];

export interface InvoiceSeller {
  readonly taxpayerId: string;
  readonly name: string;
}

export interface InvoiceBuyer {
  /** Present: delivered to the buyer's digital tax account (税务数字账户). Required on a special invoice. */
  readonly taxpayerId?: string;
  readonly name: string;
  /** Where to deliver when there is no taxpayerId. */
  readonly email?: string;
  readonly address?: string;
  readonly phone?: string;
  readonly bankAccount?: string;
}

export interface InvoiceLine {
  /** 1-based. */
  readonly lineNo: number;
  readonly description: string;
  /** 税收分类编码, 19 digits. */
  readonly taxCategoryCode?: string;
  /** Decimal string; negative on a red-letter line; absent on an amount-only (allowance) red-letter line. */
  readonly quantity?: string;
  /** Unit price excl. tax, decimal string; absent on an amount-only red-letter line. */
  readonly unitPrice?: string;
  readonly rate: InvoiceVatRate;
  /** 金额 excl. tax, two decimals ('-' on a red-letter line). */
  readonly amount: string;
  /** 税额, two decimals. */
  readonly tax: string;
  /** On a red-letter line: the line of the original it reverses. */
  readonly originalLineNo?: number;
}

/** On a red-letter credit note: what it reverses. */
export interface RedLetterReference {
  readonly originalInvoiceNo: string;
  readonly scope: 'FULL' | 'PARTIAL';
  readonly reason: RedLetterReason;
}

export interface InvoiceDocument {
  readonly invoiceNo: string;
  readonly kind: InvoiceKind;
  /** The seller's taxpayer id (= seller.taxpayerId): the chain is per issuer. */
  readonly issuerId: string;
  readonly seller: InvoiceSeller;
  readonly buyer: InvoiceBuyer;
  readonly lines: readonly InvoiceLine[];
  /** Σ line amounts (合计金额). */
  readonly amount: string;
  /** Σ line taxes (合计税额). */
  readonly tax: string;
  /** amount + tax (价税合计). */
  readonly total: string;
  /** ISO instant. */
  readonly issuedAt: string;
  /** Local date of issue, Asia/Shanghai (开票日期), YYYY-MM-DD. */
  readonly issuedOn: string;
  readonly redLetter?: RedLetterReference;
  readonly checkCode: string;
  /** Position in the issuer's chain, 1 for the first invoice. */
  readonly chainSequence: number;
  /** Hash of the issuer's previous invoice, INVOICE_CHAIN_GENESIS_HASH for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every other field, prevHash included. */
  readonly hash: string;
}

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, undefined members dropped,
 * arrays in order. Only strings, safe integers, booleans, null, arrays and plain objects are
 * allowed (amounts are strings, so no float ever reaches a hash).
 */
export function canonicalInvoiceJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Canonical JSON allows safe integers only, got ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalInvoiceJson(v)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalInvoiceJson(v)}`).join(',')}}`;
  }
  throw new RangeError(`Canonical JSON cannot encode ${typeof value}`);
}

/** What the check code is derived from: the document without checkCode, prevHash and hash. */
export function invoiceCheckCodeContent(document: Omit<InvoiceDocument, 'checkCode' | 'prevHash' | 'hash'> | InvoiceDocument): string {
  const { checkCode: _c, prevHash: _p, hash: _h, ...content } = document as InvoiceDocument;
  return canonicalInvoiceJson(content);
}

/** SHA-256 (hex) of the canonical JSON of the document without `hash` (content + prevHash), §5.3 L103. */
export function computeInvoiceHash(document: Omit<InvoiceDocument, 'hash'> | InvoiceDocument): string {
  const { hash: _h, ...content } = document as InvoiceDocument;
  return createHash('sha256').update(canonicalInvoiceJson(content), 'utf8').digest('hex');
}

/**
 * Problems with the amounts of a document (empty when consistent): each line's amount is
 * quantity × unit price half up (when both are given, by magnitude), each tax is amount × rate
 * half up, the totals are the sums of the lines, and total = amount + tax.
 */
export function invoiceTotalsProblems(document: Pick<InvoiceDocument, 'lines' | 'amount' | 'tax' | 'total'>): string[] {
  try {
    return totalsProblems(document);
  } catch (error) {
    return [`malformed amounts: ${error instanceof Error ? error.message : String(error)}`];
  }
}

function totalsProblems(document: Pick<InvoiceDocument, 'lines' | 'amount' | 'tax' | 'total'>): string[] {
  const problems: string[] = [];
  let amount = 0n;
  let tax = 0n;
  for (const line of document.lines) {
    const lineAmount = invoiceAmountFen(line.amount);
    const lineTax = invoiceAmountFen(line.tax);
    amount += lineAmount;
    tax += lineTax;
    if (line.quantity !== undefined && line.unitPrice !== undefined) {
      const negative = line.quantity.startsWith('-');
      const magnitude = invoiceLineAmountFen(negative ? line.quantity.slice(1) : line.quantity, line.unitPrice);
      if ((negative ? -magnitude : magnitude) !== lineAmount)
        problems.push(`line ${line.lineNo}: amount ${line.amount} is not quantity × unit price`);
    }
    if (invoiceLineTaxFen(lineAmount, line.rate) !== lineTax) problems.push(`line ${line.lineNo}: tax ${line.tax} is not amount × ${line.rate}%`);
  }
  if (amount !== invoiceAmountFen(document.amount))
    problems.push(`amount ${document.amount} is not the sum of the lines ${fenToInvoiceAmount(amount)}`);
  if (tax !== invoiceAmountFen(document.tax)) problems.push(`tax ${document.tax} is not the sum of the lines ${fenToInvoiceAmount(tax)}`);
  if (invoiceAmountFen(document.amount) + invoiceAmountFen(document.tax) !== invoiceAmountFen(document.total))
    problems.push(`total ${document.total} is not amount + tax`);
  return problems;
}

/**
 * Invoice verification (查验), tax.md §5.1 L97: any caller holding the invoice number, the date
 * of issue and either the check code or the amount may ask; the answer changes nothing (the app
 * rate-limits the caller and writes the audit row). A mismatch names the fields that differ and
 * discloses nothing else.
 */
import { timingSafeEqual } from 'node:crypto';
import { isInvoiceAmount, invoiceAmountFen } from './amounts';
import { InvoiceValidationError, type InvoiceFieldIssue } from './errors';
import { INVOICE_CHECK_CODE_PATTERN, INVOICE_NUMBER_PATTERN } from './identifiers';
import type { Invoice } from './invoice';
import type { InvoiceKind } from './invoice-document';
import type { InvoiceStatus } from './invoice-machine';

export interface InvoiceVerificationQuery {
  readonly invoiceNo: string;
  /** 开票日期, YYYY-MM-DD (Asia/Shanghai). */
  readonly issuedOn: string;
  /** 校验码, 20 digits. */
  readonly checkCode?: string;
  /** 价税合计: the total incl. tax, two decimals ('-' on a credit note). */
  readonly amount?: string;
}

export type InvoiceVerificationField = 'checkCode' | 'amount' | 'issuedOn';

export type InvoiceVerificationResult =
  | {
      readonly outcome: 'VALID';
      readonly invoiceNo: string;
      readonly kind: InvoiceKind;
      readonly status: InvoiceStatus;
      readonly sellerName: string;
      readonly buyerName: string;
      readonly amount: string;
      readonly tax: string;
      readonly total: string;
      readonly issuedOn: string;
      /** A red-letter credit note: the original it reverses. */
      readonly originalInvoiceNo: string | null;
      /** Set when this invoice was reversed by a credit note. */
      readonly reversedBy: string | null;
    }
  | {
      readonly outcome: 'MISMATCH';
      readonly invoiceNo: string;
      readonly mismatched: readonly InvoiceVerificationField[];
    }
  | { readonly outcome: 'NOT_FOUND'; readonly invoiceNo: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every bad field of a verification query (empty when well formed). */
export function validateInvoiceVerificationQuery(query: InvoiceVerificationQuery): InvoiceFieldIssue[] {
  const issues: InvoiceFieldIssue[] = [];
  if (typeof query.invoiceNo !== 'string' || !INVOICE_NUMBER_PATTERN.test(query.invoiceNo)) {
    issues.push({
      field: 'invoiceNo',
      problem: 'FORMAT',
      message: 'an invoice number has 20 digits',
    });
  }
  if (typeof query.issuedOn !== 'string' || !DATE.test(query.issuedOn))
    issues.push({
      field: 'issuedOn',
      problem: 'FORMAT',
      message: 'a date YYYY-MM-DD',
    });
  if (query.checkCode === undefined && query.amount === undefined) {
    issues.push({
      field: 'checkCode',
      problem: 'REQUIRED',
      message: 'give the check code or the amount',
    });
  }
  if (query.checkCode !== undefined && (typeof query.checkCode !== 'string' || !INVOICE_CHECK_CODE_PATTERN.test(query.checkCode))) {
    issues.push({
      field: 'checkCode',
      problem: 'FORMAT',
      message: 'a check code has 20 digits',
    });
  }
  if (query.amount !== undefined && !isInvoiceAmount(query.amount))
    issues.push({
      field: 'amount',
      problem: 'FORMAT',
      message: 'an amount with two decimals',
    });
  return issues;
}

/**
 * Verifies a query against the stored invoice (undefined when the number is unknown). VALID when
 * the date and every given proof (check code, amount) match; MISMATCH names the ones that do not.
 * A reversed invoice is still VALID, with its status and the credit note that reversed it.
 */
export function verifyInvoice(stored: Invoice | undefined, query: InvoiceVerificationQuery): InvoiceVerificationResult {
  const issues = validateInvoiceVerificationQuery(query);
  if (issues.length > 0) throw new InvoiceValidationError(issues);
  if (stored === undefined || stored.document.invoiceNo !== query.invoiceNo) return { outcome: 'NOT_FOUND', invoiceNo: query.invoiceNo };
  const document = stored.document;
  const mismatched: InvoiceVerificationField[] = [];
  if (query.checkCode !== undefined && !sameText(query.checkCode, document.checkCode)) mismatched.push('checkCode');
  if (query.amount !== undefined && invoiceAmountFen(query.amount) !== invoiceAmountFen(document.total)) mismatched.push('amount');
  if (query.issuedOn !== document.issuedOn) mismatched.push('issuedOn');
  if (mismatched.length > 0) return { outcome: 'MISMATCH', invoiceNo: query.invoiceNo, mismatched };
  return {
    outcome: 'VALID',
    invoiceNo: document.invoiceNo,
    kind: document.kind,
    status: stored.status,
    sellerName: document.seller.name,
    buyerName: document.buyer.name,
    amount: document.amount,
    tax: document.tax,
    total: document.total,
    issuedOn: document.issuedOn,
    originalInvoiceNo: document.redLetter?.originalInvoiceNo ?? null,
    reversedBy: stored.state.reversal?.creditNoteNo ?? null,
  };
}

/** Constant-time comparison of two equal-length codes. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

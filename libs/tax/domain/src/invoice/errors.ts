/** Coded errors of invoices and the UKey (tax.md §5). Details are JSON-safe (strings, numbers, arrays). */
import { TaxError } from '../shared/errors';

/** One bad field of an invoice command: `field` is a path into the input ('lines[2].quantity'). */
export interface InvoiceFieldIssue {
  readonly field: string;
  readonly problem: 'REQUIRED' | 'FORMAT' | 'NOT_ALLOWED' | 'OUT_OF_RANGE' | 'DUPLICATE';
  readonly message: string;
}

/** The command is malformed; every bad field is named. */
export class InvoiceValidationError extends TaxError {
  readonly code = 'tax.invoice.invalid';

  constructor(readonly issues: readonly InvoiceFieldIssue[]) {
    super(`Invalid invoice request: ${issues.map((i) => `${i.field} ${i.problem}`).join('; ')}`, {
      issues: issues.map((i) => ({ ...i })),
    });
  }
}

/** The total incl. tax exceeds the issuer's remaining monthly quota (授信额度), §5.1 L99. */
export class InvoiceQuotaExceededError extends TaxError {
  readonly code = 'tax.invoice.quota_exceeded';

  constructor(remaining: string, requested: string) {
    super(`The invoice total ${requested} exceeds the remaining quota ${remaining}`, { remaining, requested });
  }
}

/** Internal invariant: the stated totals are not the sums of the lines (a bug or tampered data). */
export class InvoiceTotalsMismatchError extends TaxError {
  readonly code = 'tax.invoice.totals_mismatch';

  constructor(invoiceNo: string, problems: readonly string[]) {
    super(`Invoice ${invoiceNo}: ${problems.join('; ')}`, {
      invoiceNo,
      problems: [...problems],
    });
  }
}

/** Only the issuer may act on its invoice (red letter). */
export class NotInvoiceIssuerError extends TaxError {
  readonly code = 'tax.invoice.not_issuer';

  constructor(invoiceNo: string) {
    super(`Only the issuer may act on invoice ${invoiceNo}`, { invoiceNo });
  }
}

/** A second red-letter credit note for the same original (or one that is already reversed). */
export class RedLetterAlreadyIssuedError extends TaxError {
  readonly code = 'tax.invoice.red_letter_exists';

  constructor(invoiceNo: string, creditNoteNo: string | null) {
    super(`Invoice ${invoiceNo} already has a red-letter credit note${creditNoteNo ? ` (${creditNoteNo})` : ''}`, { invoiceNo, creditNoteNo });
  }
}

/** A red-letter credit note cannot itself be reversed. */
export class CreditNoteNotReversibleError extends TaxError {
  readonly code = 'tax.invoice.credit_note_not_reversible';

  constructor(invoiceNo: string) {
    super(`${invoiceNo} is a red-letter credit note and cannot be reversed`, {
      invoiceNo,
    });
  }
}

/** The partial red letter asks for more than the original line holds. */
export class RedLetterExceedsOriginalError extends TaxError {
  readonly code = 'tax.invoice.red_letter_exceeds_original';

  constructor(invoiceNo: string, lineNo: number, field: 'quantity' | 'amount', requested: string, available: string) {
    super(`Red letter for ${invoiceNo} line ${lineNo}: ${field} ${requested} exceeds the original ${available}`, {
      invoiceNo,
      lineNo,
      field,
      requested,
      available,
    });
  }
}

/** The buyer has already used (deducted / booked / reimbursed) the invoice: its confirmation is needed. */
export class BuyerConfirmationRequiredError extends TaxError {
  readonly code = 'tax.invoice.buyer_confirmation_required';

  constructor(invoiceNo: string) {
    super(`The buyer has already used invoice ${invoiceNo}: a red letter needs the buyer's confirmation`, { invoiceNo });
  }
}

/** The invoice is not (or not for this buyer) in the digital tax account. */
export class InvoiceNotInAccountError extends TaxError {
  readonly code = 'tax.invoice.not_in_account';

  constructor(taxpayerId: string, invoiceNo: string) {
    super(`Invoice ${invoiceNo} is not in the digital tax account of ${taxpayerId}`, { invoiceNo });
  }
}

/** The invoice is addressed to another buyer. */
export class InvoiceNotForAccountError extends TaxError {
  readonly code = 'tax.invoice.not_for_account';

  constructor(invoiceNo: string) {
    super(`Invoice ${invoiceNo} is addressed to another buyer`, { invoiceNo });
  }
}

/** An invoice number arrives again with different content (the chain hash differs). */
export class InvoiceConflictError extends TaxError {
  readonly code = 'tax.invoice.conflict';

  constructor(invoiceNo: string) {
    super(`Invoice ${invoiceNo} was already received with different content`, {
      invoiceNo,
    });
  }
}

/** Booked or reimbursed already (§5.3 L103: it cannot be claimed twice), or deducted twice. */
export class InvoiceAlreadyConsumedError extends TaxError {
  readonly code = 'tax.invoice.already_consumed';

  constructor(invoiceNo: string, use: string, reference: string | null) {
    super(`Invoice ${invoiceNo} was already used (${use}${reference ? `, ${reference}` : ''})`, { invoiceNo, use, reference });
  }
}

/** The use is not possible for this invoice (reversed in full, a credit note, an ordinary invoice for deduction). */
export class InvoiceUseNotAllowedError extends TaxError {
  readonly code = 'tax.invoice.use_not_allowed';

  constructor(invoiceNo: string, use: string, reason: string) {
    super(`Invoice ${invoiceNo} cannot be used for ${use}: ${reason}`, {
      invoiceNo,
      use,
      reason,
    });
  }
}

/** A UKey command is malformed; every bad field is named. */
export class UKeyValidationError extends TaxError {
  readonly code = 'tax.ukey.invalid';

  constructor(readonly issues: readonly InvoiceFieldIssue[]) {
    super(`Invalid UKey request: ${issues.map((i) => `${i.field} ${i.problem}`).join('; ')}`, { issues: issues.map((i) => ({ ...i })) });
  }
}

/** Dispatch on a counter pickup, or counter readiness on a mailed one. */
export class UKeyWrongPickupError extends TaxError {
  readonly code = 'tax.ukey.wrong_pickup';

  constructor(issuanceId: string, pickup: string, action: string) {
    super(`UKey issuance ${issuanceId} is for ${pickup} pickup: ${action} does not apply`, { issuanceId, pickup, action });
  }
}

/** Only the taxpayer the UKey was issued to may activate it. */
export class UKeyNotOwnerError extends TaxError {
  readonly code = 'tax.ukey.not_owner';

  constructor(issuanceId: string) {
    super(`UKey issuance ${issuanceId} belongs to another taxpayer`, {
      issuanceId,
    });
  }
}

/**
 * Suggested HTTP status per code, for the app's one problem registry (apps/tax/src/problem-types.ts):
 * 422 rule violations, 403 not yours, 404 not found, 409 conflicts with the current state.
 */
export const INVOICE_ERROR_HTTP_STATUS: Readonly<Record<string, number>> = {
  'tax.invoice.invalid': 422,
  'tax.invoice.quota_exceeded': 422,
  'tax.invoice.totals_mismatch': 500,
  'tax.invoice.not_issuer': 403,
  'tax.invoice.red_letter_exists': 409,
  'tax.invoice.credit_note_not_reversible': 409,
  'tax.invoice.red_letter_exceeds_original': 422,
  'tax.invoice.buyer_confirmation_required': 409,
  'tax.invoice.not_in_account': 404,
  'tax.invoice.not_for_account': 422,
  'tax.invoice.conflict': 409,
  'tax.invoice.already_consumed': 409,
  'tax.invoice.use_not_allowed': 409,
  'tax.ukey.invalid': 422,
  'tax.ukey.wrong_pickup': 409,
  'tax.ukey.not_owner': 403,
};

import type { ProblemTypeMap } from '@one-window/shared/http';
import type { ConsumerDefinition, ServiceDefinition } from '@one-window/shared/platform';
import { INVOICE_ERROR_HTTP_STATUS } from '@one-window/tax/domain';
import { UKEY_DISPATCH_TIMER, UKeyHandler } from './ukey/ukey.handler';

const p = (status: number, title: string, type: string) => ({ status, title, type });

/** Domain error codes of the invoicing part → HTTP (merged into the service's one registry). Statuses follow INVOICE_ERROR_HTTP_STATUS. */
export const INVOICING_PROBLEM_TYPES: ProblemTypeMap = {
  'tax.invoice.invalid': p(422, 'Invalid invoice request', 'tax-invoice-invalid'),
  'tax.invoice.quota_exceeded': p(422, 'Invoice quota exceeded', 'tax-invoice-quota-exceeded'),
  'tax.invoice.totals_mismatch': p(500, 'Invoice totals inconsistent', 'tax-invoice-totals-mismatch'),
  'tax.invoice.not_issuer': p(403, 'Not the issuer of the invoice', 'tax-invoice-not-issuer'),
  'tax.invoice.red_letter_exists': p(409, 'Red letter already issued', 'tax-invoice-red-letter-exists'),
  'tax.invoice.credit_note_not_reversible': p(409, 'A credit note cannot be reversed', 'tax-invoice-credit-note-not-reversible'),
  'tax.invoice.red_letter_exceeds_original': p(422, 'Red letter exceeds the original', 'tax-invoice-red-letter-exceeds-original'),
  'tax.invoice.buyer_confirmation_required': p(409, 'Buyer confirmation required', 'tax-invoice-buyer-confirmation-required'),
  'tax.invoice.not_in_account': p(404, 'Invoice not in the digital tax account', 'tax-invoice-not-in-account'),
  'tax.invoice.not_for_account': p(422, 'Invoice addressed to another buyer', 'tax-invoice-not-for-account'),
  'tax.invoice.conflict': p(409, 'Invoice conflict', 'tax-invoice-conflict'),
  'tax.invoice.already_consumed': p(409, 'Invoice already used', 'tax-invoice-already-consumed'),
  'tax.invoice.use_not_allowed': p(409, 'Invoice use not allowed', 'tax-invoice-use-not-allowed'),
  'tax.invoice.not_buyer': p(404, 'Invoice not found', 'tax-not-found'),
  'tax.ukey.invalid': p(422, 'Invalid UKey request', 'tax-ukey-invalid'),
  'tax.ukey.wrong_pickup': p(409, 'Wrong UKey pickup', 'tax-ukey-wrong-pickup'),
  'tax.ukey.not_owner': p(403, 'Not the UKey owner', 'tax-ukey-not-owner'),
  'tax.ukey.order_open': p(409, 'A UKey order is open', 'tax-ukey-order-open'),
};

// The domain's suggested statuses are authoritative: fail at start-up if this registry drifts from them.
for (const [code, status] of Object.entries(INVOICE_ERROR_HTTP_STATUS)) {
  if (INVOICING_PROBLEM_TYPES[code]?.status !== status) throw new Error(`INVOICING_PROBLEM_TYPES: ${code} must map to ${status}`);
}

/** Durable timer handlers of the invoicing part, by timer kind (merged into the service definition). */
export const INVOICING_TIMERS: NonNullable<ServiceDefinition['timers']> = (get) => ({
  [UKEY_DISPATCH_TIMER]: (timer, tx) => get(UKeyHandler).dispatchDue(timer, tx),
});

/**
 * Consumer groups of the invoicing part. None: delivery into the buyer's digital tax account
 * happens in the issuing transaction (the buyer is a taxpayer of this same service).
 */
export const INVOICING_CONSUMERS: ConsumerDefinition[] = [];

/** Snapshots of the invoicing part for integrators. */
export const INVOICING_SNAPSHOTS: NonNullable<ServiceDefinition['snapshots']> = () => [];

import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { USCC } from '@one-window/business-registration/contracts';
import { TAX_TOPIC } from '../topic';

/** An amount that may be negative (a red-letter credit note carries negative amounts). */
const SIGNED_MONEY = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: {
    amount: { type: 'string', pattern: '^-?\\d+(\\.\\d{1,2})?$', description: 'Decimal amount as a string; negative on a red-letter credit note' },
    currency: { type: 'string', enum: ['CNY'] },
  },
};
const INVOICE_NO = { type: 'string', pattern: '^\\d{20}$', description: 'Invoice number (发票号码), 20 digits' };
const HASH = { type: 'string', pattern: '^[0-9a-f]{64}$', description: "SHA-256 of the invoice in the issuer's hash chain" };
const INVOICE_KIND = { type: 'string', enum: ['DIGITAL_ORDINARY', 'DIGITAL_SPECIAL'] };
const RED_LETTER_REASON = { type: 'string', enum: ['ISSUED_IN_ERROR', 'GOODS_RETURNED', 'SERVICE_TERMINATED', 'SALES_ALLOWANCE'] };
const NULLABLE_USCC = { anyOf: [USCC, { type: 'null' }] };

interface Money {
  amount: string;
  currency: 'CNY';
}

export interface InvoiceIssuedEventData {
  invoiceNo: string;
  kind: 'DIGITAL_ORDINARY' | 'DIGITAL_SPECIAL';
  issuerId: string;
  buyerId: string | null;
  amount: Money;
  tax: Money;
  total: Money;
  hash: string;
  chainSequence: number;
  originalInvoiceNo: string | null;
}

/** §5.1 L94: a fully digital e-invoice (or a red-letter credit note) was issued. Key: invoiceNo. */
export const InvoiceIssued = defineEvent<InvoiceIssuedEventData>({
  name: 'tax.invoice.issued',
  version: 1,
  topic: TAX_TOPIC,
  summary:
    'A fully digital e-invoice (数电票) was issued within the issuer quota, or a red-letter credit note (originalInvoiceNo set, negative amounts). Keyed by invoiceNo.',
  schema: {
    type: 'object',
    required: ['invoiceNo', 'kind', 'issuerId', 'buyerId', 'amount', 'tax', 'total', 'hash', 'chainSequence', 'originalInvoiceNo'],
    properties: {
      invoiceNo: INVOICE_NO,
      kind: INVOICE_KIND,
      issuerId: USCC,
      buyerId: NULLABLE_USCC,
      amount: SIGNED_MONEY,
      tax: SIGNED_MONEY,
      total: SIGNED_MONEY,
      hash: HASH,
      chainSequence: { type: 'integer', minimum: 1, description: "Position in the issuer's hash chain" },
      originalInvoiceNo: { anyOf: [INVOICE_NO, { type: 'null' }], description: 'Set on a red-letter credit note' },
    },
  },
  example: {
    invoiceNo: '26441000000000000042',
    kind: 'DIGITAL_ORDINARY',
    issuerId: '91440101MA5CAAAA1F',
    buyerId: '91440106MA9XBBBB25',
    amount: { amount: '10100.00', currency: 'CNY' },
    tax: { amount: '613.00', currency: 'CNY' },
    total: { amount: '10713.00', currency: 'CNY' },
    hash: 'a'.repeat(64),
    chainSequence: 1,
    originalInvoiceNo: null,
  },
});

export interface InvoiceDeliveredEventData {
  invoiceNo: string;
  issuerId: string;
  buyerId: string | null;
  channel: 'DIGITAL_ACCOUNT' | 'EMAIL';
  amount: Money;
  tax: Money;
  hash: string;
  late: boolean;
}

/** §5.1 L95: the invoice reached the buyer's digital tax account (or was handed to e-mail). Key: invoiceNo. */
export const InvoiceDelivered = defineEvent<InvoiceDeliveredEventData>({
  name: 'tax.invoice.delivered',
  version: 1,
  topic: TAX_TOPIC,
  summary: "An invoice was delivered into the buyer's digital tax account (税务数字账户), or by e-mail to a buyer without a taxpayer id. Keyed by invoiceNo.",
  schema: {
    type: 'object',
    required: ['invoiceNo', 'issuerId', 'buyerId', 'channel', 'amount', 'tax', 'hash', 'late'],
    properties: {
      invoiceNo: INVOICE_NO,
      issuerId: USCC,
      buyerId: NULLABLE_USCC,
      channel: { type: 'string', enum: ['DIGITAL_ACCOUNT', 'EMAIL'] },
      amount: SIGNED_MONEY,
      tax: SIGNED_MONEY,
      hash: HASH,
      late: { type: 'boolean', description: 'Delivered after the delivery limit (1 min [cfg])' },
    },
  },
  example: {
    invoiceNo: '26441000000000000042',
    issuerId: '91440101MA5CAAAA1F',
    buyerId: '91440106MA9XBBBB25',
    channel: 'DIGITAL_ACCOUNT',
    amount: { amount: '10100.00', currency: 'CNY' },
    tax: { amount: '613.00', currency: 'CNY' },
    hash: 'a'.repeat(64),
    late: false,
  },
});

export interface InvoiceReversedEventData {
  invoiceNo: string;
  issuerId: string;
  buyerId: string | null;
  creditNoteNo: string;
  scope: 'FULL' | 'PARTIAL';
  reason: 'ISSUED_IN_ERROR' | 'GOODS_RETURNED' | 'SERVICE_TERMINATED' | 'SALES_ALLOWANCE';
  amount: Money;
  tax: Money;
  hash: string;
  buyerConfirmed: boolean;
}

/** §5.1 L96: the original invoice was reversed by a red-letter credit note. Key: the original's invoiceNo. */
export const InvoiceReversed = defineEvent<InvoiceReversedEventData>({
  name: 'tax.invoice.reversed',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'An invoice was reversed (红字) by a red-letter credit note, in full or in part; amounts are negative as on the credit note. Keyed by the original invoiceNo.',
  schema: {
    type: 'object',
    required: ['invoiceNo', 'issuerId', 'buyerId', 'creditNoteNo', 'scope', 'reason', 'amount', 'tax', 'hash', 'buyerConfirmed'],
    properties: {
      invoiceNo: INVOICE_NO,
      issuerId: USCC,
      buyerId: NULLABLE_USCC,
      creditNoteNo: INVOICE_NO,
      scope: { type: 'string', enum: ['FULL', 'PARTIAL'] },
      reason: RED_LETTER_REASON,
      amount: SIGNED_MONEY,
      tax: SIGNED_MONEY,
      hash: HASH,
      buyerConfirmed: { type: 'boolean', description: 'The buyer confirmed (it had already used the invoice)' },
    },
  },
  example: {
    invoiceNo: '26441000000000000042',
    issuerId: '91440101MA5CAAAA1F',
    buyerId: '91440106MA9XBBBB25',
    creditNoteNo: '26441000000000000043',
    scope: 'FULL',
    reason: 'ISSUED_IN_ERROR',
    amount: { amount: '-10100.00', currency: 'CNY' },
    tax: { amount: '-613.00', currency: 'CNY' },
    hash: 'a'.repeat(64),
    buyerConfirmed: false,
  },
});

export interface UKeyDispatchedEventData {
  issuanceId: string;
  taxpayerId: string;
  trackingNo: string;
  carrier: string | null;
  free: boolean;
  dueAt: string;
  onTime: boolean;
}

/** §5.2: a UKey was mailed with its tracking number. Key: taxpayerId. */
export const UKeyDispatched = defineEvent<UKeyDispatchedEventData>({
  name: 'tax.ukey.dispatched',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'A tax UKey (税控设备) was dispatched by mail with its tracking number; onTime tells whether within the 1-working-day limit. Keyed by taxpayerId.',
  schema: {
    type: 'object',
    required: ['issuanceId', 'taxpayerId', 'trackingNo', 'carrier', 'free', 'dueAt', 'onTime'],
    properties: {
      issuanceId: { type: 'string', minLength: 1 },
      taxpayerId: USCC,
      trackingNo: { type: 'string', pattern: '^[A-Za-z0-9-]{6,40}$' },
      carrier: { type: ['string', 'null'] },
      free: { type: 'boolean', description: 'Free of charge (a new taxpayer)' },
      dueAt: { type: 'string', format: 'date-time', description: 'End of the dispatch limit' },
      onTime: { type: 'boolean' },
    },
  },
  example: {
    issuanceId: '5b0c7f0e-2a4b-4c1d-9e8f-7a6b5c4d3e2f',
    taxpayerId: '91440101MA5CAAAA1F',
    trackingNo: 'SF1234567890',
    carrier: 'SF Express',
    free: true,
    dueAt: '2026-03-03T16:00:00.000Z',
    onTime: true,
  },
});

export interface UKeyActivatedEventData {
  issuanceId: string;
  taxpayerId: string;
  pickup: 'MAIL' | 'COUNTER';
  trackingNo: string | null;
  deviceNo: string;
}

/** §5.2: the taxpayer activated its UKey. Key: taxpayerId. */
export const UKeyActivated = defineEvent<UKeyActivatedEventData>({
  name: 'tax.ukey.activated',
  version: 1,
  topic: TAX_TOPIC,
  summary: 'The taxpayer activated its tax UKey (mailed or collected at the counter). Keyed by taxpayerId.',
  schema: {
    type: 'object',
    required: ['issuanceId', 'taxpayerId', 'pickup', 'trackingNo', 'deviceNo'],
    properties: {
      issuanceId: { type: 'string', minLength: 1 },
      taxpayerId: USCC,
      pickup: { type: 'string', enum: ['MAIL', 'COUNTER'] },
      trackingNo: { type: ['string', 'null'] },
      deviceNo: { type: 'string', minLength: 1 },
    },
  },
  example: {
    issuanceId: '5b0c7f0e-2a4b-4c1d-9e8f-7a6b5c4d3e2f',
    taxpayerId: '91440101MA5CAAAA1F',
    pickup: 'MAIL',
    trackingNo: 'SF1234567890',
    deviceNo: 'UK-44-000123',
  },
});

/** Invoice and UKey events (tax.md §5, §14). */
export const INVOICING_EVENTS: EventDefinition<never>[] = [InvoiceIssued, InvoiceDelivered, InvoiceReversed, UKeyDispatched, UKeyActivated] as unknown as EventDefinition<never>[];

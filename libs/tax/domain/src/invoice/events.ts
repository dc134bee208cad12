/**
 * Events of invoices and the UKey (tax.md §14 L253–L254), as plain data: the app wraps them in
 * CloudEvents on `tax.events` through the outbox. Invoice events are keyed by invoiceNo, UKey
 * events by taxpayerId (§14). Amounts are Money; a red-letter credit note carries negative ones.
 */
import type { Money } from '@one-window/shared/money';
import type { InvoiceKind, RedLetterReason } from './invoice-document';

export interface InvoiceDomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  /** The Kafka key. */
  readonly aggregateId: string;
  readonly occurredAt: Date;
  readonly data: TData;
}

export function invoiceEvent<TType extends string, TData>(
  type: TType,
  aggregateId: string,
  occurredAt: Date,
  data: TData,
): InvoiceDomainEvent<TType, TData> {
  return {
    type,
    aggregateId,
    occurredAt: new Date(occurredAt.getTime()),
    data,
  };
}

/** What every command returns: the new aggregate (the old one untouched) and its events. */
export interface InvoiceOutcome<T> {
  readonly aggregate: T;
  readonly events: readonly InvoiceDomainEvent[];
}

/** `tax.invoice.issued` {invoiceNo, issuerId, buyerId, amount, tax, hash} (§5.1 L94). */
export interface InvoiceIssuedData {
  readonly invoiceNo: string;
  readonly kind: InvoiceKind;
  readonly issuerId: string;
  readonly buyerId: string | null;
  readonly amount: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly hash: string;
  readonly chainSequence: number;
  /** Set on a red-letter credit note. */
  readonly originalInvoiceNo: string | null;
}

export type InvoiceDeliveryChannel = 'DIGITAL_ACCOUNT' | 'EMAIL';

/** `tax.invoice.delivered` (§5.1 L95). The e-mail address is not carried (masked data, §2 L43). */
export interface InvoiceDeliveredData {
  readonly invoiceNo: string;
  readonly issuerId: string;
  readonly buyerId: string | null;
  readonly channel: InvoiceDeliveryChannel;
  readonly amount: Money;
  readonly tax: Money;
  readonly hash: string;
  /** Later than the delivery limit (1 min [cfg]). */
  readonly late: boolean;
}

/** `tax.invoice.reversed` (§5.1 L96), on the original invoice. */
export interface InvoiceReversedData {
  readonly invoiceNo: string;
  readonly issuerId: string;
  readonly buyerId: string | null;
  readonly creditNoteNo: string;
  readonly scope: 'FULL' | 'PARTIAL';
  readonly reason: RedLetterReason;
  /** Reversed amounts, negative as on the credit note. */
  readonly amount: Money;
  readonly tax: Money;
  readonly hash: string;
  readonly buyerConfirmed: boolean;
}

/** `tax.ukey.dispatched` {trackingNo} (§5.2 L101, §14 L253). */
export interface UKeyDispatchedData {
  readonly issuanceId: string;
  readonly taxpayerId: string;
  readonly trackingNo: string;
  readonly carrier: string | null;
  readonly free: boolean;
  readonly dueAt: string;
  readonly onTime: boolean;
}

/** `tax.ukey.activated` {trackingNo} (§5.2 L101, §14 L253); trackingNo is null for a counter pickup. */
export interface UKeyActivatedData {
  readonly issuanceId: string;
  readonly taxpayerId: string;
  readonly pickup: 'MAIL' | 'COUNTER';
  readonly trackingNo: string | null;
  readonly deviceNo: string;
}

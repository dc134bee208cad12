/**
 * The buyer's digital tax account (税务数字账户), tax.md §3 L50 and §5.1 L90: delivered invoices flow
 * in automatically and are aggregated there. Booking (入账) or reimbursement (报销) marks an invoice
 * consumed so it cannot be claimed twice (§5.3 L103 [derived]); VAT deduction (用途确认/抵扣) is a
 * separate one-time use of a special invoice. Either use means a later red letter needs the
 * buyer's confirmation [ext]. Plain immutable aggregate; its commands publish no events.
 */
import type { RedLetterReference, InvoiceDocument, InvoiceKind } from './invoice-document';
import {
  InvoiceAlreadyConsumedError,
  InvoiceConflictError,
  InvoiceNotForAccountError,
  InvoiceNotInAccountError,
  InvoiceUseNotAllowedError,
} from './errors';

/** Uses that consume an invoice (one of them, once). */
export const INVOICE_CONSUMING_USES = ['BOOKING', 'REIMBURSEMENT'] as const;
export type InvoiceConsumingUse = (typeof INVOICE_CONSUMING_USES)[number];

export interface DigitalAccountEntry {
  readonly invoiceNo: string;
  readonly kind: InvoiceKind;
  readonly issuerId: string;
  readonly amount: string;
  readonly tax: string;
  readonly total: string;
  readonly issuedOn: string;
  readonly hash: string;
  readonly receivedAt: Date;
  /** On a credit note: what it reverses. */
  readonly redLetter?: RedLetterReference;
  readonly consumption?: {
    readonly use: InvoiceConsumingUse;
    readonly reference: string;
    readonly at: Date;
  };
  readonly deduction?: { readonly period: string; readonly at: Date };
  /** Set when a credit note for this invoice arrived. */
  readonly reversal?: {
    readonly creditNoteNo: string;
    readonly scope: 'FULL' | 'PARTIAL';
  };
}

export type DigitalAccountEntryStatus = 'AVAILABLE' | 'CONSUMED' | 'REVERSED';

/** REVERSED once reversed in full; CONSUMED once booked or reimbursed; else AVAILABLE. */
export function digitalAccountEntryStatus(entry: DigitalAccountEntry): DigitalAccountEntryStatus {
  if (entry.reversal?.scope === 'FULL') return 'REVERSED';
  return entry.consumption !== undefined ? 'CONSUMED' : 'AVAILABLE';
}

export interface DigitalTaxAccountState {
  readonly taxpayerId: string;
  readonly entries: Readonly<Record<string, DigitalAccountEntry>>;
}

export class DigitalTaxAccount {
  private constructor(readonly state: DigitalTaxAccountState) {}

  /** Opened with the taxpayer (§4 L79: `tax.taxpayer.registered` opens the account). */
  static open(taxpayerId: string): DigitalTaxAccount {
    return new DigitalTaxAccount({ taxpayerId, entries: {} });
  }

  static restore(state: DigitalTaxAccountState): DigitalTaxAccount {
    return new DigitalTaxAccount(state);
  }

  entry(invoiceNo: string): DigitalAccountEntry | undefined {
    return Object.prototype.hasOwnProperty.call(this.state.entries, invoiceNo) ? this.state.entries[invoiceNo] : undefined;
  }

  /**
   * An invoice delivered to this account. Idempotent for the same invoice (same hash); the same
   * number with other content is refused. A credit note also marks its original reversed.
   */
  receive(document: InvoiceDocument, at: Date): DigitalTaxAccount {
    if (document.buyer.taxpayerId !== this.state.taxpayerId) throw new InvoiceNotForAccountError(document.invoiceNo);
    const existing = this.entry(document.invoiceNo);
    if (existing) {
      if (existing.hash !== document.hash) throw new InvoiceConflictError(document.invoiceNo);
      return this;
    }
    const entries: Record<string, DigitalAccountEntry> = {
      ...this.state.entries,
      [document.invoiceNo]: {
        invoiceNo: document.invoiceNo,
        kind: document.kind,
        issuerId: document.issuerId,
        amount: document.amount,
        tax: document.tax,
        total: document.total,
        issuedOn: document.issuedOn,
        hash: document.hash,
        receivedAt: new Date(at.getTime()),
        ...(document.redLetter ? { redLetter: document.redLetter } : {}),
      },
    };
    const original = document.redLetter ? this.entry(document.redLetter.originalInvoiceNo) : undefined;
    if (original && document.redLetter) {
      entries[original.invoiceNo] = {
        ...original,
        reversal: {
          creditNoteNo: document.invoiceNo,
          scope: document.redLetter.scope,
        },
      };
    }
    return new DigitalTaxAccount({ ...this.state, entries });
  }

  /**
   * Books or reimburses an invoice: it becomes consumed and cannot be claimed again (§5.3 L103).
   * A credit note can only be booked; an invoice reversed in full cannot be used.
   */
  consume(cmd: { invoiceNo: string; use: InvoiceConsumingUse; reference: string; at: Date }): DigitalTaxAccount {
    const entry = this.usable(cmd.invoiceNo, cmd.use);
    if (!(INVOICE_CONSUMING_USES as readonly string[]).includes(cmd.use)) {
      throw new InvoiceUseNotAllowedError(cmd.invoiceNo, String(cmd.use), `not one of ${INVOICE_CONSUMING_USES.join(', ')}`);
    }
    if (entry.redLetter && cmd.use !== 'BOOKING') throw new InvoiceUseNotAllowedError(cmd.invoiceNo, cmd.use, 'a credit note can only be booked');
    if (entry.consumption) throw new InvoiceAlreadyConsumedError(cmd.invoiceNo, entry.consumption.use, entry.consumption.reference);
    return this.with({
      ...entry,
      consumption: {
        use: cmd.use,
        reference: cmd.reference,
        at: new Date(cmd.at.getTime()),
      },
    });
  }

  /** Confirms the input-VAT deduction (抵扣) of a special invoice for a period, once. */
  deduct(cmd: { invoiceNo: string; period: string; at: Date }): DigitalTaxAccount {
    const entry = this.usable(cmd.invoiceNo, 'DEDUCTION');
    if (entry.kind !== 'DIGITAL_SPECIAL' || entry.redLetter) {
      throw new InvoiceUseNotAllowedError(cmd.invoiceNo, 'DEDUCTION', 'only a special invoice is deducted');
    }
    if (entry.deduction) throw new InvoiceAlreadyConsumedError(cmd.invoiceNo, 'DEDUCTION', entry.deduction.period);
    return this.with({
      ...entry,
      deduction: { period: cmd.period, at: new Date(cmd.at.getTime()) },
    });
  }

  /** The buyer already used the invoice (deducted, booked or reimbursed): a red letter needs its confirmation [ext]. */
  requiresBuyerConfirmation(invoiceNo: string): boolean {
    const entry = this.entry(invoiceNo);
    return entry !== undefined && (entry.consumption !== undefined || entry.deduction !== undefined);
  }

  private usable(invoiceNo: string, use: string): DigitalAccountEntry {
    const entry = this.entry(invoiceNo);
    if (!entry) throw new InvoiceNotInAccountError(this.state.taxpayerId, invoiceNo);
    if (digitalAccountEntryStatus(entry) === 'REVERSED') throw new InvoiceUseNotAllowedError(invoiceNo, use, 'reversed in full by a red letter');
    return entry;
  }

  private with(entry: DigitalAccountEntry): DigitalTaxAccount {
    return new DigitalTaxAccount({
      ...this.state,
      entries: { ...this.state.entries, [entry.invoiceNo]: entry },
    });
  }
}

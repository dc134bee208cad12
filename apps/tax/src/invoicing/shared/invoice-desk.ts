import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { timeZoneOf } from '@one-window/shared/calendar';
import { fromFen, toFen } from '@one-window/shared/money';
import type { Stored } from '@one-window/shared/persistence';
import {
  accountEntryId,
  InvoiceAccountRepository,
  InvoiceIssuerRepository,
  InvoiceRepository,
  InvoiceSerialAllocator,
  TaxpayerRepository,
  type InvoiceAccountRecord,
  type InvoiceIssuerRecord,
  type InvoiceRecord,
} from '@one-window/tax/data-access';
import {
  DigitalTaxAccount,
  INVOICE_CHAIN_GENESIS,
  invoiceChainHeadAfter,
  type DigitalAccountEntry,
  Invoice,
  type InvoiceDomainEvent,
  type InvoiceSealContext,
  type TaxpayerState,
} from '@one-window/tax/domain';
import { TaxEvents } from '../../shared/tax-events';
import { INVOICING_CONFIG, type InvoicingConfig } from './invoicing-config';

/** The local month (Asia/Shanghai) of an instant, YYYY-MM: the quota period. */
export function localMonthOf(at: Date): string {
  return timeZoneOf().localDateOf(at).toString().slice(0, 7);
}

/** 2-digit region code (区域代码) of the issuer's province-level bureau: from its bureau (TAX-440104 → 44), else its domicile. */
export function regionCodeOf(t: TaxpayerState): string {
  const m = /^TAX-(\d{2})\d{4}$/.exec(t.taxBureau);
  return m ? m[1] : t.facts.domicile.divisionCode.slice(0, 2);
}

/** What an issue (blue or red letter) holds while it runs: the issuer's locked row and the seal context. */
export interface IssuerLock {
  readonly stored: Stored<InvoiceIssuerRecord>;
  /** Remaining monthly quota as a decimal amount ('0.00' when used up). */
  readonly remainingQuota: string;
  readonly month: string;
}

/**
 * The mechanics every issuing use case shares, inside the caller's transaction: the issuer's row
 * lock (chain head + monthly quota use), the serial, storing the invoice with its events, and
 * automatic delivery into the buyer's digital tax account.
 */
@Injectable()
export class InvoiceDesk {
  constructor(
    @Inject(INVOICING_CONFIG) private readonly config: InvoicingConfig,
    private readonly taxpayers: TaxpayerRepository,
    private readonly invoices: InvoiceRepository,
    private readonly issuers: InvoiceIssuerRepository,
    private readonly serials: InvoiceSerialAllocator,
    private readonly accounts: InvoiceAccountRepository,
    private readonly events: TaxEvents,
  ) {}

  /** Locks the issuer (one issue at a time per issuer: the chain must not fork) and computes its remaining quota. */
  async lockIssuer(tx: EntityManager, issuer: TaxpayerState, at: Date): Promise<IssuerLock> {
    const month = localMonthOf(at);
    const stored = await this.issuers.lock(tx, issuer.id, { id: issuer.id, chain: INVOICE_CHAIN_GENESIS, usage: { month, used: '0.00' } });
    const used = stored.doc.usage.month === month ? toFen(stored.doc.usage.used) : 0n;
    const remaining = toFen(issuer.invoiceQuota.amount) - used;
    return { stored, month, remainingQuota: fromFen(remaining > 0n ? remaining : 0n) };
  }

  /** Numbers and links the next invoice of the locked issuer: allocates the serial last, just before the domain call. */
  async sealContext(tx: EntityManager, issuer: TaxpayerState, lock: IssuerLock, at: Date): Promise<InvoiceSealContext> {
    const regionCode = regionCodeOf(issuer);
    const year = Number(timeZoneOf().localDateOf(at).toString().slice(0, 4));
    return {
      at,
      regionCode,
      channel: this.config.channel,
      serial: await this.serials.next(tx, regionCode, year),
      chainHead: lock.stored.doc.chain,
      checkCodeSecret: this.config.checkCodeSecret,
    };
  }

  /** Advances the issuer's chain head to `invoice` and adds `quotaUsed` (fen) to the month's use. */
  async advanceIssuer(tx: EntityManager, lock: IssuerLock, invoice: Invoice, quotaUsed: bigint): Promise<void> {
    const { doc, version } = lock.stored;
    const used = (doc.usage.month === lock.month ? toFen(doc.usage.used) : 0n) + quotaUsed;
    await this.issuers.update(tx, { ...doc, chain: invoiceChainHeadAfter(invoice.document), usage: { month: lock.month, used: fromFen(used) } }, version);
  }

  /** Stores a new invoice, appends its events, then delivers it (same transaction). Returns the stored record. */
  async store(tx: EntityManager, invoice: Invoice, events: readonly InvoiceDomainEvent[], at: Date): Promise<Stored<InvoiceRecord>> {
    const record: InvoiceRecord = { id: invoice.invoiceNo, state: invoice.state };
    await this.invoices.insert(tx, record);
    await this.events.publish(tx, events);
    return this.deliver(tx, { doc: record, version: 1 }, at);
  }

  /**
   * ISSUED → DELIVERED (§5.1 L95), in the issuing transaction: into the buyer's digital tax account
   * when the buyer is a taxpayer of this service (a credit note also marks its original reversed
   * there), by e-mail when the buyer has no taxpayer id (the mail itself is a notifier's job on
   * `tax.invoice.delivered`). A buyer taxpayer id unknown here leaves the invoice ISSUED.
   * Idempotent: an invoice already in the account is not received twice.
   */
  async deliver(tx: EntityManager, stored: Stored<InvoiceRecord>, at: Date): Promise<Stored<InvoiceRecord>> {
    const invoice = Invoice.restore(stored.doc.state);
    if (invoice.status !== 'ISSUED') return stored;
    const buyerId = invoice.document.buyer.taxpayerId;
    if (buyerId !== undefined) {
      if (!(await this.taxpayers.get(tx, buyerId))) return stored;
      await this.receiveIntoAccount(tx, buyerId, invoice, at);
    }
    const { aggregate, events } = invoice.deliver({ at });
    const record: InvoiceRecord = { ...stored.doc, state: aggregate.state };
    const version = await this.invoices.update(tx, record, stored.version);
    await this.events.publish(tx, events);
    return { doc: record, version };
  }

  private async receiveIntoAccount(tx: EntityManager, buyerId: string, invoice: Invoice, at: Date): Promise<void> {
    const document = invoice.document;
    const existing = await this.accounts.get(tx, buyerId, document.invoiceNo, { lock: true });
    const originalNo = document.redLetter?.originalInvoiceNo;
    const original = originalNo ? await this.accounts.get(tx, buyerId, originalNo, { lock: true }) : undefined;
    const entries: Record<string, DigitalAccountEntry> = {};
    if (existing) entries[document.invoiceNo] = existing.doc.entry;
    if (original) entries[original.doc.entry.invoiceNo] = original.doc.entry;
    const account = DigitalTaxAccount.restore({ taxpayerId: buyerId, entries }).receive(document, at);
    const received = account.entry(document.invoiceNo) as DigitalAccountEntry;
    if (!existing) await this.accounts.insert(tx, entryRecord(buyerId, received));
    if (original) {
      const updated = account.entry(original.doc.entry.invoiceNo) as DigitalAccountEntry;
      await this.accounts.update(tx, { ...original.doc, entry: updated }, original.version);
    }
  }
}

export function entryRecord(taxpayerId: string, entry: DigitalAccountEntry): InvoiceAccountRecord {
  return { id: accountEntryId(taxpayerId, entry.invoiceNo), taxpayerId, entry };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { InvoiceAccountRepository, InvoiceRepository, TaxpayerRepository, type InvoiceRecord } from '@one-window/tax/data-access';
import { DigitalTaxAccount, Invoice, issueRedLetter, RedLetterAlreadyIssuedError } from '@one-window/tax/domain';
import { NotFoundError } from '../../shared/errors';
import { InvoiceDesk } from '../shared/invoice-desk';
import { NotInvoiceBuyerError } from '../shared/invoicing-errors';
import { taxpayerFor } from '../shared/invoicing-access';
import { invoiceView } from '../shared/invoicing-views';
import type { RedLetterDto } from './red-letter.dto';

/**
 * Red letter (红字, §5.1 L96): the issuer reverses its invoice with a credit note (own number, chain
 * link, negative amounts, no quota), once. When the buyer already used the invoice (booked,
 * reimbursed, deducted) the buyer's confirmation must be on record first (409
 * tax.invoice.buyer_confirmation_required otherwise): the buyer gives it with a
 * red-letter-confirmation. The original (REVERSED), the credit note, `tax.invoice.issued`,
 * `tax.invoice.reversed` and the credit note's delivery commit together.
 */
@Injectable()
export class RedLetterHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly invoices: InvoiceRepository,
    private readonly accounts: InvoiceAccountRepository,
    private readonly desk: InvoiceDesk,
  ) {}

  async issue(taxpayerId: string, invoiceNo: string, dto: RedLetterDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: issuer } = await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'owner');
      const original = await this.invoices.get(tx, invoiceNo, { lock: true });
      if (!original || original.doc.state.document.issuerId !== issuer.id) throw new NotFoundError('Invoice', invoiceNo);
      const buyerId = original.doc.state.document.buyer.taxpayerId;
      const entry = buyerId ? await this.accounts.get(tx, buyerId, invoiceNo) : undefined;
      const buyerHasUsed = buyerId !== undefined && entry !== undefined && DigitalTaxAccount.restore({ taxpayerId: buyerId, entries: { [invoiceNo]: entry.doc.entry } }).requiresBuyerConfirmation(invoiceNo);
      const lock = await this.desk.lockIssuer(tx, issuer, new Date());
      const at = new Date();
      const seal = await this.desk.sealContext(tx, issuer, lock, at);
      const confirmation = original.doc.redLetterConfirmation;
      const outcome = issueRedLetter(
        Invoice.restore(original.doc.state),
        {
          issuerId: issuer.id,
          reason: dto.reason,
          scope: dto.scope,
          ...(dto.lines ? { lines: dto.lines.map((l) => ({ lineNo: l.lineNo, ...(l.quantity !== undefined ? { quantity: l.quantity } : {}), ...(l.amount !== undefined ? { amount: l.amount } : {}) })) } : {}),
          buyerHasUsed,
          ...(confirmation ? { buyerConfirmation: confirmation } : {}),
        },
        seal,
      );
      const reversed: InvoiceRecord = { ...original.doc, state: outcome.original.state };
      const originalVersion = await this.invoices.update(tx, reversed, original.version);
      await this.desk.advanceIssuer(tx, lock, outcome.creditNote, 0n);
      const creditNote = await this.desk.store(tx, outcome.creditNote, outcome.events, at);
      return { creditNote: invoiceView(creditNote.doc, creditNote.version), original: invoiceView(reversed, originalVersion) };
    });
  }

  /** The buyer confirms the red letter of an invoice it received (红字信息确认): the issuer may then reverse it. */
  async confirm(taxpayerId: string, invoiceNo: string, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: buyer } = await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'owner');
      const stored = await this.invoices.get(tx, invoiceNo, { lock: true });
      if (!stored) throw new NotFoundError('Invoice', invoiceNo);
      const state = stored.doc.state;
      if (state.document.buyer.taxpayerId !== buyer.id) throw new NotInvoiceBuyerError(invoiceNo);
      if (state.reversal || state.document.redLetter) throw new RedLetterAlreadyIssuedError(invoiceNo, state.reversal?.creditNoteNo ?? null);
      const confirmation = stored.doc.redLetterConfirmation ?? { confirmedBy: buyer.id, confirmedAt: new Date() };
      if (!stored.doc.redLetterConfirmation) await this.invoices.update(tx, { ...stored.doc, redLetterConfirmation: confirmation }, stored.version);
      return { invoiceNo, confirmedBy: confirmation.confirmedBy, confirmedAt: confirmation.confirmedAt.toISOString() };
    });
  }
}

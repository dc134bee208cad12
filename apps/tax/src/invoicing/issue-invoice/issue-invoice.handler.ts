import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import { invoiceAmountFen, issueInvoice, type InvoiceBuyer } from '@one-window/tax/domain';
import { InvoiceDesk } from '../shared/invoice-desk';
import { taxpayerFor } from '../shared/invoicing-access';
import { invoiceView } from '../shared/invoicing-views';
import type { IssueInvoiceDto } from './issue-invoice.dto';

/**
 * Issue (开具, §5.1 L94) in one transaction: the issuer's row lock (chain head, month's quota use),
 * the serial, the domain's computation and checks, the invoice, `tax.invoice.issued`, and the
 * delivery into the buyer's digital tax account with `tax.invoice.delivered`. Any refusal rolls
 * everything back (the serial included).
 */
@Injectable()
export class IssueInvoiceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly desk: InvoiceDesk,
  ) {}

  async execute(taxpayerId: string, dto: IssueInvoiceDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: issuer } = await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'owner');
      const lock = await this.desk.lockIssuer(tx, issuer, new Date());
      const at = new Date();
      const seal = await this.desk.sealContext(tx, issuer, lock, at);
      const { aggregate, events } = issueInvoice(
        {
          kind: dto.kind,
          seller: { taxpayerId: issuer.id, name: issuer.facts.name },
          buyer: buyerOf(dto),
          lines: dto.lines.map((l) => ({
            description: l.description,
            ...(l.taxCategoryCode !== undefined ? { taxCategoryCode: l.taxCategoryCode } : {}),
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            rate: l.rate,
          })),
        },
        { ...seal, remainingQuota: lock.remainingQuota },
      );
      await this.desk.advanceIssuer(tx, lock, aggregate, invoiceAmountFen(aggregate.document.total));
      const stored = await this.desk.store(tx, aggregate, events, at);
      return invoiceView(stored.doc, stored.version);
    });
  }
}

function buyerOf(dto: IssueInvoiceDto): InvoiceBuyer {
  const b = dto.buyer;
  return {
    name: b.name,
    ...(b.taxpayerId !== undefined ? { taxpayerId: b.taxpayerId } : {}),
    ...(b.email !== undefined ? { email: b.email } : {}),
    ...(b.address !== undefined ? { address: b.address } : {}),
    ...(b.phone !== undefined ? { phone: b.phone } : {}),
    ...(b.bankAccount !== undefined ? { bankAccount: b.bankAccount } : {}),
  };
}

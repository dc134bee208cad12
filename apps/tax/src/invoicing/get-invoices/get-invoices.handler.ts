import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { InvoiceRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { NotFoundError } from '../../shared/errors';
import { taxpayerFor } from '../shared/invoicing-access';
import { invoiceView } from '../shared/invoicing-views';
import type { InvoicePageQueryDto } from './get-invoices.dto';

/** The invoices a taxpayer issued: to itself, officers of its bureau (read-only), supervisors and admins. */
@Injectable()
export class GetInvoicesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly invoices: InvoiceRepository,
  ) {}

  async list(taxpayerId: string, query: InvoicePageQueryDto, who: Principal) {
    const tx = this.ds.manager;
    await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'read');
    const limit = query.limit ?? 50;
    const rows = await this.invoices.listByIssuer(tx, taxpayerId, { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const items = rows.slice(0, limit).map((s) => invoiceView(s.doc, s.version));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].invoiceNo } : {}) };
  }

  async one(taxpayerId: string, invoiceNo: string, who: Principal) {
    const tx = this.ds.manager;
    await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'read');
    const stored = await this.invoices.get(tx, invoiceNo);
    if (!stored || stored.doc.state.document.issuerId !== taxpayerId) throw new NotFoundError('Invoice', invoiceNo);
    return invoiceView(stored.doc, stored.version);
  }
}

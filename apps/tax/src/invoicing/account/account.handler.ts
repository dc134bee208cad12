import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { InvoiceAccountRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { DigitalTaxAccount, InvoiceNotInAccountError, type DigitalAccountEntry } from '@one-window/tax/domain';
import { taxpayerFor } from '../shared/invoicing-access';
import { accountEntryView } from '../shared/invoicing-views';
import type { InvoicePageQueryDto } from '../get-invoices/get-invoices.dto';
import type { UseInvoiceDto } from './account.dto';

/** The buyer's digital tax account (税务数字账户): received invoices, and their one-time uses. */
@Injectable()
export class AccountHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
    private readonly accounts: InvoiceAccountRepository,
  ) {}

  async list(taxpayerId: string, query: InvoicePageQueryDto, who: Principal) {
    const tx = this.ds.manager;
    await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'read');
    const limit = query.limit ?? 50;
    const after = query.after ? `${taxpayerId}:${query.after}` : undefined;
    const rows = await this.accounts.list(tx, taxpayerId, { limit: limit + 1, ...(after ? { afterId: after } : {}) });
    const items = rows.slice(0, limit).map((s) => accountEntryView(s.doc));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].invoiceNo } : {}) };
  }

  async use(taxpayerId: string, invoiceNo: string, dto: UseInvoiceDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      await taxpayerFor(this.taxpayers, tx, taxpayerId, who, 'owner');
      const stored = await this.accounts.get(tx, taxpayerId, invoiceNo, { lock: true });
      if (!stored) throw new InvoiceNotInAccountError(taxpayerId, invoiceNo);
      const account = DigitalTaxAccount.restore({ taxpayerId, entries: { [invoiceNo]: stored.doc.entry } });
      const at = new Date();
      const next =
        dto.use === 'DEDUCTION'
          ? account.deduct({ invoiceNo, period: dto.period as string, at })
          : account.consume({ invoiceNo, use: dto.use, reference: dto.reference as string, at });
      const record = { ...stored.doc, entry: next.entry(invoiceNo) as DigitalAccountEntry };
      await this.accounts.update(tx, record, stored.version);
      return accountEntryView(record);
    });
  }
}

import { Module } from '@nestjs/common';
import {
  InvoiceAccountRepository,
  InvoiceIssuerRepository,
  InvoiceRepository,
  InvoiceSerialAllocator,
  InvoiceVerificationLog,
  UKeyIssuanceRepository,
} from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { AccountController } from './account/account.controller';
import { AccountHandler } from './account/account.handler';
import { GetInvoicesController } from './get-invoices/get-invoices.controller';
import { GetInvoicesHandler } from './get-invoices/get-invoices.handler';
import { IssueInvoiceController } from './issue-invoice/issue-invoice.controller';
import { IssueInvoiceHandler } from './issue-invoice/issue-invoice.handler';
import { RedLetterController } from './red-letter/red-letter.controller';
import { RedLetterHandler } from './red-letter/red-letter.handler';
import { InvoiceDesk } from './shared/invoice-desk';
import { INVOICING_CONFIG, invoicingConfig } from './shared/invoicing-config';
import { UKeyController } from './ukey/ukey.controller';
import { UKeyHandler } from './ukey/ukey.handler';
import { VerifyInvoiceController } from './verify-invoice/verify-invoice.controller';
import { VerifyInvoiceHandler } from './verify-invoice/verify-invoice.handler';

/** The invoicing part of the tax service: its controllers, event and timer handlers (one folder per use case inside). */
@Module({
  imports: [TaxSharedModule],
  controllers: [IssueInvoiceController, GetInvoicesController, AccountController, RedLetterController, VerifyInvoiceController, UKeyController],
  providers: [
    { provide: INVOICING_CONFIG, useFactory: () => invoicingConfig.load() },
    InvoiceRepository,
    InvoiceIssuerRepository,
    InvoiceSerialAllocator,
    InvoiceAccountRepository,
    InvoiceVerificationLog,
    UKeyIssuanceRepository,
    InvoiceDesk,
    IssueInvoiceHandler,
    GetInvoicesHandler,
    AccountHandler,
    RedLetterHandler,
    VerifyInvoiceHandler,
    UKeyHandler,
  ],
})
export class InvoicingModule {}

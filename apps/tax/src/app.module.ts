import { Module } from '@nestjs/common';
import { BankruptcyModule } from './bankruptcy/bankruptcy.module';
import { CloseTaxpayerHandler } from './close-taxpayer/close-taxpayer.handler';
import { CreditModule } from './credit/credit.module';
import { DisputeModule } from './dispute/dispute.module';
import { FilingModule } from './filing/filing.module';
import { InvoicingModule } from './invoicing/invoicing.module';
import { GetTaxpayerController } from './get-taxpayer/get-taxpayer.controller';
import { GetTaxpayerHandler } from './get-taxpayer/get-taxpayer.handler';
import { ListTaxpayersController } from './list-taxpayers/list-taxpayers.controller';
import { ListTaxpayersHandler } from './list-taxpayers/list-taxpayers.handler';
import { PublicationsModule } from './publications/publications.module';
import { RegisterTaxpayerHandler } from './register-taxpayer/register-taxpayer.handler';
import { TaxSharedModule } from './shared/tax-shared.module';
import { SyncTaxpayerChangeHandler } from './sync-taxpayer-change/sync-taxpayer-change.handler';

/** The tax service's own controllers, event handlers and use cases; the platform supplies the rest. */
@Module({
  imports: [TaxSharedModule, InvoicingModule, FilingModule, CreditModule, BankruptcyModule, PublicationsModule, DisputeModule],
  controllers: [ListTaxpayersController, GetTaxpayerController],
  providers: [CloseTaxpayerHandler, RegisterTaxpayerHandler, SyncTaxpayerChangeHandler, GetTaxpayerHandler, ListTaxpayersHandler],
})
export class AppModule {}

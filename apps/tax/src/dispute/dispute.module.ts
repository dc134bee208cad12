import { Module } from '@nestjs/common';
import { TaxDisputeRepository } from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { DisputeController } from './dispute.controller';
import { DisputeHandler } from './dispute.handler';

/** Tax-dispute mediation (税费争议调解, tax.md §13). */
@Module({ imports: [TaxSharedModule], controllers: [DisputeController], providers: [TaxDisputeRepository, DisputeHandler] })
export class DisputeModule {}

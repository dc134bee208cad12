import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { LiabilityRepository, ObligationRepository, PaymentRepository, ReturnRepository } from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { AmendReturnController } from './amend-return/amend-return.controller';
import { AmendReturnHandler } from './amend-return/amend-return.handler';
import { FileReturnController } from './file-return/file-return.controller';
import { FileReturnHandler } from './file-return/file-return.handler';
import { FlagObligationOverdueHandler } from './flag-obligation-overdue/flag-obligation-overdue.handler';
import { GetReturnController } from './get-return/get-return.controller';
import { GetReturnHandler } from './get-return/get-return.handler';
import { ListLiabilitiesController } from './list-liabilities/list-liabilities.controller';
import { ListLiabilitiesHandler } from './list-liabilities/list-liabilities.handler';
import { ListObligationsController } from './list-obligations/list-obligations.controller';
import { ListObligationsHandler } from './list-obligations/list-obligations.handler';
import { ListPaymentsController } from './list-payments/list-payments.controller';
import { ListPaymentsHandler } from './list-payments/list-payments.handler';
import { RecordPaymentController } from './record-payment/record-payment.controller';
import { RecordPaymentHandler } from './record-payment/record-payment.handler';
import { ScheduleObligationsController } from './schedule-obligations/schedule-obligations.controller';
import { ScheduleObligationsHandler } from './schedule-obligations/schedule-obligations.handler';
import { TaxpayerRegisteredHandler } from './schedule-obligations/taxpayer-registered.handler';
import { AnswerNonFilingQueryHandler } from './answer-non-filing-query/answer-non-filing-query.handler';
import { FilingAccess } from './shared/filing-access';
import { receiptIdHeader } from './shared/receipt-id-header.middleware';
import { ReliefRules } from './shared/return-lines';

/** The filing part of the tax service: its controllers, event and timer handlers (one folder per use case inside). */
@Module({
  imports: [TaxSharedModule],
  controllers: [
    ScheduleObligationsController,
    ListObligationsController,
    FileReturnController,
    AmendReturnController,
    GetReturnController,
    ListLiabilitiesController,
    RecordPaymentController,
    ListPaymentsController,
  ],
  providers: [
    ObligationRepository,
    ReturnRepository,
    LiabilityRepository,
    PaymentRepository,
    FilingAccess,
    ReliefRules,
    ScheduleObligationsHandler,
    TaxpayerRegisteredHandler,
    AnswerNonFilingQueryHandler,
    FlagObligationOverdueHandler,
    ListObligationsHandler,
    FileReturnHandler,
    AmendReturnHandler,
    GetReturnHandler,
    ListLiabilitiesHandler,
    RecordPaymentHandler,
    ListPaymentsHandler,
  ],
})
export class FilingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(receiptIdHeader)
      .forRoutes(
        { path: 'taxpayers/:taxpayerId/returns', method: RequestMethod.POST },
        { path: 'taxpayers/:taxpayerId/returns/:returnId/amendments', method: RequestMethod.POST },
      );
  }
}

import { Module } from '@nestjs/common';
import {
  ClearanceCaseRepository,
  InvoiceRepository,
  LiabilityRepository,
  ObligationRepository,
  RefundClaimRepository,
  ReturnRepository,
  RiskCaseRepository,
  UKeyIssuanceRepository,
} from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { ClearForDeregistrationHandler } from './clear-for-deregistration/clear-for-deregistration.handler';
import { GetClearanceCaseController } from './get-clearance-case/get-clearance-case.controller';
import { GetRefundClaimController } from './get-refund-claim/get-refund-claim.controller';
import { IssueClearanceController } from './issue-clearance/issue-clearance.controller';
import { IssueClearanceHandler } from './issue-clearance/issue-clearance.handler';
import { ListRiskCasesController } from './list-risk-cases/list-risk-cases.controller';
import { OpenRiskCaseController } from './open-risk-case/open-risk-case.controller';
import { OpenRiskCaseHandler } from './open-risk-case/open-risk-case.handler';
import { SendRiskReminderHandler } from './open-risk-case/send-risk-reminder.handler';
import { ProgressRiskCaseController } from './progress-risk-case/progress-risk-case.controller';
import { ProgressRiskCaseHandler } from './progress-risk-case/progress-risk-case.handler';
import { ReviewRefundClaimController } from './review-refund-claim/review-refund-claim.controller';
import { ReviewRefundClaimHandler } from './review-refund-claim/review-refund-claim.handler';
import { RequestClearanceController } from './request-clearance/request-clearance.controller';
import { RequestClearanceHandler } from './request-clearance/request-clearance.handler';
import { ClearanceDesk } from './shared/clearance-desk';
import { ClearanceFactsReader } from './shared/clearance-facts';
import { CreditAccess } from './shared/credit-access';
import { SubmitRefundClaimController } from './submit-refund-claim/submit-refund-claim.controller';
import { SubmitRefundClaimHandler } from './submit-refund-claim/submit-refund-claim.handler';

/** Credit + risk (信用+风险), refunds (退税) and clearance (清税): tax.md §8–10. */
import { AbnormalAccountController } from './abnormal-account/abnormal-account.controller';
import { AbnormalAccountHandler } from './abnormal-account/abnormal-account.handler';

@Module({
  imports: [TaxSharedModule],
  controllers: [
    OpenRiskCaseController,
    ProgressRiskCaseController,
    ListRiskCasesController,
    SubmitRefundClaimController,
    ReviewRefundClaimController,
    GetRefundClaimController,
    RequestClearanceController,
    IssueClearanceController,
    GetClearanceCaseController,
    AbnormalAccountController,
  ],
  providers: [
    RiskCaseRepository,
    RefundClaimRepository,
    ClearanceCaseRepository,
    CreditAccess,
    OpenRiskCaseHandler,
    SendRiskReminderHandler,
    ProgressRiskCaseHandler,
    SubmitRefundClaimHandler,
    ReviewRefundClaimHandler,
    // clearance reads the filing and invoicing records of the same service
    ObligationRepository,
    ReturnRepository,
    LiabilityRepository,
    InvoiceRepository,
    UKeyIssuanceRepository,
    ClearanceFactsReader,
    ClearanceDesk,
    RequestClearanceHandler,
    IssueClearanceHandler,
    ClearForDeregistrationHandler,
    AbnormalAccountHandler,
  ],
})
export class CreditModule {}

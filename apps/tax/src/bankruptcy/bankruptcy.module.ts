import { Module } from '@nestjs/common';
import {
  BankruptcyTaxClaimRepository,
  BankruptcyTaxFileRepository,
  CreditReratingRepository,
  DebtorInfoGrantRepository,
  DebtorInfoQueryLog,
  LiabilityRepository,
  ObligationRepository,
  RefundClaimRepository,
  UKeyIssuanceRepository,
} from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { CreditReratingController } from './credit-re-rating/credit-re-rating.controller';
import { CreditReratingHandler } from './credit-re-rating/credit-re-rating.handler';
import { DebtorTaxInfoController } from './debtor-tax-info/debtor-tax-info.controller';
import { DebtorTaxInfoHandler } from './debtor-tax-info/debtor-tax-info.handler';
import { BankruptcyCaseEventsHandler } from './follow-cases/bankruptcy-case-events.handler';
import { BankruptcyCaseAccess } from './shared/case-access';
import { BankruptcyClock } from './shared/clock';
import { TaxClaimsController } from './tax-claims/tax-claims.controller';
import { TaxClaimsHandler } from './tax-claims/tax-claims.handler';

/** Bankruptcy tax cooperation (tax.md §11) and new-taxpayer re-rating (R8.7, the credit repair path of §11). */
@Module({
  imports: [TaxSharedModule],
  controllers: [DebtorTaxInfoController, TaxClaimsController, CreditReratingController],
  providers: [
    BankruptcyClock,
    BankruptcyTaxFileRepository,
    DebtorInfoGrantRepository,
    BankruptcyTaxClaimRepository,
    DebtorInfoQueryLog,
    CreditReratingRepository,
    BankruptcyCaseAccess,
    BankruptcyCaseEventsHandler,
    DebtorTaxInfoHandler,
    TaxClaimsHandler,
    CreditReratingHandler,
    // the debtor information reads the filing, refund and invoicing records of the same service
    ObligationRepository,
    LiabilityRepository,
    RefundClaimRepository,
    UKeyIssuanceRepository,
  ],
})
export class BankruptcyModule {}

import { Module } from '@nestjs/common';
import { HighRiskListEntryRepository, KeyOperationListRepository, ReliefRuleVersionRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import { PublishedRules } from './published-rules';
import { TaxEvents } from './tax-events';

const SHARED = [TaxpayerRepository, TaxEvents, ReliefRuleVersionRepository, KeyOperationListRepository, HighRiskListEntryRepository, PublishedRules];

/** What every part of the tax service uses: the taxpayers, the event publisher and the published rule data. */
@Module({ providers: SHARED, exports: SHARED })
export class TaxSharedModule {}

import { Module } from '@nestjs/common';
import { RulePublicationRepository } from '@one-window/tax/data-access';
import { TaxSharedModule } from '../shared/tax-shared.module';
import { PublishedRuleDataController } from './published-rule-data.controller';
import { RulePublicationsController } from './rule-publications.controller';
import { RulePublicationsHandler } from './rule-publications.handler';

/** Admin publication of tax rule data with two people, and reading what is published (tax.md §2 Admin, E2, R8.3, R8.5). */
@Module({
  imports: [TaxSharedModule],
  controllers: [RulePublicationsController, PublishedRuleDataController],
  providers: [RulePublicationRepository, RulePublicationsHandler],
})
export class PublicationsModule {}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HighRiskListEntryRepository, KeyOperationListRepository, ReliefRuleVersionRepository } from '@one-window/tax/data-access';
import { DEFAULT_KEY_OPERATIONS, keyOperationListOn, listHitsOf, type GateOptions, type ListHit, type ReliefRuleBook } from '@one-window/tax/domain';

/**
 * The rule data admins publish (two people), as the rest of the service reads it: the relief rule
 * book of every published version (E1, E2; the shipped rules are the seeded first versions), the
 * key-operation list in force on a day (R8.3), and a taxpayer's active high-risk list hits (R8.5).
 * Read in the caller's transaction, so a publication approved before it counts at once.
 */
@Injectable()
export class PublishedRules {
  constructor(
    private readonly reliefVersions: ReliefRuleVersionRepository,
    private readonly keyOperationLists: KeyOperationListRepository,
    private readonly highRiskEntries: HighRiskListEntryRepository,
  ) {}

  reliefRuleBook(tx: EntityManager): Promise<ReliefRuleBook> {
    return this.reliefVersions.book(tx);
  }

  /** The gate options of `today` (ISO local date): the key-operation list version in force then (the bundled default before any). */
  async gateOptions(tx: EntityManager, today: string): Promise<GateOptions> {
    const published = (await this.keyOperationLists.all(tx)).map((v) => v.list);
    return { keyOperations: keyOperationListOn(published, today) ?? DEFAULT_KEY_OPERATIONS };
  }

  async listHits(tx: EntityManager, taxpayerId: string): Promise<ListHit[]> {
    return listHitsOf(await this.highRiskEntries.forTaxpayer(tx, taxpayerId));
  }
}

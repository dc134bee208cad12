import { HighRiskListEntryEntity, KeyOperationListEntity, ReliefRuleVersionEntity, RulePublicationEntity } from './tables';

export {
  HighRiskListEntryRepository,
  KeyOperationListRepository,
  ReliefRuleVersionRepository,
  RulePublicationRepository,
  type PublishedBy,
  type StoredKeyOperationList,
  type StoredReliefRule,
} from './repositories';

/** Tables of the admin publications (their migration is in ../migrations, listed in ../index.ts). */
export const PUBLICATION_ENTITIES = [RulePublicationEntity, ReliefRuleVersionEntity, KeyOperationListEntity, HighRiskListEntryEntity];

import {
  CompanyAbnormalListed,
  CompanyAbnormalRemoved,
  CompanyChanged,
  CompanyDeregistered,
  CompanyRegistered,
  CompanyRevoked,
  REGISTRATION_TOPIC,
} from '@one-window/business-registration/contracts';
import { MarketEntityDirectory } from '@one-window/complaints/data-access';
import type { EventDefinition } from '@one-window/shared/messaging';
import type { ConsumerDefinition } from '@one-window/shared/platform';
import { FollowMarketEntitiesHandler } from './follow-market-entities.handler';

/** The consumer group that keeps the market-entity directory from business registration's events (spec §5). */
export const MARKET_ENTITIES_GROUP = 'complaints.market-entities';

type On<K extends keyof FollowMarketEntitiesHandler> = Parameters<FollowMarketEntitiesHandler[K]>[0];

export const MARKET_ENTITY_CONSUMERS: ConsumerDefinition[] = [
  {
    groupId: MARKET_ENTITIES_GROUP,
    topics: [REGISTRATION_TOPIC],
    events: [CompanyRegistered, CompanyChanged, CompanyDeregistered, CompanyRevoked, CompanyAbnormalListed, CompanyAbnormalRemoved] as EventDefinition[],
    handlers: (get) => ({
      [CompanyRegistered.type]: (e, tx) => get(FollowMarketEntitiesHandler).registered(e as On<'registered'>, tx),
      [CompanyChanged.type]: (e, tx) => get(FollowMarketEntitiesHandler).changed(e as On<'changed'>, tx),
      [CompanyDeregistered.type]: (e, tx) => get(FollowMarketEntitiesHandler).deregistered(e as On<'deregistered'>, tx),
      [CompanyRevoked.type]: (e, tx) => get(FollowMarketEntitiesHandler).revoked(e as On<'revoked'>, tx),
      [CompanyAbnormalListed.type]: (e, tx) => get(FollowMarketEntitiesHandler).abnormal(e as On<'abnormal'>, tx, true),
      [CompanyAbnormalRemoved.type]: (e, tx) => get(FollowMarketEntitiesHandler).abnormal(e as On<'abnormal'>, tx, false),
    }),
  },
];

export const MARKET_ENTITY_PROVIDERS = [MarketEntityDirectory, FollowMarketEntitiesHandler];

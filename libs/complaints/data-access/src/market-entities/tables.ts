import { EntitySchema } from 'typeorm';

/**
 * The market-entity directory (spec §5 enterprise requests): one row per company business
 * registration published, kept from its events (never from its database). `last_event_at` is the
 * time of the last event applied, so an older event arriving late (a replay) does not undo a newer one.
 */
export const MarketEntityEntity = new EntitySchema({
  name: 'market_entity',
  columns: {
    uscc: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_market_entity' },
    name: { type: 'text' },
    entity_type: { type: 'text' },
    status: { type: 'text' },
    /** The ids of the company's abnormal-list entries still LISTED (listed / removed events); on the list while any is. */
    abnormal_listing_ids: { type: 'jsonb', default: () => "'[]'" },
    authority_code: { type: 'text' },
    last_event_at: { type: 'timestamp with time zone' },
  },
});

export const MARKET_ENTITY_ENTITIES = [MarketEntityEntity];

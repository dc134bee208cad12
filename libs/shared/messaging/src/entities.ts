import { EntitySchema } from 'typeorm';

/**
 * TypeORM descriptions of the messaging tables, listed in each service's DataSource so the
 * migration check (entities vs. migrations) covers them. The code itself uses plain SQL on these
 * tables for speed and for the row-locking it needs.
 */
export const OutboxEntity = new EntitySchema({
  name: 'messaging_outbox',
  columns: {
    sequence: { type: 'bigint', primary: true, generated: 'increment', primaryKeyConstraintName: 'PK_messaging_outbox' },
    id: { type: 'uuid' },
    topic: { type: 'text' },
    aggregate_id: { type: 'text' },
    type: { type: 'text' },
    headers: { type: 'jsonb' },
    payload: { type: 'text' },
    created_at: { type: 'timestamp with time zone', default: () => 'now()' },
    published_at: { type: 'timestamp with time zone', nullable: true },
    kafka_partition: { type: 'integer', nullable: true },
    kafka_offset: { type: 'bigint', nullable: true },
  },
  uniques: [{ name: 'UQ_messaging_outbox_id', columns: ['id'] }],
  indices: [
    { name: 'IDX_messaging_outbox_position', columns: ['topic', 'kafka_partition', 'kafka_offset'], where: 'kafka_offset IS NOT NULL' },
    { name: 'IDX_messaging_outbox_pending', columns: ['sequence'], where: 'published_at IS NULL' },
    { name: 'IDX_messaging_outbox_pending_aggregate', columns: ['aggregate_id', 'sequence'], where: 'published_at IS NULL' },
  ],
});

export const InboxEntity = new EntitySchema({
  name: 'messaging_inbox',
  columns: {
    consumer_group: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_messaging_inbox' },
    event_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_messaging_inbox' },
    event_type: { type: 'text' },
    handled_at: { type: 'timestamp with time zone', default: () => 'now()' },
  },
});

export const DeadLetterEntity = new EntitySchema({
  name: 'messaging_dead_letter',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment', primaryKeyConstraintName: 'PK_messaging_dead_letter' },
    consumer_group: { type: 'text' },
    topic: { type: 'text' },
    partition: { type: 'integer' },
    offset: { type: 'text' },
    event_id: { type: 'text', nullable: true },
    event_type: { type: 'text', nullable: true },
    message_key: { type: 'text', nullable: true },
    headers: { type: 'jsonb' },
    payload: { type: 'text', nullable: true },
    error: { type: 'text' },
    attempts: { type: 'integer' },
    status: { type: 'text', default: 'pending' },
    created_at: { type: 'timestamp with time zone', default: () => 'now()' },
    replayed_at: { type: 'timestamp with time zone', nullable: true },
  },
  uniques: [{ name: 'UQ_messaging_dead_letter_message', columns: ['consumer_group', 'topic', 'partition', 'offset'] }],
});

export const MESSAGING_ENTITIES = [OutboxEntity, InboxEntity, DeadLetterEntity];

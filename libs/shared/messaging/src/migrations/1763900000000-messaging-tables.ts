import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The messaging tables every service database has (eventuate-style):
 *   messaging_outbox       events written in the same transaction as the state change; the
 *                          relay publishes them in `sequence` order and stamps published_at
 *   messaging_inbox        (consumer group, event id) handled, written in the handler's transaction
 *   messaging_dead_letter  what a consumer could not handle after its retries, for operators
 */
export class MessagingTables1763900000000 implements MigrationInterface {
  name = 'MessagingTables1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "messaging_outbox" (
      "sequence" BIGSERIAL NOT NULL,
      "id" uuid NOT NULL,
      "topic" text NOT NULL,
      "aggregate_id" text NOT NULL,
      "type" text NOT NULL,
      "headers" jsonb NOT NULL,
      "payload" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "published_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "UQ_messaging_outbox_id" UNIQUE ("id"),
      CONSTRAINT "PK_messaging_outbox" PRIMARY KEY ("sequence"))`);
    await q.query(`CREATE INDEX "IDX_messaging_outbox_pending" ON "messaging_outbox" ("sequence") WHERE published_at IS NULL`);
    await q.query(
      `CREATE INDEX "IDX_messaging_outbox_pending_aggregate" ON "messaging_outbox" ("aggregate_id", "sequence") WHERE published_at IS NULL`,
    );
    await q.query(`CREATE TABLE "messaging_inbox" (
      "consumer_group" text NOT NULL,
      "event_id" text NOT NULL,
      "event_type" text NOT NULL,
      "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_messaging_inbox" PRIMARY KEY ("consumer_group", "event_id"))`);
    await q.query(`CREATE TABLE "messaging_dead_letter" (
      "id" BIGSERIAL NOT NULL,
      "consumer_group" text NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "offset" text NOT NULL,
      "event_id" text,
      "event_type" text,
      "message_key" text,
      "headers" jsonb NOT NULL,
      "payload" text,
      "error" text NOT NULL,
      "attempts" integer NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "replayed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "UQ_messaging_dead_letter_message" UNIQUE ("consumer_group", "topic", "partition", "offset"),
      CONSTRAINT "PK_messaging_dead_letter" PRIMARY KEY ("id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "messaging_dead_letter"`);
    await q.query(`DROP TABLE "messaging_inbox"`);
    await q.query(`DROP TABLE "messaging_outbox"`);
  }
}

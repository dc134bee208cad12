import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The market-entity directory fed by business registration's events (spec §5 enterprise requests). */
export class MarketEntityDirectory1792700000000 implements MigrationInterface {
  name = 'MarketEntityDirectory1792700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "market_entity" ("uscc" text NOT NULL, "name" text NOT NULL, "entity_type" text NOT NULL, "status" text NOT NULL,
        "abnormal_listing_ids" jsonb NOT NULL DEFAULT '[]', "authority_code" text NOT NULL, "last_event_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_market_entity" PRIMARY KEY ("uscc"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "market_entity"`);
  }
}

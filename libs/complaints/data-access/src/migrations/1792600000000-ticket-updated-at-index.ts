import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Open311 updates feed (`GET /open311/v2/updates.json`) reads the tickets changed since a time. */
export class TicketUpdatedAtIndex1792600000000 implements MigrationInterface {
  name = 'TicketUpdatedAtIndex1792600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_ticket_updated_at" ON "ticket" ("updated_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_ticket_updated_at"`);
  }
}

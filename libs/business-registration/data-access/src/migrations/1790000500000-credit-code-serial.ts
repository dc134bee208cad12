import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dev credit codes take their number from one PostgreSQL sequence instead of a counter row per
 * prefix: `nextval` holds no lock, so concurrent registrations no longer queue behind the first
 * one's commit (the counter row was locked for the whole registration transaction). Numbers are
 * unique across prefixes, hence within each; a rolled-back registration leaves a gap.
 */
export class CreditCodeSerial1790000500000 implements MigrationInterface {
  name = 'CreditCodeSerial1790000500000';

  async up(q: QueryRunner): Promise<void> {
    const [{ start }] = await q.query(`SELECT coalesce(max(last_value), 0) + 1 AS start FROM "credit_code_sequence"`);
    await q.query(`CREATE SEQUENCE "credit_code_serial" START WITH ${Number(start)}`);
    await q.query(`DROP TABLE "credit_code_sequence"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "credit_code_sequence" ("prefix" text NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_credit_code_sequence" PRIMARY KEY ("prefix"))`);
    await q.query(`DROP SEQUENCE "credit_code_serial"`);
  }
}

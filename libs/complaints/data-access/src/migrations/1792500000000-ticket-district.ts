import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql } from '@one-window/shared/persistence';

/**
 * The ticket's district (GB/T 2260 code of the place concerned), so that a district hotline body
 * (区热线工作机构) sees and lists its district's tickets only. Existing tickets take the area of
 * their submission's intake, in the column and in the document (`area`).
 */
export class TicketDistrict1792500000000 implements MigrationInterface {
  name = 'TicketDistrict1792500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ticket" ADD COLUMN "district" text`);
    await q.query(
      `UPDATE "ticket" t SET "district" = s."data"->'intake'->>'area', "data" = jsonb_set(t."data", '{area}', s."data"->'intake'->'area')
       FROM "submission" s
       WHERE s."id" = t."submission_id" AND jsonb_typeof(s."data"->'intake'->'area') = 'string'`,
    );
    await q.query(documentIndexSql('ticket', { name: 'IDX_ticket_district_state', columns: ['district', 'state'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_ticket_district_state"`);
    await q.query(`UPDATE "ticket" SET "data" = "data" - 'area'`);
    await q.query(`ALTER TABLE "ticket" DROP COLUMN "district"`);
  }
}

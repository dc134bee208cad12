import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tax's answer to a forced-exit candidate (`tax.non_filing.confirmed`, tax.md R4.7) is kept on the candidate. */
export class ForcedExitCandidateTaxAnswer1790001300000 implements MigrationInterface {
  name = 'ForcedExitCandidateTaxAnswer1790001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "forced_exit_candidate" ADD "tax_answer" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "forced_exit_candidate" DROP COLUMN "tax_answer"`);
  }
}

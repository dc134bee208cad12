import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Forced-exit candidates found by the nightly rule (§8 [design]), one row per company and night. */
export class ForcedExitCandidateTable1790001100000 implements MigrationInterface {
  name = 'ForcedExitCandidateTable1790001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "forced_exit_candidate" ("uscc" text NOT NULL, "as_of" date NOT NULL, "authority_code" text NOT NULL, "listed_on" date NOT NULL,
        "full_period_from" date NOT NULL, "reason_codes" jsonb NOT NULL, "last_tax_filed_on" date, "status" text NOT NULL, "case_id" text,
        "found_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_forced_exit_candidate" PRIMARY KEY ("uscc", "as_of"))`,
    );
    await q.query(`CREATE INDEX "IDX_forced_exit_candidate_authority_status" ON "forced_exit_candidate" ("authority_code", "status", "uscc")`);
    await q.query(`CREATE INDEX "IDX_forced_exit_candidate_uscc_status" ON "forced_exit_candidate" ("uscc", "status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "forced_exit_candidate"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { SEAL_ROTATION_COLUMNS, SETUP_BUNDLE_COLUMNS, SETUP_BUNDLE_INDICES } from '../tables';

/** The setup bundle (照章税保金银), the seal makers' rotation and their late deliveries per year. */
export class SetupBundleTables1790000200000 implements MigrationInterface {
  name = 'SetupBundleTables1790000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('setup_bundle', SETUP_BUNDLE_COLUMNS));
    for (const index of SETUP_BUNDLE_INDICES) await q.query(documentIndexSql('setup_bundle', index));
    await q.query(documentTableSql('seal_maker_rotation', SEAL_ROTATION_COLUMNS));
    await q.query(
      `CREATE TABLE "seal_maker_lateness" ("maker_id" text NOT NULL, "year" integer NOT NULL, "late_count" integer NOT NULL, "warned" boolean NOT NULL,
        "disqualified" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_seal_maker_lateness" PRIMARY KEY ("maker_id", "year"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "seal_maker_lateness"`);
    await q.query(`DROP TABLE "seal_maker_rotation"`);
    await q.query(`DROP TABLE "setup_bundle"`);
  }
}

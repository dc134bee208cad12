import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { LICENCE_COLUMNS, LICENCE_INDICES } from '../tables';

/** Electronic business licences (电子营业执照): signed documents, one row per issued version. */
export class LicenceTable1790000100000 implements MigrationInterface {
  name = 'LicenceTable1790000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('licence', LICENCE_COLUMNS));
    for (const index of LICENCE_INDICES) await q.query(documentIndexSql('licence', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "licence"`);
  }
}

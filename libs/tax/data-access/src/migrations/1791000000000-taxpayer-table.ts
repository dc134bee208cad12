import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { TAXPAYER_COLUMNS, TAXPAYER_INDICES } from '../tables';

/** Taxpayers (纳税人), created from registration events. */
export class TaxpayerTable1791000000000 implements MigrationInterface {
  name = 'TaxpayerTable1791000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('taxpayer', TAXPAYER_COLUMNS));
    for (const index of TAXPAYER_INDICES) await q.query(documentIndexSql('taxpayer', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "taxpayer"`);
  }
}

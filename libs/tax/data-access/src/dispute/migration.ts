import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { TAX_DISPUTE_COLUMNS, TAX_DISPUTE_INDICES } from './tables';

/** Tax disputes brought to mediation (税费争议调解, tax.md §13). */
export class TaxDisputeTable1794100000000 implements MigrationInterface {
  name = 'TaxDisputeTable1794100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('tax_dispute', TAX_DISPUTE_COLUMNS));
    for (const index of TAX_DISPUTE_INDICES) await q.query(documentIndexSql('tax_dispute', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tax_dispute"`);
  }
}

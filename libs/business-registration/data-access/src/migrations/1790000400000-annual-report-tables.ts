import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { ABNORMAL_LISTING_COLUMNS, ABNORMAL_LISTING_INDICES, ANNUAL_REPORT_COLUMNS, ANNUAL_REPORT_INDICES } from '../tables';

/** Annual reports (年报), the abnormal-operations list (经营异常名录) and the tax returns filed (forced exit, §7–§8). */
export class AnnualReportTables1790000400000 implements MigrationInterface {
  name = 'AnnualReportTables1790000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('annual_report', ANNUAL_REPORT_COLUMNS));
    for (const index of ANNUAL_REPORT_INDICES) await q.query(documentIndexSql('annual_report', index));
    await q.query(documentTableSql('abnormal_listing', ABNORMAL_LISTING_COLUMNS));
    for (const index of ABNORMAL_LISTING_INDICES) await q.query(documentIndexSql('abnormal_listing', index));
    await q.query(
      `CREATE TABLE "tax_return_filing" ("return_id" text NOT NULL, "uscc" text NOT NULL, "period_key" text NOT NULL, "filed_on" date NOT NULL,
        "event_id" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_tax_return_filing" PRIMARY KEY ("return_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_tax_return_filing_uscc_filed_on" ON "tax_return_filing" ("uscc", "filed_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tax_return_filing"`);
    await q.query(`DROP TABLE "abnormal_listing"`);
    await q.query(`DROP TABLE "annual_report"`);
  }
}

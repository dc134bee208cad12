import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import {
  BANKRUPTCY_TAX_CLAIM_COLUMNS,
  BANKRUPTCY_TAX_CLAIM_INDICES,
  BANKRUPTCY_TAX_FILE_COLUMNS,
  BANKRUPTCY_TAX_FILE_INDICES,
  CREDIT_RERATING_COLUMNS,
  CREDIT_RERATING_INDICES,
  DEBTOR_INFO_GRANT_COLUMNS,
  DEBTOR_INFO_GRANT_INDICES,
  DEBTOR_INFO_QUERY_COLUMNS,
  DEBTOR_INFO_QUERY_INDICES,
} from './tables';

/** Bankruptcy tax files, debtor-information grants, tax claims, the query log (§11) and re-rating applications (R8.7). */
export class BankruptcyTables1791400000000 implements MigrationInterface {
  name = 'BankruptcyTables1791400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of [
      ['bankruptcy_tax_file', BANKRUPTCY_TAX_FILE_COLUMNS, BANKRUPTCY_TAX_FILE_INDICES],
      ['debtor_info_grant', DEBTOR_INFO_GRANT_COLUMNS, DEBTOR_INFO_GRANT_INDICES],
      ['bankruptcy_tax_claim', BANKRUPTCY_TAX_CLAIM_COLUMNS, BANKRUPTCY_TAX_CLAIM_INDICES],
      ['debtor_info_query', DEBTOR_INFO_QUERY_COLUMNS, DEBTOR_INFO_QUERY_INDICES],
      ['credit_rerating', CREDIT_RERATING_COLUMNS, CREDIT_RERATING_INDICES],
    ] as const) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['credit_rerating', 'debtor_info_query', 'bankruptcy_tax_claim', 'debtor_info_grant', 'bankruptcy_tax_file']) await q.query(`DROP TABLE "${table}"`);
  }
}

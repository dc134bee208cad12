import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import {
  CLEARANCE_CASE_COLUMNS,
  CLEARANCE_CASE_INDICES,
  REFUND_CLAIM_COLUMNS,
  REFUND_CLAIM_INDICES,
  RISK_CASE_COLUMNS,
  RISK_CASE_INDICES,
} from './tables';

/** Risk cases, refund claims, clearance cases, and the clearance certificate counter. */
export class CreditTables1791300000000 implements MigrationInterface {
  name = 'CreditTables1791300000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of [
      ['risk_case', RISK_CASE_COLUMNS, RISK_CASE_INDICES],
      ['refund_claim', REFUND_CLAIM_COLUMNS, REFUND_CLAIM_INDICES],
      ['clearance_case', CLEARANCE_CASE_COLUMNS, CLEARANCE_CASE_INDICES],
    ] as const) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "clearance_case"`);
    await q.query(`DROP TABLE "refund_claim"`);
    await q.query(`DROP TABLE "risk_case"`);
  }
}

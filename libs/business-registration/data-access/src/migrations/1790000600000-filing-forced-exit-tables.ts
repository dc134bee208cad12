import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { BRANCH_COLUMNS, BRANCH_INDICES, FORCED_EXIT_COLUMNS, FORCED_EXIT_INDICES, PREMISES_FILING_COLUMNS, PREMISES_FILING_INDICES } from '../tables';

/** 一照多址 premises filings, branches (分支机构) and forced-exit cases (强制退出) (§6, §8). */
export class FilingForcedExitTables1790000600000 implements MigrationInterface {
  name = 'FilingForcedExitTables1790000600000';

  async up(q: QueryRunner): Promise<void> {
    const tables = [
      ['premises_filing', PREMISES_FILING_COLUMNS, PREMISES_FILING_INDICES],
      ['branch', BRANCH_COLUMNS, BRANCH_INDICES],
      ['forced_exit', FORCED_EXIT_COLUMNS, FORCED_EXIT_INDICES],
    ] as const;
    for (const [table, columns, indices] of tables) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "forced_exit"`);
    await q.query(`DROP TABLE "branch"`);
    await q.query(`DROP TABLE "premises_filing"`);
  }
}

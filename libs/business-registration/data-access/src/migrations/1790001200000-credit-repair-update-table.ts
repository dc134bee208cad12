import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { CREDIT_REPAIR_UPDATE_COLUMNS, CREDIT_REPAIR_UPDATE_INDICES } from '../tables';

/** Credit-repair updates of the publicity system (信用修复, §7; bankruptcy.md §6.6), one per request. */
export class CreditRepairUpdateTable1790001200000 implements MigrationInterface {
  name = 'CreditRepairUpdateTable1790001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('credit_repair_update', CREDIT_REPAIR_UPDATE_COLUMNS));
    for (const index of CREDIT_REPAIR_UPDATE_INDICES) await q.query(documentIndexSql('credit_repair_update', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "credit_repair_update"`);
  }
}

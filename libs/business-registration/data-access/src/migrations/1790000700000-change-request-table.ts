import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { CHANGE_REQUEST_COLUMNS, CHANGE_REQUEST_INDICES } from '../tables';

/** Change requests (变更登记) waiting for, or decided by, an officer (§6 routing as §3.2). */
export class ChangeRequestTable1790000700000 implements MigrationInterface {
  name = 'ChangeRequestTable1790000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('change_request', CHANGE_REQUEST_COLUMNS));
    for (const index of CHANGE_REQUEST_INDICES) await q.query(documentIndexSql('change_request', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "change_request"`);
  }
}

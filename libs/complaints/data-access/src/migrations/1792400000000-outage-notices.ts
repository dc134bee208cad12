import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { OUTAGE_NOTICE_COLUMNS, OUTAGE_NOTICE_INDICES } from '../knowledge/tables';

/** Outage notices (故障公告, spec §4, 002 L1694). */
export class OutageNotices1792400000000 implements MigrationInterface {
  name = 'OutageNotices1792400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('outage_notice', OUTAGE_NOTICE_COLUMNS));
    for (const index of OUTAGE_NOTICE_INDICES) await q.query(documentIndexSql('outage_notice', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outage_notice"`);
  }
}

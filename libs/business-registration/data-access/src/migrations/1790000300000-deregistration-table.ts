import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { DEREGISTRATION_COLUMNS, DEREGISTRATION_INDICES } from '../tables';

/** Deregistrations (注销, §8): simplified, ordinary and court-route cases, at most one open per company. */
export class DeregistrationTable1790000300000 implements MigrationInterface {
  name = 'DeregistrationTable1790000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('deregistration', DEREGISTRATION_COLUMNS));
    for (const index of DEREGISTRATION_INDICES) await q.query(documentIndexSql('deregistration', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deregistration"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { NAME_RULES_VERSION_COLUMNS, NAME_RULES_VERSION_INDICES } from '../name-rules-versions';

/** Published versions of the name rules (prohibited, sensitive and industry words, organisation forms…). */
export class NameRulesVersions1790000800000 implements MigrationInterface {
  name = 'NameRulesVersions1790000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('name_rules_version', NAME_RULES_VERSION_COLUMNS));
    for (const index of NAME_RULES_VERSION_INDICES) await q.query(documentIndexSql('name_rules_version', index));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "name_rules_version"`);
  }
}

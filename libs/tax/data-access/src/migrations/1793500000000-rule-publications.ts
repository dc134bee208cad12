import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import {
  HIGH_RISK_LIST_ENTRY_COLUMNS,
  HIGH_RISK_LIST_ENTRY_INDICES,
  KEY_OPERATION_LIST_COLUMNS,
  KEY_OPERATION_LIST_INDICES,
  RELIEF_RULE_VERSION_COLUMNS,
  RELIEF_RULE_VERSION_INDICES,
  RULE_PUBLICATION_COLUMNS,
  RULE_PUBLICATION_INDICES,
} from '../publications/tables';
import { SEEDED_KEY_OPERATION_LIST, SEEDED_RELIEF_RULES } from './1793500000000-seed-data';

/** When the shipped data counts as published (before any admin publication). */
const SEEDED_AT = '2023-01-01T00:00:00.000Z';
const SEEDED_BY = 'seed';

/**
 * Admin publications with two people (tax.md §2 Admin, E2, R8.3, R8.5): the drafts, the published
 * relief-rule versions, key-operation list versions and high-risk list entries. The shipped relief
 * rules (粤办函〔2023〕12号, version 1 each) and the default key-operation list become the first
 * published versions, so the database is the one source the rule book and the gate read.
 */
export class RulePublications1793500000000 implements MigrationInterface {
  name = 'RulePublications1793500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of [
      ['rule_publication', RULE_PUBLICATION_COLUMNS, RULE_PUBLICATION_INDICES],
      ['relief_rule_version', RELIEF_RULE_VERSION_COLUMNS, RELIEF_RULE_VERSION_INDICES],
      ['key_operation_list', KEY_OPERATION_LIST_COLUMNS, KEY_OPERATION_LIST_INDICES],
      ['high_risk_list_entry', HIGH_RISK_LIST_ENTRY_COLUMNS, HIGH_RISK_LIST_ENTRY_INDICES],
    ] as const) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
    const seeded = { publishedAt: SEEDED_AT, publishedBy: SEEDED_BY, publicationId: null };
    for (const { id, rule } of SEEDED_RELIEF_RULES) {
      await q.query(`INSERT INTO "relief_rule_version" (id, version, data, rule_id, published_at) VALUES ($1, 1, $2, $3, $4)`, [
        id,
        JSON.stringify({ id, rule, ...seeded }),
        rule.ruleId,
        SEEDED_AT,
      ]);
    }
    const list = SEEDED_KEY_OPERATION_LIST;
    await q.query(`INSERT INTO "key_operation_list" (id, version, data, effective_from, published_at) VALUES ($1, 1, $2, $3, $4)`, [
      list.version,
      JSON.stringify({ id: list.version, list, ...seeded }),
      list.effectiveFrom,
      SEEDED_AT,
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "high_risk_list_entry"`);
    await q.query(`DROP TABLE "key_operation_list"`);
    await q.query(`DROP TABLE "relief_rule_version"`);
    await q.query(`DROP TABLE "rule_publication"`);
  }
}

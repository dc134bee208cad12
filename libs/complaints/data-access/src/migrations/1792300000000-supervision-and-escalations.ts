import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';
import { LONG_RUNNING_ISSUE_COLUMNS, LONG_RUNNING_ISSUE_INDICES, SUPERVISION_CASE_COLUMNS, SUPERVISION_CASE_INDICES } from '../supervision/tables';

const DOCUMENT_TABLES: [string, Record<string, ColumnType>, DocumentIndex[]][] = [
  ['supervision_case', SUPERVISION_CASE_COLUMNS, SUPERVISION_CASE_INDICES],
  ['long_running_issue', LONG_RUNNING_ISSUE_COLUMNS, LONG_RUNNING_ISSUE_INDICES],
];

/** Escalations sent once per ticket, clock and due instant; supervision cases (§3.7); long-running issues (§3.8). */
export class SupervisionAndEscalations1792300000000 implements MigrationInterface {
  name = 'SupervisionAndEscalations1792300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ticket_escalation" ("ticket_id" text NOT NULL, "clock" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ticket_escalation" PRIMARY KEY ("ticket_id", "clock", "due_at"))`,
    );
    for (const [table, columns, indices] of DOCUMENT_TABLES) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...DOCUMENT_TABLES].reverse()) await q.query(`DROP TABLE "${table}"`);
    await q.query(`DROP TABLE "ticket_escalation"`);
  }
}

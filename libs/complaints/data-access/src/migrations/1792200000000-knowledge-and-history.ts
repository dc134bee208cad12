import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';
import { KNOWLEDGE_FEEDBACK_COLUMNS, KNOWLEDGE_FEEDBACK_INDICES, KNOWLEDGE_POINT_COLUMNS, KNOWLEDGE_POINT_INDICES } from '../knowledge/tables';
import {
  MERGE_NOTIFICATION_COLUMNS,
  MERGE_NOTIFICATION_INDICES,
  TICKET_LINK_COLUMNS,
  TICKET_LINK_INDICES,
  TICKET_MERGE_COLUMNS,
  TICKET_MERGE_INDICES,
} from '../linking/tables';
import { QUARTERLY_REPORT_COLUMNS, QUARTERLY_REPORT_INDICES } from '../reporting/tables';

const DOCUMENT_TABLES: [string, Record<string, ColumnType>, DocumentIndex[]][] = [
  ['knowledge_point', KNOWLEDGE_POINT_COLUMNS, KNOWLEDGE_POINT_INDICES],
  ['knowledge_feedback', KNOWLEDGE_FEEDBACK_COLUMNS, KNOWLEDGE_FEEDBACK_INDICES],
  ['ticket_link', TICKET_LINK_COLUMNS, TICKET_LINK_INDICES],
  ['ticket_merge', TICKET_MERGE_COLUMNS, TICKET_MERGE_INDICES],
  ['merge_notification', MERGE_NOTIFICATION_COLUMNS, MERGE_NOTIFICATION_INDICES],
  ['quarterly_report', QUARTERLY_REPORT_COLUMNS, QUARTERLY_REPORT_INDICES],
];

/** The knowledge base, ticket links and merges with their notification intents, the ticket event history and the quarterly reports. */
export class KnowledgeAndHistory1792200000000 implements MigrationInterface {
  name = 'KnowledgeAndHistory1792200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of DOCUMENT_TABLES) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
    await q.query(
      `CREATE TABLE "ticket_event_history" (
        "event_id" text NOT NULL,
        "type" text NOT NULL,
        "ticket_id" text NOT NULL,
        "submission_id" text,
        "jurisdiction_id" text,
        "unit_id" text,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "data" jsonb NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ticket_event_history" PRIMARY KEY ("event_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ticket_event_history_occurred_at" ON "ticket_event_history" ("occurred_at")`);
    await q.query(`CREATE INDEX "IDX_ticket_event_history_ticket" ON "ticket_event_history" ("ticket_id", "occurred_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ticket_event_history"`);
    for (const [table] of [...DOCUMENT_TABLES].reverse()) await q.query(`DROP TABLE "${table}"`);
  }
}

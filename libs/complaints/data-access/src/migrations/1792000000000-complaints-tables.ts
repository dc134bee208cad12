import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import { CALLER_COLUMNS, CALLER_INDICES, SUBMISSION_COLUMNS, SUBMISSION_INDICES } from '../tables';

/**
 * The ticket table as this migration created it, frozen: a migration that has run must not change
 * when the live column list does (1792500000000 added `district`).
 */
const TICKET_COLUMNS_V1 = { submission_id: 'text', unit_id: 'text', state: 'text', caller_key: 'text', jurisdiction_id: 'text' } as const;
const TICKET_INDICES_V1 = [
  { name: 'IDX_ticket_unit_state', columns: ['unit_id', 'state'] },
  { name: 'IDX_ticket_state', columns: ['state'] },
  { name: 'IDX_ticket_submission', columns: ['submission_id'] },
  { name: 'IDX_ticket_caller_key', columns: ['caller_key'] },
];

/** Submissions, tickets, the callers' personal data (apart) and the deadline reminders sent. */
export class ComplaintsTables1792000000000 implements MigrationInterface {
  name = 'ComplaintsTables1792000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('submission', SUBMISSION_COLUMNS));
    for (const index of SUBMISSION_INDICES) await q.query(documentIndexSql('submission', index));
    await q.query(documentTableSql('ticket', TICKET_COLUMNS_V1));
    for (const index of TICKET_INDICES_V1) await q.query(documentIndexSql('ticket', index));
    await q.query(documentTableSql('caller_personal_data', CALLER_COLUMNS));
    for (const index of CALLER_INDICES) await q.query(documentIndexSql('caller_personal_data', index));
    await q.query(
      `CREATE TABLE "ticket_reminder" ("ticket_id" text NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ticket_reminder" PRIMARY KEY ("ticket_id", "deadline_at"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ticket_reminder"`);
    await q.query(`DROP TABLE "caller_personal_data"`);
    await q.query(`DROP TABLE "ticket"`);
    await q.query(`DROP TABLE "submission"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable timer table every service database may have:
 *   scheduling_timer  one row per timer. Pending while fired_at, cancelled_at and failed_at are
 *                     all null (at most one of them is ever set). due_at is when it should fire;
 *                     next_attempt_at is when a poller may try, due_at at first and later
 *                     pushed forward by the retry backoff of a failing handler.
 * Two partial indexes over the pending rows only: (kind, key) unique, so scheduling is an upsert,
 * and next_attempt_at, so claiming the due ones stays an index range scan however many fired
 * rows the table keeps.
 */
export class SchedulingTables1767312000000 implements MigrationInterface {
  name = 'SchedulingTables1767312000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "scheduling_timer" (
      "id" uuid NOT NULL,
      "kind" text NOT NULL,
      "key" text NOT NULL,
      "payload" jsonb NOT NULL,
      "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "fired_at" TIMESTAMP WITH TIME ZONE,
      "cancelled_at" TIMESTAMP WITH TIME ZONE,
      "failed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "CHK_scheduling_timer_one_outcome" CHECK (num_nonnulls(fired_at, cancelled_at, failed_at) <= 1),
      CONSTRAINT "PK_scheduling_timer" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_scheduling_timer_pending_kind_key" ON "scheduling_timer" ("kind", "key")
        WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_scheduling_timer_pending_next_attempt" ON "scheduling_timer" ("next_attempt_at")
        WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "scheduling_timer"`);
  }
}

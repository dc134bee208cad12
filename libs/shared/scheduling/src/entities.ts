import { EntitySchema } from 'typeorm';

/**
 * The TypeORM description of the timer table, listed in each service's DataSource so the
 * migration check (entities vs. migrations) covers it. The code itself uses plain SQL on this
 * table for the row locking (FOR UPDATE SKIP LOCKED) and the partial-index upsert it needs.
 */
export const SchedulingTimerEntity = new EntitySchema({
  name: 'scheduling_timer',
  columns: {
    id: { type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_scheduling_timer' },
    kind: { type: 'text' },
    key: { type: 'text' },
    payload: { type: 'jsonb' },
    due_at: { type: 'timestamp with time zone' },
    next_attempt_at: { type: 'timestamp with time zone' },
    attempts: { type: 'integer', default: 0 },
    last_error: { type: 'text', nullable: true },
    created_at: { type: 'timestamp with time zone', default: () => 'now()' },
    fired_at: { type: 'timestamp with time zone', nullable: true },
    cancelled_at: { type: 'timestamp with time zone', nullable: true },
    failed_at: { type: 'timestamp with time zone', nullable: true },
  },
  checks: [{ name: 'CHK_scheduling_timer_one_outcome', expression: 'num_nonnulls(fired_at, cancelled_at, failed_at) <= 1' }],
  indices: [
    {
      name: 'UQ_scheduling_timer_pending_kind_key',
      columns: ['kind', 'key'],
      unique: true,
      where: 'fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL',
    },
    {
      name: 'IDX_scheduling_timer_pending_next_attempt',
      columns: ['next_attempt_at'],
      where: 'fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL',
    },
  ],
});

export const SCHEDULING_ENTITIES = [SchedulingTimerEntity];

import { EntitySchema } from 'typeorm';
import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/**
 * The ticket event history the §6 metrics are computed from (never counters): every ticket event
 * the service published, appended once by the history consumer (event id = CloudEvents id). Rows
 * are never updated or deleted. `type` is the event name without its version.
 */
export const TicketEventHistoryEntity = new EntitySchema({
  name: 'ticket_event_history',
  columns: {
    event_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_ticket_event_history' },
    type: { type: 'text' },
    ticket_id: { type: 'text' },
    submission_id: { type: 'text', nullable: true },
    jurisdiction_id: { type: 'text', nullable: true },
    unit_id: { type: 'text', nullable: true },
    occurred_at: { type: 'timestamp with time zone' },
    data: { type: 'jsonb' },
    recorded_at: { type: 'timestamp with time zone', default: () => 'now()' },
  },
  indices: [
    { name: 'IDX_ticket_event_history_occurred_at', columns: ['occurred_at'] },
    { name: 'IDX_ticket_event_history_ticket', columns: ['ticket_id', 'occurred_at'] },
  ],
});

/** Quarterly reports generated (季度报告, 002 L247): the figures as they were when generated. */
export const QUARTERLY_REPORT_COLUMNS = {
  period: 'text',
  unit_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const QUARTERLY_REPORT_INDICES: DocumentIndex[] = [{ name: 'IDX_quarterly_report_period', columns: ['period'] }];

export const QuarterlyReportEntity = documentEntity('quarterly_report', QUARTERLY_REPORT_COLUMNS, QUARTERLY_REPORT_INDICES);

export const REPORTING_ENTITIES = [TicketEventHistoryEntity, QuarterlyReportEntity];

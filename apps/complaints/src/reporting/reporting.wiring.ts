import { COMPLAINTS_TOPIC, TICKET_EVENTS, TicketLinked } from '@one-window/complaints/contracts';
import { QuarterlyReportRepository, TicketEventHistoryRepository } from '@one-window/complaints/data-access';
import type { EventDefinition } from '@one-window/shared/messaging';
import type { ConsumerDefinition } from '@one-window/shared/platform';
import { MetricsHandler } from './metrics.handler';
import { RecordTicketHistoryHandler } from './record-ticket-history.handler';
import { ReportingController } from './reporting.controller';

/** The consumer group that appends the service's own ticket events to the history the metrics read. */
export const METRICS_HISTORY_GROUP = 'complaints.metrics-history';

/** Every ticket event of the service's contract. */
const HISTORY_EVENTS: EventDefinition[] = [...TICKET_EVENTS, TicketLinked as EventDefinition<unknown>];

export const REPORTING_CONSUMERS: ConsumerDefinition[] = [
  {
    groupId: METRICS_HISTORY_GROUP,
    topics: [COMPLAINTS_TOPIC],
    events: HISTORY_EVENTS,
    handlers: (get) => Object.fromEntries(HISTORY_EVENTS.map((def) => [def.type, (e, tx) => get(RecordTicketHistoryHandler).execute(e, tx)])),
  },
];

export const REPORTING_CONTROLLERS = [ReportingController];
export const REPORTING_PROVIDERS = [TicketEventHistoryRepository, QuarterlyReportRepository, RecordTicketHistoryHandler, MetricsHandler];

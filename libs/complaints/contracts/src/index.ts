import type { EventDefinition } from '@one-window/shared/messaging';
import { SUBMISSION_EVENTS } from './events/submission-events';
import { TICKET_EVENTS } from './events/ticket-events';
import { KNOWLEDGE_EVENTS } from './events/knowledge-events';
import { LINKING_AND_REPORT_EVENTS } from './events/linking-events';
import { SUPERVISION_AND_ISSUE_EVENTS } from './events/supervision-events';
import { OUTAGE_EVENTS } from './events/outage-events';

export { COMPLAINTS_SOURCE, COMPLAINTS_TOPIC } from './topic';
export * from './events/schema-parts';
export * from './events/submission-events';
export { audienceOf, type Audience } from './events/ticket-events';
export {
  TicketAccepted,
  TicketAnsweredDirectly,
  TicketAudited,
  TicketCallbackRecorded,
  TicketClosed,
  TicketCohandlersAssigned,
  TicketCoordinationOpened,
  TicketDeadlineApproaching,
  TicketDispatched,
  TicketEscalated,
  TicketDutyOpinionFiled,
  TicketExtended,
  TicketFactsAdded,
  TicketGuidanceGiven,
  TicketMerged,
  TicketOverdue,
  TicketRated,
  TicketRatingRequested,
  TicketRegistered,
  TicketRehandlingOpened,
  TicketRehandlingSkipped,
  TicketReplyRecorded,
  TicketReturnDecided,
  TicketReturnRequested,
  TicketSubmitted,
  TicketUnitDecided,
  TicketWithdrawn,
  TICKET_EVENTS,
} from './events/ticket-events';
export * from './events/knowledge-events';
export * from './events/linking-events';
export * from './events/supervision-events';
export * from './events/outage-events';

/** Every event the complaints service publishes (its part of the catalogue), names equal to the domain events' types. */
export const COMPLAINTS_EVENTS: EventDefinition<unknown>[] = [...SUBMISSION_EVENTS, ...TICKET_EVENTS, ...KNOWLEDGE_EVENTS, ...LINKING_AND_REPORT_EVENTS, ...SUPERVISION_AND_ISSUE_EVENTS, ...OUTAGE_EVENTS];

/** Contract by domain event type (`complaints.ticket.dispatched` → its definition). */
export const COMPLAINTS_EVENTS_BY_NAME: ReadonlyMap<string, EventDefinition<unknown>> = new Map(COMPLAINTS_EVENTS.map((e) => [e.name, e]));

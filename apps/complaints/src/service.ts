import { COMPLAINTS_EVENTS, COMPLAINTS_TOPIC } from '@one-window/complaints/contracts';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from '@one-window/complaints/data-access';
import type { ServiceDefinition } from '@one-window/shared/platform';
import { FireTicketClockHandler } from './fire-ticket-clock/fire-ticket-clock.handler';
import { LapseSupplementHandler } from './lapse-supplement/lapse-supplement.handler';
import { KNOWLEDGE_TIMER_HANDLERS } from './knowledge/knowledge.wiring';
import { COMPLAINTS_PROBLEM_TYPES } from './problem-types';
import { REPORTING_CONSUMERS } from './reporting/reporting.wiring';
import { MARKET_ENTITY_CONSUMERS } from './market-entities/market-entities.wiring';
import { SUPERVISION_TIMER_HANDLERS } from './supervision/supervision.wiring';
import { ESCALATION_TIMER, SUPPLEMENT_LAPSE_TIMER, TICKET_TIMERS } from './shared/ticket-clocks';

/** The complaints service as the platform runs it (see libs/shared/platform). */
export const complaintsService: ServiceDefinition = {
  name: 'complaints',
  title: 'Complaints (12345 hotline)',
  description: '12345 hotline tickets with working-day clocks (12345热线工单).',
  topic: COMPLAINTS_TOPIC,
  publishes: COMPLAINTS_EVENTS,
  entities: COMPLAINTS_ENTITIES,
  migrations: COMPLAINTS_MIGRATIONS,
  problemTypes: COMPLAINTS_PROBLEM_TYPES,
  // One durable timer per active clock action of a ticket (re-planned after every command), and the supplement lapse.
  timers: (get) => ({
    ...Object.fromEntries(Object.values(TICKET_TIMERS).map((kind) => [kind, (timer, tx) => get(FireTicketClockHandler).execute(timer, tx)] as const)),
    // ESCALATE / GUIDANCE_LAPSED clocks: ticket.escalated once per (ticket, clock, dueAt) (spec §3.2).
    [ESCALATION_TIMER]: (timer, tx) => get(FireTicketClockHandler).escalate(timer, tx),
    [SUPPLEMENT_LAPSE_TIMER]: (timer, tx) => get(LapseSupplementHandler).execute(timer, tx),
    // Knowledge base: expiry reminders (30 / 7 ND), expiry, feedback overdue (spec §4).
    ...KNOWLEDGE_TIMER_HANDLERS(get),
    // Supervision cases (overdue once) and long-running issues (plan, month-end progress, final position), §3.7–3.8.
    ...SUPERVISION_TIMER_HANDLERS(get),
  }),
  // The ticket event history the §6 metrics are computed from (the service's own topic), and the
  // market-entity directory kept from business registration's events (§5 enterprise requests).
  consumers: [...REPORTING_CONSUMERS, ...MARKET_ENTITY_CONSUMERS],
};

import { EntitySchema } from 'typeorm';
import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';
import { KNOWLEDGE_ENTITIES } from './knowledge/tables';
import { LINKING_ENTITIES } from './linking/tables';
import { REPORTING_ENTITIES } from './reporting/tables';
import { OPEN311_ENTITIES } from './open311/tables';
import { SUPERVISION_ENTITIES } from './supervision/tables';
import { MARKET_ENTITY_ENTITIES } from './market-entities/tables';

/** Submissions (one caller contact): scoping by the opaque caller key, status for queues. No personal data. */
export const SUBMISSION_COLUMNS = {
  caller_key: 'text',
  status: 'text',
  jurisdiction_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const SUBMISSION_INDICES: DocumentIndex[] = [
  { name: 'IDX_submission_caller_key', columns: ['caller_key'] },
  { name: 'IDX_submission_status', columns: ['status'] },
];

/** Tickets (工单): the unit sees its own (unit_id), a district hotline body its district's, queues by state, the caller by key. No personal data. */
export const TICKET_COLUMNS = {
  submission_id: 'text',
  unit_id: 'text',
  state: 'text',
  caller_key: 'text',
  jurisdiction_id: 'text',
  /** GB/T 2260 district code of the place concerned (the ticket's `area`); null when unknown. */
  district: 'text',
} as const satisfies Record<string, ColumnType>;

export const TICKET_INDICES: DocumentIndex[] = [
  { name: 'IDX_ticket_unit_state', columns: ['unit_id', 'state'] },
  { name: 'IDX_ticket_state', columns: ['state'] },
  { name: 'IDX_ticket_submission', columns: ['submission_id'] },
  { name: 'IDX_ticket_caller_key', columns: ['caller_key'] },
  { name: 'IDX_ticket_district_state', columns: ['district', 'state'] },
  /** The Open311 updates feed reads tickets changed since a time. */
  { name: 'IDX_ticket_updated_at', columns: ['updated_at'] },
];

/**
 * The caller's personal data (name, phone, ID number, ...), apart from the submissions and tickets
 * (spec §3.1: callerRef → a separate table with the hidden-field list). The id is the callerRef.
 */
export const CALLER_COLUMNS = {
  submission_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const CALLER_INDICES: DocumentIndex[] = [{ name: 'UQ_caller_personal_data_submission', columns: ['submission_id'], unique: true }];

export const SubmissionEntity = documentEntity('submission', SUBMISSION_COLUMNS, SUBMISSION_INDICES);
export const TicketEntity = documentEntity('ticket', TICKET_COLUMNS, TICKET_INDICES);
export const CallerPersonalDataEntity = documentEntity('caller_personal_data', CALLER_COLUMNS, CALLER_INDICES);

/** Deadline reminders sent (deadline_approaching), one per ticket and deadline: the reminder goes out once. */
export const TicketReminderEntity = new EntitySchema({
  name: 'ticket_reminder',
  columns: {
    ticket_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_ticket_reminder' },
    deadline_at: { type: 'timestamp with time zone', primary: true, primaryKeyConstraintName: 'PK_ticket_reminder' },
    sent_at: { type: 'timestamp with time zone', default: () => 'now()' },
  },
});

/** Escalations published (ticket.escalated), one per ticket, clock and due instant: each goes out once. */
export const TicketEscalationEntity = new EntitySchema({
  name: 'ticket_escalation',
  columns: {
    ticket_id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_ticket_escalation' },
    clock: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_ticket_escalation' },
    due_at: { type: 'timestamp with time zone', primary: true, primaryKeyConstraintName: 'PK_ticket_escalation' },
    sent_at: { type: 'timestamp with time zone', default: () => 'now()' },
  },
});

export const COMPLAINTS_ENTITIES = [SubmissionEntity, TicketEntity, CallerPersonalDataEntity, TicketReminderEntity, TicketEscalationEntity, ...SUPERVISION_ENTITIES, ...KNOWLEDGE_ENTITIES, ...LINKING_ENTITIES, ...REPORTING_ENTITIES, ...OPEN311_ENTITIES, ...MARKET_ENTITY_ENTITIES];

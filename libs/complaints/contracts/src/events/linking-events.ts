import { defineEvent, type EventDefinition } from '@one-window/shared/messaging';
import { COMPLAINTS_TOPIC } from '../topic';
import { ID, INSTANT, TICKET_COMMON_EXAMPLE, TICKET_COMMON_PROPERTIES, TICKET_COMMON_REQUIRED, type TicketEventCommon } from './schema-parts';
import { EVENT_AUDIENCE } from './ticket-events';

const LINK_TYPE = { type: 'string', enum: ['SPLIT_SIBLING', 'REPEAT', 'SAME_ISSUE', 'DUPLICATE', 'RELATED'] };

export interface TicketLinkedContract extends TicketEventCommon {
  linkType: string;
  linkedTicketId: string;
  direction: 'OUT' | 'IN' | 'BOTH';
}

EVENT_AUDIENCE.set('complaints.ticket.linked', 'integrator');

/** §8 `complaints.ticket.linked`: one per end of the link, keyed by that ticket's submission. */
export const TicketLinked = defineEvent<TicketLinkedContract>({
  name: 'complaints.ticket.linked',
  version: 1,
  topic: COMPLAINTS_TOPIC,
  summary:
    '[I] The ticket was linked (工单关联) to another: DUPLICATE (a merge), REPEAT, SAME_ISSUE, RELATED, SPLIT_SIBLING. Published for each end; direction is read from this ticket. Keyed by the submission id; subject = submission id; data.ticketId names the ticket.',
  schema: {
    type: 'object',
    required: [...TICKET_COMMON_REQUIRED, 'linkType', 'linkedTicketId', 'direction'],
    properties: { ...TICKET_COMMON_PROPERTIES, linkType: LINK_TYPE, linkedTicketId: ID, direction: { type: 'string', enum: ['OUT', 'IN', 'BOTH'] } },
  },
  example: { ...TICKET_COMMON_EXAMPLE, linkType: 'DUPLICATE', linkedTicketId: 'tk-0a1b2c3d', direction: 'OUT' },
});

export interface MergeNotificationContract {
  kind: string;
  recipient: { role: 'caller'; ticketId: string } | { role: 'unit'; unitId: string };
  ticketId: string;
}

export interface MergeEventContract {
  mergeId: string;
  jurisdictionId: string;
  primaryTicketId: string;
  secondaryTicketId: string;
  status: string;
  reason: string;
  occurredAt: string;
  /** Who is to be told (callers named by their ticket, never by personal data). */
  notifications: MergeNotificationContract[];
  /** unmerged: the ticket registered again for the caller. */
  reregisteredTicketId?: string;
}

const MERGE_SCHEMA = {
  type: 'object',
  required: ['mergeId', 'jurisdictionId', 'primaryTicketId', 'secondaryTicketId', 'status', 'reason', 'occurredAt', 'notifications'],
  properties: {
    mergeId: ID,
    jurisdictionId: ID,
    primaryTicketId: ID,
    secondaryTicketId: ID,
    status: { type: 'string', enum: ['MERGED', 'UNMERGED'] },
    reason: { type: 'string' },
    occurredAt: INSTANT,
    reregisteredTicketId: ID,
    notifications: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'recipient', 'ticketId'],
        properties: {
          kind: { type: 'string', enum: ['CALLER_MERGED', 'UNIT_CALLER_ADDED', 'UNIT_TICKET_MERGED_AWAY', 'CALLER_UNMERGED', 'UNIT_CALLER_REMOVED'] },
          recipient: {
            type: 'object',
            required: ['role'],
            properties: { role: { type: 'string', enum: ['caller', 'unit'] }, ticketId: ID, unitId: ID },
            description: 'A caller is named by the ticket whose caller it is (the notifier resolves the contact), a unit by its id',
          },
          ticketId: ID,
        },
      },
    },
  },
};

EVENT_AUDIENCE.set('complaints.merge.merged', 'internal');
EVENT_AUDIENCE.set('complaints.merge.unmerged', 'internal');

export const MergeMerged = defineEvent<MergeEventContract>({
  name: 'complaints.merge.merged',
  version: 1,
  topic: COMPLAINTS_TOPIC,
  summary:
    '[N] A ticket was merged (并单) into a primary: the secondary is closed MERGED and kept, its caller joins the primary with their own reply and rating; the callers and units to inform are listed. Keyed by the merge id.',
  schema: MERGE_SCHEMA,
  example: {
    mergeId: 'mg-5d7e9f10',
    jurisdictionId: 'CN-44-01',
    primaryTicketId: 'tk-0a1b2c3d',
    secondaryTicketId: 'tk-7f3c2a91',
    status: 'MERGED',
    reason: 'Same broken lift, building 3',
    occurredAt: '2026-10-09T02:00:00.000Z',
    notifications: [
      { kind: 'CALLER_MERGED', recipient: { role: 'caller', ticketId: 'tk-7f3c2a91' }, ticketId: 'tk-7f3c2a91' },
      { kind: 'UNIT_CALLER_ADDED', recipient: { role: 'unit', unitId: 'GZ-YX-HOUSING' }, ticketId: 'tk-0a1b2c3d' },
    ],
  },
});

export const MergeUnmerged = defineEvent<MergeEventContract>({
  name: 'complaints.merge.unmerged',
  version: 1,
  topic: COMPLAINTS_TOPIC,
  summary: '[N] A merge was undone while the primary was open: the caller left the primary and got a new ticket, linked RELATED to the original. Keyed by the merge id.',
  schema: MERGE_SCHEMA,
  example: {
    mergeId: 'mg-5d7e9f10',
    jurisdictionId: 'CN-44-01',
    primaryTicketId: 'tk-0a1b2c3d',
    secondaryTicketId: 'tk-7f3c2a91',
    status: 'UNMERGED',
    reason: 'A different lift',
    occurredAt: '2026-10-10T02:00:00.000Z',
    reregisteredTicketId: 'tk-9e8d7c6b',
    notifications: [{ kind: 'CALLER_UNMERGED', recipient: { role: 'caller', ticketId: 'tk-7f3c2a91' }, ticketId: 'tk-7f3c2a91' }],
  },
});

export interface QuarterlyReportGeneratedContract {
  reportId: string;
  period: string;
  unitId: string | null;
  artefactRef: string;
  occurredAt: string;
}

EVENT_AUDIENCE.set('complaints.report.quarterly_generated', 'internal');

export const QuarterlyReportGenerated = defineEvent<QuarterlyReportGeneratedContract>({
  name: 'complaints.report.quarterly_generated',
  version: 1,
  topic: COMPLAINTS_TOPIC,
  summary: '[N] The quarterly report (季度报告) to the provincial data administration was generated from the ticket event history (002 L247). Keyed by the report id.',
  schema: {
    type: 'object',
    required: ['reportId', 'period', 'unitId', 'artefactRef', 'occurredAt'],
    properties: { reportId: ID, period: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' }, unitId: { type: ['string', 'null'] }, artefactRef: ID, occurredAt: INSTANT },
  },
  example: { reportId: 'qr-2026-q4-01', period: '2026-Q4', unitId: null, artefactRef: '/api/v1/complaints/reports/quarterly/2026-Q4/generated/qr-2026-q4-01', occurredAt: '2027-01-05T02:00:00.000Z' },
});

export const LINKING_AND_REPORT_EVENTS: EventDefinition<unknown>[] = [TicketLinked, MergeMerged, MergeUnmerged, QuarterlyReportGenerated] as EventDefinition<unknown>[];

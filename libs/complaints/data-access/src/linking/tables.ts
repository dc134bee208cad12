import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Ticket links (工单关联, spec §5): one row per link, read from either end. */
export const TICKET_LINK_COLUMNS = {
  type: 'text',
  from_ticket_id: 'text',
  to_ticket_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const TICKET_LINK_INDICES: DocumentIndex[] = [
  { name: 'UQ_ticket_link_type_from_to', columns: ['type', 'from_ticket_id', 'to_ticket_id'], unique: true },
  { name: 'IDX_ticket_link_from', columns: ['from_ticket_id'] },
  { name: 'IDX_ticket_link_to', columns: ['to_ticket_id'] },
];

/** Merge records (并单记录, spec §5): one per secondary ticket merged (or proposed), with the original kept as a snapshot. */
export const TICKET_MERGE_COLUMNS = {
  jurisdiction_id: 'text',
  primary_ticket_id: 'text',
  secondary_ticket_id: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;

export const TICKET_MERGE_INDICES: DocumentIndex[] = [
  { name: 'IDX_ticket_merge_primary_status', columns: ['primary_ticket_id', 'status'] },
  { name: 'IDX_ticket_merge_secondary', columns: ['secondary_ticket_id'] },
];

/**
 * What callers and units are to be told about a merge or unmerge (notification intents, §5): the
 * notifier renders and sends them; callers are named by their ticket, never by personal data.
 */
export const MERGE_NOTIFICATION_COLUMNS = {
  merge_id: 'text',
  kind: 'text',
  status: 'text',
  recipient_unit_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const MERGE_NOTIFICATION_INDICES: DocumentIndex[] = [
  { name: 'IDX_merge_notification_merge', columns: ['merge_id'] },
  { name: 'IDX_merge_notification_status', columns: ['status'] },
];

export const TicketLinkEntity = documentEntity('ticket_link', TICKET_LINK_COLUMNS, TICKET_LINK_INDICES);
export const TicketMergeEntity = documentEntity('ticket_merge', TICKET_MERGE_COLUMNS, TICKET_MERGE_INDICES);
export const MergeNotificationEntity = documentEntity('merge_notification', MERGE_NOTIFICATION_COLUMNS, MERGE_NOTIFICATION_INDICES);

export const LINKING_ENTITIES = [TicketLinkEntity, TicketMergeEntity, MergeNotificationEntity];

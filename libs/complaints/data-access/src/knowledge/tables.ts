import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Knowledge points (知识点, spec §4): the owning unit scopes them, status and validity serve the agents' search. */
export const KNOWLEDGE_POINT_COLUMNS = {
  unit_id: 'text',
  jurisdiction_id: 'text',
  status: 'text',
  category: 'text',
  valid_until: 'timestamptz',
} as const satisfies Record<string, ColumnType>;

export const KNOWLEDGE_POINT_INDICES: DocumentIndex[] = [
  { name: 'IDX_knowledge_point_unit_status', columns: ['unit_id', 'status'] },
  { name: 'IDX_knowledge_point_status_until', columns: ['status', 'valid_until'] },
];

/** Feedback on knowledge points (知识点反馈, 002 L1680–1682), addressed to one unit. */
export const KNOWLEDGE_FEEDBACK_COLUMNS = {
  unit_id: 'text',
  point_id: 'text',
  status: 'text',
  due_at: 'timestamptz',
} as const satisfies Record<string, ColumnType>;

export const KNOWLEDGE_FEEDBACK_INDICES: DocumentIndex[] = [
  { name: 'IDX_knowledge_feedback_unit_status', columns: ['unit_id', 'status'] },
  { name: 'IDX_knowledge_feedback_point', columns: ['point_id'] },
];

/** Outage notices (故障公告, 002 L1694): the unit scopes them; agents read the active ones. */
export const OUTAGE_NOTICE_COLUMNS = {
  unit_id: 'text',
  jurisdiction_id: 'text',
  status: 'text',
  started_at: 'timestamptz',
} as const satisfies Record<string, ColumnType>;

export const OUTAGE_NOTICE_INDICES: DocumentIndex[] = [
  { name: 'IDX_outage_notice_unit_status', columns: ['unit_id', 'status'] },
  { name: 'IDX_outage_notice_status', columns: ['status'] },
];

export const KnowledgePointEntity = documentEntity('knowledge_point', KNOWLEDGE_POINT_COLUMNS, KNOWLEDGE_POINT_INDICES);
export const KnowledgeFeedbackEntity = documentEntity('knowledge_feedback', KNOWLEDGE_FEEDBACK_COLUMNS, KNOWLEDGE_FEEDBACK_INDICES);

export const OutageNoticeEntity = documentEntity('outage_notice', OUTAGE_NOTICE_COLUMNS, OUTAGE_NOTICE_INDICES);

export const KNOWLEDGE_ENTITIES = [KnowledgePointEntity, KnowledgeFeedbackEntity, OutageNoticeEntity];

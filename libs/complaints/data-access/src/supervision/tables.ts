import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Supervision cases (督办, spec §3.7): the supervised unit scopes them; ticket and status for queues. */
export const SUPERVISION_CASE_COLUMNS = {
  unit_id: 'text',
  ticket_id: 'text',
  kind: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;

export const SUPERVISION_CASE_INDICES: DocumentIndex[] = [
  { name: 'IDX_supervision_case_unit_status', columns: ['unit_id', 'status'] },
  { name: 'IDX_supervision_case_ticket', columns: ['ticket_id'] },
];

/** Long-running issues (spec §3.8), owned by one unit. */
export const LONG_RUNNING_ISSUE_COLUMNS = {
  unit_id: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;

export const LONG_RUNNING_ISSUE_INDICES: DocumentIndex[] = [{ name: 'IDX_long_running_issue_unit_status', columns: ['unit_id', 'status'] }];

export const SupervisionCaseEntity = documentEntity('supervision_case', SUPERVISION_CASE_COLUMNS, SUPERVISION_CASE_INDICES);
export const LongRunningIssueEntity = documentEntity('long_running_issue', LONG_RUNNING_ISSUE_COLUMNS, LONG_RUNNING_ISSUE_INDICES);

export const SUPERVISION_ENTITIES = [SupervisionCaseEntity, LongRunningIssueEntity];

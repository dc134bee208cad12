import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/**
 * Admin publications of tax rule data (tax.md §2 Admin, E2, R8.3, R8.5): the drafts and their
 * decisions, and what approved ones publish: relief-rule versions, key-operation list versions,
 * high-risk list entries.
 */
export const RULE_PUBLICATION_COLUMNS = { kind: 'text', status: 'text', proposed_at: 'timestamptz' } as const satisfies Record<string, ColumnType>;
export const RELIEF_RULE_VERSION_COLUMNS = { rule_id: 'text', published_at: 'timestamptz' } as const satisfies Record<string, ColumnType>;
export const KEY_OPERATION_LIST_COLUMNS = { effective_from: 'date', published_at: 'timestamptz' } as const satisfies Record<string, ColumnType>;
export const HIGH_RISK_LIST_ENTRY_COLUMNS = { taxpayer_id: 'text', list: 'text', active: 'boolean' } as const satisfies Record<string, ColumnType>;

export const RULE_PUBLICATION_INDICES: DocumentIndex[] = [{ name: 'IDX_rule_publication_status_proposed', columns: ['status', 'proposed_at'] }];
export const RELIEF_RULE_VERSION_INDICES: DocumentIndex[] = [{ name: 'IDX_relief_rule_version_rule', columns: ['rule_id'] }];
export const KEY_OPERATION_LIST_INDICES: DocumentIndex[] = [{ name: 'UQ_key_operation_list_effective_from', columns: ['effective_from'], unique: true }];
export const HIGH_RISK_LIST_ENTRY_INDICES: DocumentIndex[] = [{ name: 'IDX_high_risk_list_entry_taxpayer', columns: ['taxpayer_id', 'active'] }];

export const RulePublicationEntity = documentEntity('rule_publication', RULE_PUBLICATION_COLUMNS, RULE_PUBLICATION_INDICES);
export const ReliefRuleVersionEntity = documentEntity('relief_rule_version', RELIEF_RULE_VERSION_COLUMNS, RELIEF_RULE_VERSION_INDICES);
export const KeyOperationListEntity = documentEntity('key_operation_list', KEY_OPERATION_LIST_COLUMNS, KEY_OPERATION_LIST_INDICES);
export const HighRiskListEntryEntity = documentEntity('high_risk_list_entry', HIGH_RISK_LIST_ENTRY_COLUMNS, HIGH_RISK_LIST_ENTRY_INDICES);

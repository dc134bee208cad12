import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Tax disputes brought to mediation (税费争议调解, tax.md §13): scoping by taxpayer, queues by status. */
export const TAX_DISPUTE_COLUMNS = { taxpayer_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const TAX_DISPUTE_INDICES: DocumentIndex[] = [{ name: 'IDX_tax_dispute_taxpayer_status', columns: ['taxpayer_id', 'status'] }];
export const TaxDisputeEntity = documentEntity('tax_dispute', TAX_DISPUTE_COLUMNS, TAX_DISPUTE_INDICES);

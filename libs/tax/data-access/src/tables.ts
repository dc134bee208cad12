import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Projected columns of the taxpayer documents: scoping (owner, bureau) and status. */
export const TAXPAYER_COLUMNS = {
  owner_id: 'text',
  tax_bureau: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;

export const TAXPAYER_INDICES: DocumentIndex[] = [
  { name: 'IDX_taxpayer_owner', columns: ['owner_id'] },
  { name: 'IDX_taxpayer_bureau_status', columns: ['tax_bureau', 'status'] },
];

export const TaxpayerEntity = documentEntity('taxpayer', TAXPAYER_COLUMNS, TAXPAYER_INDICES);

export const TAXPAYER_ENTITIES = [TaxpayerEntity];

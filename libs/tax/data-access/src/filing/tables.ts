import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/**
 * Filing tables (tax.md §6): obligations, returns (one row per version), liabilities (one per
 * period and tax type) and payments. JSON documents with the columns that queries, scoping and
 * the uniqueness rules need.
 */

/** Obligations: id `<taxpayerId>:<periodKey>`; one per (taxpayer, periodKey), so scheduling twice adds nothing. */
export const OBLIGATION_COLUMNS = {
  taxpayer_id: 'text',
  period_key: 'text',
  status: 'text',
  period_start: 'date',
  period_end: 'date',
  due: 'date',
  overdue: 'boolean',
} as const satisfies Record<string, ColumnType>;

export const OBLIGATION_INDICES: DocumentIndex[] = [
  { name: 'UQ_tax_obligation_taxpayer_period_key', columns: ['taxpayer_id', 'period_key'], unique: true },
  { name: 'IDX_tax_obligation_taxpayer_start', columns: ['taxpayer_id', 'period_start'] },
];

/** Return versions: id = returnId. One original (version 1) per (taxpayer, periodKey): the database refuses a second even under a race. */
export const RETURN_COLUMNS = {
  taxpayer_id: 'text',
  period_key: 'text',
  return_version: 'integer',
  receipt_id: 'text',
} as const satisfies Record<string, ColumnType>;

export const RETURN_INDICES: DocumentIndex[] = [
  { name: 'UQ_tax_return_taxpayer_period_key_version', columns: ['taxpayer_id', 'period_key', 'return_version'], unique: true },
  { name: 'UQ_tax_return_receipt', columns: ['receipt_id'], unique: true },
];

/** Liabilities: id = liabilityId; one per (taxpayer, periodKey, taxType), created only by the period's first return. */
export const LIABILITY_COLUMNS = {
  taxpayer_id: 'text',
  period_key: 'text',
  tax_type: 'text',
  period_start: 'date',
  period_end: 'date',
  status: 'text',
} as const satisfies Record<string, ColumnType>;

export const LIABILITY_INDICES: DocumentIndex[] = [
  { name: 'UQ_tax_liability_taxpayer_period_key_tax_type', columns: ['taxpayer_id', 'period_key', 'tax_type'], unique: true },
  { name: 'IDX_tax_liability_taxpayer_start', columns: ['taxpayer_id', 'period_start'] },
];

/** Payments: id = the treasury's paymentId (the same payment reported twice is recorded once). */
export const PAYMENT_COLUMNS = {
  taxpayer_id: 'text',
  liability_id: 'text',
  treasury_at: 'timestamptz',
} as const satisfies Record<string, ColumnType>;

export const PAYMENT_INDICES: DocumentIndex[] = [
  { name: 'IDX_tax_payment_taxpayer_treasury_at', columns: ['taxpayer_id', 'treasury_at'] },
  { name: 'IDX_tax_payment_liability', columns: ['liability_id'] },
];

export const ObligationEntity = documentEntity('tax_obligation', OBLIGATION_COLUMNS, OBLIGATION_INDICES);
export const ReturnEntity = documentEntity('tax_return', RETURN_COLUMNS, RETURN_INDICES);
export const LiabilityEntity = documentEntity('tax_liability', LIABILITY_COLUMNS, LIABILITY_INDICES);
export const PaymentEntity = documentEntity('tax_payment', PAYMENT_COLUMNS, PAYMENT_INDICES);

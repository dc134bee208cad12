import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Risk cases (R8.6), refund claims (§9) and clearance cases (§10): documents with what queries and scoping need. */
export const RISK_CASE_COLUMNS = { taxpayer_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const REFUND_CLAIM_COLUMNS = { taxpayer_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const CLEARANCE_CASE_COLUMNS = { taxpayer_id: 'text', status: 'text', certificate_no: 'text' } as const satisfies Record<string, ColumnType>;

export const RISK_CASE_INDICES: DocumentIndex[] = [{ name: 'IDX_risk_case_taxpayer_status', columns: ['taxpayer_id', 'status'] }];
export const REFUND_CLAIM_INDICES: DocumentIndex[] = [{ name: 'IDX_refund_claim_taxpayer_status', columns: ['taxpayer_id', 'status'] }];
export const CLEARANCE_CASE_INDICES: DocumentIndex[] = [
  { name: 'IDX_clearance_case_taxpayer', columns: ['taxpayer_id'] },
  { name: 'UQ_clearance_case_certificate', columns: ['certificate_no'], unique: true },
];

export const RiskCaseEntity = documentEntity('risk_case', RISK_CASE_COLUMNS, RISK_CASE_INDICES);
export const RefundClaimEntity = documentEntity('refund_claim', REFUND_CLAIM_COLUMNS, REFUND_CLAIM_INDICES);
export const ClearanceCaseEntity = documentEntity('clearance_case', CLEARANCE_CASE_COLUMNS, CLEARANCE_CASE_INDICES);

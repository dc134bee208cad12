import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Bankruptcy tax files, access grants, tax claims, debtor-information queries (tax.md §11) and re-rating applications (R8.7). */
export const BANKRUPTCY_TAX_FILE_COLUMNS = { taxpayer_id: 'text', court_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const DEBTOR_INFO_GRANT_COLUMNS = { case_id: 'text', administrator_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const BANKRUPTCY_TAX_CLAIM_COLUMNS = { case_id: 'text', taxpayer_id: 'text', status: 'text' } as const satisfies Record<string, ColumnType>;
export const DEBTOR_INFO_QUERY_COLUMNS = { case_id: 'text', administrator_id: 'text' } as const satisfies Record<string, ColumnType>;
export const CREDIT_RERATING_COLUMNS = { taxpayer_id: 'text', status: 'text', year: 'integer' } as const satisfies Record<string, ColumnType>;

export const BANKRUPTCY_TAX_FILE_INDICES: DocumentIndex[] = [
  { name: 'IDX_bankruptcy_tax_file_taxpayer', columns: ['taxpayer_id'] },
  { name: 'IDX_bankruptcy_tax_file_court', columns: ['court_id'] },
];
export const DEBTOR_INFO_GRANT_INDICES: DocumentIndex[] = [{ name: 'IDX_debtor_info_grant_case_admin', columns: ['case_id', 'administrator_id', 'status'] }];
export const BANKRUPTCY_TAX_CLAIM_INDICES: DocumentIndex[] = [{ name: 'IDX_bankruptcy_tax_claim_case', columns: ['case_id', 'status'] }];
export const DEBTOR_INFO_QUERY_INDICES: DocumentIndex[] = [{ name: 'IDX_debtor_info_query_case', columns: ['case_id', 'administrator_id'] }];
export const CREDIT_RERATING_INDICES: DocumentIndex[] = [{ name: 'IDX_credit_rerating_taxpayer_year', columns: ['taxpayer_id', 'year'] }];

export const BankruptcyTaxFileEntity = documentEntity('bankruptcy_tax_file', BANKRUPTCY_TAX_FILE_COLUMNS, BANKRUPTCY_TAX_FILE_INDICES);
export const DebtorInfoGrantEntity = documentEntity('debtor_info_grant', DEBTOR_INFO_GRANT_COLUMNS, DEBTOR_INFO_GRANT_INDICES);
export const BankruptcyTaxClaimEntity = documentEntity('bankruptcy_tax_claim', BANKRUPTCY_TAX_CLAIM_COLUMNS, BANKRUPTCY_TAX_CLAIM_INDICES);
export const DebtorInfoQueryEntity = documentEntity('debtor_info_query', DEBTOR_INFO_QUERY_COLUMNS, DEBTOR_INFO_QUERY_INDICES);
export const CreditReratingEntity = documentEntity('credit_rerating', CREDIT_RERATING_COLUMNS, CREDIT_RERATING_INDICES);

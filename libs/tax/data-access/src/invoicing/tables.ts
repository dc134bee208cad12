import { EntitySchema } from 'typeorm';
import { documentEntity, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';

/** Invoices (blue and red letter), id = invoiceNo; the hashed document and the lifecycle in `data`. */
export const INVOICE_COLUMNS = {
  issuer_id: 'text',
  buyer_id: 'text',
  status: 'text',
  issued_on: 'date',
  original_invoice_no: 'text',
} as const satisfies Record<string, ColumnType>;
export const INVOICE_INDICES: DocumentIndex[] = [
  { name: 'IDX_invoice_issuer', columns: ['issuer_id', 'created_at', 'id'] },
  { name: 'IDX_invoice_original', columns: ['original_invoice_no'], where: '"original_invoice_no" IS NOT NULL' },
];

/** Per issuer: its hash-chain head and its quota use per month (the row every issue locks). */
export const INVOICE_ISSUER_COLUMNS = {} as const satisfies Record<string, ColumnType>;

/** The buyer's digital tax account (税务数字账户): one row per received invoice, id = `<taxpayerId>:<invoiceNo>`. */
export const INVOICE_ACCOUNT_COLUMNS = {
  taxpayer_id: 'text',
  invoice_no: 'text',
  issuer_id: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;
export const INVOICE_ACCOUNT_INDICES: DocumentIndex[] = [{ name: 'IDX_invoice_account_taxpayer', columns: ['taxpayer_id', 'created_at', 'id'] }];

/** Every public verification (查验): the audit of who asked what and the answer. */
export const INVOICE_VERIFICATION_COLUMNS = {
  invoice_no: 'text',
  outcome: 'text',
} as const satisfies Record<string, ColumnType>;
export const INVOICE_VERIFICATION_INDICES: DocumentIndex[] = [{ name: 'IDX_invoice_verification_invoice', columns: ['invoice_no'] }];

/** UKey orders (UKeyIssuance), id = the issuance id. */
export const UKEY_ISSUANCE_COLUMNS = {
  taxpayer_id: 'text',
  status: 'text',
} as const satisfies Record<string, ColumnType>;
export const UKEY_ISSUANCE_INDICES: DocumentIndex[] = [{ name: 'IDX_ukey_issuance_taxpayer', columns: ['taxpayer_id'] }];

export const InvoiceEntity = documentEntity('invoice', INVOICE_COLUMNS, INVOICE_INDICES);
export const InvoiceIssuerEntity = documentEntity('invoice_issuer', INVOICE_ISSUER_COLUMNS);
export const InvoiceAccountEntryEntity = documentEntity('invoice_account_entry', INVOICE_ACCOUNT_COLUMNS, INVOICE_ACCOUNT_INDICES);
export const InvoiceVerificationEntity = documentEntity('invoice_verification', INVOICE_VERIFICATION_COLUMNS, INVOICE_VERIFICATION_INDICES);
export const UKeyIssuanceEntity = documentEntity('ukey_issuance', UKEY_ISSUANCE_COLUMNS, UKEY_ISSUANCE_INDICES);

/**
 * The invoice number's 15-digit serial (顺序编码) per region and year: one counter row per
 * `<region>-<year>`, incremented under its row lock in the issuing transaction (gapless: a rolled
 * back issue gives its number back).
 */
export const InvoiceSerialEntity = new EntitySchema({
  name: 'invoice_serial',
  columns: {
    id: { type: 'text', primary: true, primaryKeyConstraintName: 'PK_invoice_serial' },
    last_serial: { type: 'bigint' },
  },
});

export const INVOICE_SERIAL_TABLE_SQL = `CREATE TABLE "invoice_serial" ("id" text NOT NULL, "last_serial" bigint NOT NULL, CONSTRAINT "PK_invoice_serial" PRIMARY KEY ("id"))`;

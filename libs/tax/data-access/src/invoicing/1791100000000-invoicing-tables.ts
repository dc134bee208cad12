import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql } from '@one-window/shared/persistence';
import {
  INVOICE_ACCOUNT_COLUMNS,
  INVOICE_ACCOUNT_INDICES,
  INVOICE_COLUMNS,
  INVOICE_INDICES,
  INVOICE_ISSUER_COLUMNS,
  INVOICE_SERIAL_TABLE_SQL,
  INVOICE_VERIFICATION_COLUMNS,
  INVOICE_VERIFICATION_INDICES,
  UKEY_ISSUANCE_COLUMNS,
  UKEY_ISSUANCE_INDICES,
} from './tables';

const TABLES = [
  ['invoice', INVOICE_COLUMNS, INVOICE_INDICES],
  ['invoice_issuer', INVOICE_ISSUER_COLUMNS, []],
  ['invoice_account_entry', INVOICE_ACCOUNT_COLUMNS, INVOICE_ACCOUNT_INDICES],
  ['invoice_verification', INVOICE_VERIFICATION_COLUMNS, INVOICE_VERIFICATION_INDICES],
  ['ukey_issuance', UKEY_ISSUANCE_COLUMNS, UKEY_ISSUANCE_INDICES],
] as const;

/** Fully digital e-invoices, the issuers' chains and quotas, the buyers' digital accounts, verifications and UKey orders (tax.md §5). */
export class InvoicingTables1791100000000 implements MigrationInterface {
  name = 'InvoicingTables1791100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of TABLES) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
    await q.query(INVOICE_SERIAL_TABLE_SQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "invoice_serial"`);
    for (const [table] of [...TABLES].reverse()) await q.query(`DROP TABLE "${table}"`);
  }
}

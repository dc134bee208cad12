import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql, documentTableSql, type ColumnType, type DocumentIndex } from '@one-window/shared/persistence';
import {
  LIABILITY_COLUMNS,
  LIABILITY_INDICES,
  OBLIGATION_COLUMNS,
  OBLIGATION_INDICES,
  PAYMENT_COLUMNS,
  PAYMENT_INDICES,
  RETURN_COLUMNS,
  RETURN_INDICES,
} from '../tables';

const TABLES: [string, Record<string, ColumnType>, DocumentIndex[]][] = [
  ['tax_obligation', OBLIGATION_COLUMNS, OBLIGATION_INDICES],
  ['tax_return', RETURN_COLUMNS, RETURN_INDICES],
  ['tax_liability', LIABILITY_COLUMNS, LIABILITY_INDICES],
  ['tax_payment', PAYMENT_COLUMNS, PAYMENT_INDICES],
];

/** Obligations, returns, liabilities and payments (tax.md §6). */
export class FilingTables1791200000000 implements MigrationInterface {
  name = 'FilingTables1791200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, columns, indices] of TABLES) {
      await q.query(documentTableSql(table, columns));
      for (const index of indices) await q.query(documentIndexSql(table, index));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...TABLES].reverse()) await q.query(`DROP TABLE "${table}"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { documentIndexSql as indexSql, documentTableSql } from '@one-window/shared/persistence';
import {
  APPLICATION_COLUMNS,
  APPLICATION_INDICES,
  COMPANY_COLUMNS,
  COMPANY_INDICES,
  NAME_RESERVATION_COLUMNS,
  NAME_RESERVATION_INDICES,
} from '../tables';

/** Name reservations, establishment applications, companies, and the dev credit-code counters. */
export class RegistrationTables1790000000000 implements MigrationInterface {
  name = 'RegistrationTables1790000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(documentTableSql('name_reservation', NAME_RESERVATION_COLUMNS));
    for (const index of NAME_RESERVATION_INDICES) await q.query(indexSql('name_reservation', index));
    await q.query(documentTableSql('application', APPLICATION_COLUMNS));
    for (const index of APPLICATION_INDICES) await q.query(indexSql('application', index));
    await q.query(documentTableSql('company', COMPANY_COLUMNS));
    for (const index of COMPANY_INDICES) await q.query(indexSql('company', index));
    await q.query(
      `CREATE TABLE "credit_code_sequence" ("prefix" text NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_credit_code_sequence" PRIMARY KEY ("prefix"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "credit_code_sequence"`);
    await q.query(`DROP TABLE "company"`);
    await q.query(`DROP TABLE "application"`);
    await q.query(`DROP TABLE "name_reservation"`);
  }
}

export const REGISTRATION_MIGRATIONS = [RegistrationTables1790000000000];

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Form bundle numbers (the 12-digit number a taxpayer quotes for a filing, §6) take their serial
 * from one PostgreSQL sequence instead of 4 random digits, which repeated within a day once a few
 * hundred returns were filed. `nextval` holds no lock, so filings do not queue behind each other;
 * a rolled-back filing leaves a gap.
 */
export class FormBundleSerial1794000000000 implements MigrationInterface {
  name = 'FormBundleSerial1794000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "form_bundle_serial" START WITH 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE "form_bundle_serial"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_TABLE_SQL } from '@one-window/shared/auth';
import { CreateHttpIdempotencyKeys1767225600000 } from '@one-window/shared/http';
import { MESSAGING_MIGRATIONS } from '@one-window/shared/messaging';
import { SCHEDULING_MIGRATIONS } from '@one-window/shared/scheduling';

export class AuditLog1763900000001 implements MigrationInterface {
  name = 'AuditLog1763900000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_TABLE_SQL);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_log');
    await q.query('DROP FUNCTION IF EXISTS audit_log_refuse_change()');
  }
}

/** Tables every service database has, migrated before the service's own. */
export const PLATFORM_MIGRATIONS = [...MESSAGING_MIGRATIONS, CreateHttpIdempotencyKeys1767225600000, AuditLog1763900000001, ...SCHEDULING_MIGRATIONS];

import type { AuditEntry } from './audit-entry';
import { AuditSink } from './audit-sink';

/** Runs one parameterised statement, e.g. `(sql, params) => pool.query(sql, params).then((r) => r.rows)`. */
export type AuditQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

export const INSERT_AUDIT_ENTRY_SQL =
  'INSERT INTO audit_log (at, actor_subject, actor_roles, actor_agency_id, action, resource, status, result, request_id) ' +
  'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)';

/** Writes entries into `audit_log` (see AUDIT_TABLE_SQL). */
export class PostgresAuditSink extends AuditSink {
  constructor(private readonly query: AuditQuery) {
    super();
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.query(INSERT_AUDIT_ENTRY_SQL, [
      entry.at,
      entry.actor?.subject ?? null,
      entry.actor?.roles ?? [],
      entry.actor?.agencyId ?? null,
      entry.action,
      entry.resource,
      entry.outcome.status,
      entry.outcome.result,
      entry.requestId ?? null,
    ]);
  }
}

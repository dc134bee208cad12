import type { AuditEntry } from './audit-entry';

/**
 * Port where audit entries go. Also the Nest injection token:
 * `{ provide: AuditSink, useValue: new PostgresAuditSink(query) }`.
 */
export abstract class AuditSink {
  abstract record(entry: AuditEntry): Promise<void>;
}

import type { AuditEntry } from './audit-entry';
import { AuditSink } from './audit-sink';

/** Keeps entries in memory; for tests. */
export class InMemoryAuditSink extends AuditSink {
  readonly entries: AuditEntry[] = [];

  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

import type { EntityManager } from 'typeorm';
import { DocumentStore } from '@one-window/shared/persistence';

/** One ticket event as the history keeps it. */
export interface TicketHistoryRow {
  readonly eventId: string;
  /** The event name without its version, e.g. `complaints.ticket.closed`. */
  readonly type: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
}

/** The append-only ticket event history (§6 metrics are computed from it). */
export class TicketEventHistoryRepository {
  /** Appends one event; false when it is already there (the same event delivered again). */
  async append(tx: EntityManager, row: TicketHistoryRow): Promise<boolean> {
    const d = row.data;
    const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
    const ticketId = s('ticketId');
    if (!ticketId) return false;
    const rows: unknown = await tx.query(
      `INSERT INTO ticket_event_history (event_id, type, ticket_id, submission_id, jurisdiction_id, unit_id, occurred_at, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [row.eventId, row.type, ticketId, s('submissionId'), s('jurisdictionId'), s('unitId'), row.occurredAt, JSON.stringify(d)],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  /**
   * The events that occurred at or before `asOf`, in order, optionally of one jurisdiction. Every
   * event of a ticket is read (a ticket registered long before the period may close in it).
   */
  async upTo(tx: EntityManager, asOf: Date, o: { jurisdictionId?: string } = {}): Promise<{ type: string; occurredAt: Date; data: Record<string, unknown> }[]> {
    const rows: { type: string; occurred_at: Date; data: Record<string, unknown> }[] = await tx.query(
      `SELECT type, occurred_at, data FROM ticket_event_history
        WHERE occurred_at <= $1 AND ($2::text IS NULL OR jurisdiction_id = $2)
        ORDER BY occurred_at, recorded_at, event_id`,
      [asOf, o.jurisdictionId ?? null],
    );
    return rows.map((r) => ({ type: r.type, occurredAt: new Date(r.occurred_at), data: r.data }));
  }

  async count(tx: EntityManager): Promise<number> {
    const [row]: { n: string }[] = await tx.query(`SELECT count(*) AS n FROM ticket_event_history`);
    return Number(row.n);
  }
}

/** A generated quarterly report as stored (the artefact `complaints.report.quarterly_generated` refers to). */
export interface QuarterlyReportRecord {
  readonly id: string;
  readonly period: string;
  /** The unit the report is restricted to (an officer's), or null for the whole jurisdiction. */
  readonly unitId: string | null;
  readonly generatedAt: Date;
  readonly generatedBy: string;
  readonly report: unknown;
}

export class QuarterlyReportRepository {
  readonly store = new DocumentStore<QuarterlyReportRecord>('quarterly_report', (r) => ({ period: r.period, unit_id: r.unitId }));

  insert(tx: EntityManager, r: QuarterlyReportRecord): Promise<number> {
    return this.store.insert(tx, r);
  }

  async get(tx: EntityManager, id: string): Promise<QuarterlyReportRecord | undefined> {
    return (await this.store.get(tx, id))?.doc;
  }
}

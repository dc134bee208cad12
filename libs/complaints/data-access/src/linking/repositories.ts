import type { EntityManager } from 'typeorm';
import type { MergeNotification, MergeRecordState, TicketLink, TicketState } from '@one-window/complaints/domain';
import { DocumentStore, reviveDates, type Stored } from '@one-window/shared/persistence';

/** A stored link: the domain link with its row id. */
export type StoredTicketLink = TicketLink & { readonly id: string };

/** Ticket links; a link of the same type between the same two tickets is written once. */
export class TicketLinkRepository {
  readonly store = new DocumentStore<StoredTicketLink>('ticket_link', (l) => ({ type: l.type, from_ticket_id: l.fromTicketId, to_ticket_id: l.toTicketId }));

  /** Inserts the link; false when the same link already exists. */
  async insert(tx: EntityManager, link: StoredTicketLink): Promise<boolean> {
    const rows: unknown = await tx.query(
      `INSERT INTO ticket_link (id, version, data, type, from_ticket_id, to_ticket_id) VALUES ($1, 1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [link.id, JSON.stringify(link), link.type, link.fromTicketId, link.toTicketId],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  /** Every link touching the ticket, oldest first. */
  async of(tx: EntityManager, ticketId: string): Promise<StoredTicketLink[]> {
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM ticket_link WHERE from_ticket_id = $1 OR to_ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
    return rows.map((r) => reviveDates<StoredTicketLink>(r.data));
  }
}

/** Merge records as JSON documents; primary, secondary and status projected. */
export class TicketMergeRepository {
  readonly store = new DocumentStore<MergeRecordState>('ticket_merge', (m) => ({
    jurisdiction_id: m.jurisdictionId,
    primary_ticket_id: m.primaryTicketId,
    secondary_ticket_id: m.secondary.ticketId,
    status: m.status,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<MergeRecordState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, m: MergeRecordState): Promise<number> {
    return this.store.insert(tx, m);
  }

  update(tx: EntityManager, m: MergeRecordState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, m, expectedVersion);
  }

  /** The merge records where the ticket is the primary or the secondary, oldest first. */
  async of(tx: EntityManager, ticketId: string): Promise<MergeRecordState[]> {
    const rows: { data: unknown }[] = await tx.query(`SELECT data FROM ticket_merge WHERE primary_ticket_id = $1 OR secondary_ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
    return rows.map((r) => reviveDates<MergeRecordState>(r.data));
  }
}

/** A notification intent as stored: the domain intent, the merge it comes from, and whether it was sent. */
export interface MergeNotificationRecord {
  readonly id: string;
  readonly mergeId: string;
  readonly kind: MergeNotification['kind'];
  /** `caller`: the caller of `ticketId` (resolved by the notifier); `unit`: the unit. */
  readonly recipient: { readonly role: 'caller'; readonly ticketId: string } | { readonly role: 'unit'; readonly unitId: string };
  readonly ticketId: string;
  readonly primaryTicketId: string;
  readonly secondaryTicketId: string;
  readonly at: Date;
  readonly status: 'PENDING' | 'SENT';
}

export class MergeNotificationRepository {
  readonly store = new DocumentStore<MergeNotificationRecord>('merge_notification', (n) => ({
    merge_id: n.mergeId,
    kind: n.kind,
    status: n.status,
    recipient_unit_id: n.recipient.role === 'unit' ? n.recipient.unitId : null,
  }));

  insert(tx: EntityManager, n: MergeNotificationRecord): Promise<number> {
    return this.store.insert(tx, n);
  }

  async ofMerge(tx: EntityManager, mergeId: string): Promise<MergeNotificationRecord[]> {
    return (await this.store.findBy(tx, { merge_id: mergeId }, { limit: 100 })).map((s) => s.doc);
  }
}

/** The fields of a ticket the duplicate search compares, from the ticket and its submission. */
export interface DuplicateProbeRow {
  readonly ticket: TicketState;
  readonly uscc: string | null;
  readonly content: string | null;
  readonly addressId: string | null;
  readonly location: { lat: number; long: number } | null;
}

/** Reads recent tickets of one jurisdiction and scenario for the duplicate search (§5). */
export class DuplicateProbeReader {
  /** Tickets of the jurisdiction and scenario registered since `since` (at most `limit`, newest first), with their submission's intake. */
  async recent(tx: EntityManager, q: { jurisdictionId: string; scenarioCode: string; since: Date; limit: number }): Promise<DuplicateProbeRow[]> {
    const rows: { ticket: unknown; submission: Record<string, unknown> | null }[] = await tx.query(
      `SELECT t.data AS ticket, s.data AS submission
         FROM ticket t LEFT JOIN submission s ON s.id = t.submission_id
        WHERE t.jurisdiction_id = $1 AND t.data->>'scenarioCode' = $2 AND (t.data->>'registeredAt')::timestamptz >= $3
        ORDER BY (t.data->>'registeredAt')::timestamptz DESC, t.id LIMIT $4`,
      [q.jurisdictionId, q.scenarioCode, q.since, Math.min(q.limit, 1000)],
    );
    return rows.map((r) => probeRow(reviveDates<TicketState>(r.ticket), r.submission));
  }

  async one(tx: EntityManager, ticketId: string): Promise<DuplicateProbeRow | undefined> {
    const rows: { ticket: unknown; submission: Record<string, unknown> | null }[] = await tx.query(
      `SELECT t.data AS ticket, s.data AS submission FROM ticket t LEFT JOIN submission s ON s.id = t.submission_id WHERE t.id = $1`,
      [ticketId],
    );
    return rows[0] ? probeRow(reviveDates<TicketState>(rows[0].ticket), rows[0].submission) : undefined;
  }
}

function probeRow(ticket: TicketState, submission: Record<string, unknown> | null): DuplicateProbeRow {
  const intake = (submission?.['intake'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const loc = intake['location'] as { lat?: unknown; long?: unknown } | undefined;
  const location = loc && typeof loc.lat === 'number' && typeof loc.long === 'number' ? { lat: loc.lat, long: loc.long } : null;
  return { ticket, uscc: str(submission?.['uscc']), content: str(intake['content']), addressId: str(intake['addressId']), location };
}

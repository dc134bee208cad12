import type { EntityManager } from 'typeorm';
import type { CallerDetails, CallerField, SubmissionState, TicketState } from '@one-window/complaints/domain';
import { DocumentStore, type Stored } from '@one-window/shared/persistence';

type Where = Record<string, string>;
type Page = { limit: number; afterId?: string };

/** Submissions as JSON documents; caller key, status and jurisdiction projected. */
export class SubmissionRepository {
  readonly store = new DocumentStore<SubmissionState>('submission', (s) => ({ caller_key: s.callerKey, status: s.status, jurisdiction_id: s.jurisdictionId }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<SubmissionState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, s: SubmissionState): Promise<number> {
    return this.store.insert(tx, s);
  }

  update(tx: EntityManager, s: SubmissionState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, s, expectedVersion);
  }

  list(tx: EntityManager, where: Where, page: Page): Promise<Stored<SubmissionState>[]> {
    return this.store.findBy(tx, where, page);
  }
}

/** The ticket document never holds the caller's details (they live in `caller_personal_data`). */
function withoutCaller(t: TicketState): TicketState {
  const { caller: _personal, ...rest } = t;
  return rest;
}

/** Tickets as JSON documents; submission, unit, state, caller key, jurisdiction and district projected for scoping and queues. */
export class TicketRepository {
  readonly store = new DocumentStore<TicketState>('ticket', (t) => ({
    submission_id: t.submissionId,
    unit_id: t.unitId ?? null,
    state: t.state,
    caller_key: t.callerKey,
    jurisdiction_id: t.jurisdictionId,
    district: t.area ?? null,
  }));

  get(tx: EntityManager, id: string, o: { lock?: boolean } = {}): Promise<Stored<TicketState> | undefined> {
    return this.store.get(tx, id, o);
  }

  insert(tx: EntityManager, t: TicketState): Promise<number> {
    return this.store.insert(tx, withoutCaller(t));
  }

  update(tx: EntityManager, t: TicketState, expectedVersion: number): Promise<number> {
    return this.store.update(tx, withoutCaller(t), expectedVersion);
  }

  /** A page of tickets whose projected columns equal `where` (unit_id, state, caller_key, submission_id, district), oldest first. */
  list(tx: EntityManager, where: Where, page: Page): Promise<Stored<TicketState>[]> {
    return this.store.findBy(tx, where, page);
  }

  /** The ids of the tickets of a district (GB/T 2260 code), for metrics and other per-district reads. */
  async idsInDistrict(tx: EntityManager, district: string): Promise<Set<string>> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM ticket WHERE district = $1`, [district]);
    return new Set(rows.map((r) => r.id));
  }
}

/** One caller's personal data, kept apart (spec §2 confidentiality, §3.1 callerRef). */
export interface CallerRecord {
  /** The callerRef. */
  id: string;
  submissionId: string;
  details: CallerDetails;
  /** Fields the caller asked to hide from units (partial anonymity, 002 L1493). */
  hiddenFields: CallerField[];
  whistleblower: boolean;
}

export class CallerRepository {
  readonly store = new DocumentStore<CallerRecord>('caller_personal_data', (c) => ({ submission_id: c.submissionId }));

  insert(tx: EntityManager, c: CallerRecord): Promise<number> {
    return this.store.insert(tx, c);
  }

  async forSubmission(tx: EntityManager, submissionId: string): Promise<CallerRecord | undefined> {
    const [found] = await this.store.findBy(tx, { submission_id: submissionId }, { limit: 1 });
    return found?.doc;
  }

  async update(tx: EntityManager, c: CallerRecord): Promise<void> {
    const stored = await this.store.get(tx, c.id, { lock: true });
    if (stored) await this.store.update(tx, c, stored.version);
  }
}

/** The deadline reminders sent: one per ticket and deadline instant. */
export class ReminderRepository {
  /** Records the reminder; false when it was already recorded (it went out before). */
  async record(tx: EntityManager, ticketId: string, deadlineAt: Date): Promise<boolean> {
    const rows: unknown = await tx.query(
      `INSERT INTO ticket_reminder (ticket_id, deadline_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [ticketId, deadlineAt],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  async sent(tx: EntityManager, ticketId: string, deadlineAt: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM ticket_reminder WHERE ticket_id = $1 AND deadline_at = $2`, [ticketId, deadlineAt]);
    return rows.length > 0;
  }
}

/** The escalations published (`ticket.escalated`): one per ticket, clock and due instant. */
export class EscalationRepository {
  /** Records the escalation; false when it was already recorded (it went out before). */
  async record(tx: EntityManager, ticketId: string, clock: string, dueAt: Date): Promise<boolean> {
    const rows: unknown = await tx.query(
      `INSERT INTO ticket_escalation (ticket_id, clock, due_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [ticketId, clock, dueAt],
    );
    return Array.isArray(rows) && rows.length > 0;
  }

  async recorded(tx: EntityManager, ticketId: string, clock: string, dueAt: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM ticket_escalation WHERE ticket_id = $1 AND clock = $2 AND due_at = $3`, [ticketId, clock, dueAt]);
    return rows.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketEventHistoryRepository } from '@one-window/complaints/data-access';
import type { CloudEvent } from '@one-window/shared/messaging';

/** The event name of a CloudEvents type: `complaints.ticket.closed.v1` → `complaints.ticket.closed`. */
export function eventName(type: string): string {
  return type.replace(/\.v\d+$/, '');
}

/**
 * The history consumer (group `complaints.metrics-history`): every ticket event the service
 * published on its own topic is appended, once, to `ticket_event_history` (the inbox makes
 * delivery idempotent; the event id is also the row's key). The §6 metrics are computed from it.
 */
@Injectable()
export class RecordTicketHistoryHandler {
  constructor(private readonly history: TicketEventHistoryRepository) {}

  async execute(e: CloudEvent, tx: EntityManager): Promise<void> {
    const type = eventName(e.type);
    if (!type.startsWith('complaints.ticket.')) return;
    const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
    const occurred = typeof data['occurredAt'] === 'string' ? new Date(data['occurredAt']) : new Date(e.time);
    await this.history.append(tx, { eventId: e.id, type, occurredAt: Number.isNaN(occurred.getTime()) ? new Date(e.time) : occurred, data });
  }
}

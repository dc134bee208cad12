import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { COMPLAINTS_EVENTS_BY_NAME } from '@one-window/complaints/contracts';
import type { DomainEvent } from '@one-window/complaints/domain';
import { Outbox } from '@one-window/shared/messaging';

/** Fields the domain events carry for the service only, never published (§8: withdrawn's N-only field). */
const INTERNAL_ONLY: Record<string, readonly string[]> = {
  'complaints.ticket.withdrawn': ['investigationContinues'],
};

/** The data as published: the domain data without its internal-only fields. */
export function publishedData(e: DomainEvent): Record<string, unknown> {
  const data = { ...(e.data as Record<string, unknown>) };
  for (const field of INTERNAL_ONLY[e.type] ?? []) delete data[field];
  return data;
}

/**
 * Appends the domain events to the outbox in the caller's transaction, each under its contract
 * (the name equals the domain event's type), keyed by the domain event's partition key (the
 * submission id: one contact stays ordered, §8). An event without a contract is a programming
 * error and fails the transaction.
 */
@Injectable()
export class ComplaintsEvents {
  constructor(private readonly outbox: Outbox) {}

  async publish(tx: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      const def = COMPLAINTS_EVENTS_BY_NAME.get(e.type);
      if (!def) throw new Error(`No contract for the domain event ${e.type}`);
      await this.outbox.append(tx, def, { aggregateId: e.partitionKey, data: publishedData(e), time: e.occurredAt });
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TAX_EVENTS } from '@one-window/tax/contracts';
import type { TaxEvent } from '@one-window/tax/domain';
import { Outbox, type EventDefinition } from '@one-window/shared/messaging';

const CONTRACTS = new Map<string, EventDefinition<unknown>>(TAX_EVENTS.map((def) => [def.name, def as EventDefinition<unknown>]));

/**
 * Appends the domain's events to the outbox in the caller's transaction, each under its published
 * contract (same name, current version). A domain event with no contract is a programming error:
 * every tax event is part of the catalogue.
 */
@Injectable()
export class TaxEvents {
  constructor(private readonly outbox: Outbox) {}

  async publish(tx: EntityManager, events: readonly TaxEvent[], causation?: { correlationId?: string; causationId?: string }): Promise<void> {
    for (const e of events) {
      const def = CONTRACTS.get(e.type);
      if (!def) throw new Error(`No published contract for domain event ${e.type}`);
      await this.outbox.append(tx, def, { aggregateId: e.aggregateId, data: e.data, time: e.occurredAt, ...causation });
    }
  }
}

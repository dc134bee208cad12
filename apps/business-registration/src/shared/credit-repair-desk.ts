import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CreditRepairOverdue, CreditRepairUpdated } from '@one-window/business-registration/contracts';
import type { CreditRepairUpdate, DomainEvent, Outcome } from '@one-window/business-registration/domain';
import { CreditRepairUpdateRepository, type CreditRepairUpdateRecord } from '@one-window/business-registration/data-access';
import { Outbox, type EventDefinition } from '@one-window/shared/messaging';
import type { Stored } from '@one-window/shared/persistence';
import { Timers } from '@one-window/shared/scheduling';

/** The durable timer at a credit-repair update's due time (key: the request id). */
export const CREDIT_REPAIR_DUE_TIMER = 'registration.credit_repair.due';

const CONTRACTS: Record<string, EventDefinition<unknown>> = {
  'registration.credit_repair.updated': CreditRepairUpdated as EventDefinition<unknown>,
  'registration.credit_repair.overdue': CreditRepairOverdue as EventDefinition<unknown>,
};

/** Storing credit-repair updates: the record, its events (outbox) and its due timer, in the caller's transaction. */
@Injectable()
export class CreditRepairDesk {
  constructor(
    private readonly updates: CreditRepairUpdateRepository,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
  ) {}

  /** A new request: stored once (false when that request id is known), the due timer planned. */
  async open(tx: EntityManager, update: CreditRepairUpdate, authorityCode: string): Promise<boolean> {
    const s = update.state;
    if (!(await this.updates.insertOnce(tx, { ...s, authorityCode }))) return false;
    await this.timers.schedule(tx, { kind: CREDIT_REPAIR_DUE_TIMER, key: s.id, dueAt: s.dueAt, payload: { uscc: s.uscc } });
    return true;
  }

  /** A command's outcome: the record updated, its events appended; the due timer cancelled once the update is confirmed (unless the timer itself is firing). */
  async save(tx: EntityManager, stored: Stored<CreditRepairUpdateRecord>, outcome: Outcome<CreditRepairUpdate>, o: { cancelTimer: boolean }): Promise<CreditRepairUpdateRecord> {
    const next: CreditRepairUpdateRecord = { ...outcome.aggregate.state, authorityCode: stored.doc.authorityCode };
    await this.updates.update(tx, next, stored.version);
    await this.publish(tx, outcome.events);
    if (o.cancelTimer && next.status === 'UPDATED') await this.timers.cancel(tx, CREDIT_REPAIR_DUE_TIMER, next.id);
    return next;
  }

  private async publish(tx: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      const def = CONTRACTS[e.type];
      if (def) await this.outbox.append(tx, def, { aggregateId: e.aggregateId, data: e.data, time: e.occurredAt });
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  BankAccountActivated,
  BankAccountDeclined,
  BankAccountPreset,
  SealMakerDisqualified,
  SealMakerWarned,
  SealOrderDelivered,
  SealOrderDispatched,
  SealOrderOverdue,
  SetupBundleCompleted,
  SetupBundleOpened,
  SetupBundlePartCompleted,
} from '@one-window/business-registration/contracts';
import type { DomainEvent } from '@one-window/business-registration/domain';
import { Outbox, type EventDefinition } from '@one-window/shared/messaging';

/** Domain event type → published contract, for the setup bundle and the seal makers' rotation. */
const CONTRACTS: Record<string, EventDefinition<unknown>> = {
  'registration.setup_bundle.opened': SetupBundleOpened,
  'registration.setup_bundle.part_completed': SetupBundlePartCompleted,
  'registration.setup_bundle.completed': SetupBundleCompleted,
  'registration.seal_order.dispatched': SealOrderDispatched,
  'registration.seal_order.delivered': SealOrderDelivered,
  'registration.seal_order.overdue': SealOrderOverdue,
  'registration.seal_maker.warned': SealMakerWarned,
  'registration.seal_maker.disqualified': SealMakerDisqualified,
  'registration.bank_account.preset': BankAccountPreset,
  'registration.bank_account.activated': BankAccountActivated,
  'registration.bank_account.declined': BankAccountDeclined,
};

/**
 * Appends bundle and rotation events to the outbox in the caller's transaction, keyed as the
 * domain keys them (bundle and bank events by credit code, seal orders by order id, sanctions by
 * maker). An event without a contract is a programming error: it throws, and the transaction rolls back.
 */
@Injectable()
export class BundleEvents {
  constructor(private readonly outbox: Outbox) {}

  async publish(tx: EntityManager, events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      const def = CONTRACTS[e.type];
      if (!def) throw new Error(`No published contract for ${e.type}`);
      await this.outbox.append(tx, def, { aggregateId: e.aggregateId, data: e.data, time: e.occurredAt });
    }
  }
}

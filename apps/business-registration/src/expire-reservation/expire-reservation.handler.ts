import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NameReservation } from '@one-window/business-registration/domain';
import { NameReservationRepository } from '@one-window/business-registration/data-access';
import { NameExpired, type NameExpiredData } from '@one-window/business-registration/contracts';
import { Outbox } from '@one-window/shared/messaging';
import type { Timer } from '@one-window/shared/scheduling';

/** The durable timer that expires a reservation at `expiresAt` (§10.1). */
export const RESERVATION_EXPIRY_TIMER = 'registration.name_reservation.expire';

/**
 * Fires at `expiresAt`, in the poller's transaction. Nothing to do once the reservation was
 * consumed or withdrawn. While an undecided application holds it, it stays RESERVED: the
 * refusal and withdrawal use cases reschedule the timer when they release the hold (NameHold).
 */
@Injectable()
export class ExpireReservationHandler {
  constructor(
    private readonly reservations: NameReservationRepository,
    private readonly outbox: Outbox,
  ) {}

  async execute(timer: Timer, tx: EntityManager): Promise<void> {
    const stored = await this.reservations.get(tx, timer.key, { lock: true });
    if (!stored || stored.doc.status !== 'RESERVED' || stored.doc.heldBy) return;
    const at = new Date(Math.max(Date.now(), stored.doc.expiresAt.getTime()));
    const { aggregate, events } = NameReservation.restore(stored.doc).expire(at);
    await this.reservations.update(tx, aggregate.state, stored.version);
    for (const e of events) await this.outbox.append(tx, NameExpired, { aggregateId: e.aggregateId, data: e.data as NameExpiredData, time: e.occurredAt });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NameReservation, type ApplicationState } from '@one-window/business-registration/domain';
import { NameReservationRepository } from '@one-window/business-registration/data-access';
import { Timers } from '@one-window/shared/scheduling';
import { RESERVATION_EXPIRY_TIMER } from '../expire-reservation/expire-reservation.handler';

/**
 * The name reservation an undecided application holds. When the application ends without a
 * registration (refused, withdrawn) the hold is released and the reservation's expiry timer is
 * scheduled again at `expiresAt` (at once if that has passed): it expires on its own term.
 */
@Injectable()
export class NameHold {
  constructor(
    private readonly reservations: NameReservationRepository,
    private readonly timers: Timers,
  ) {}

  async release(tx: EntityManager, application: ApplicationState): Promise<void> {
    const stored = await this.reservations.get(tx, application.form.nameReservationId, { lock: true });
    if (!stored || stored.doc.heldBy !== application.id) return;
    const released = NameReservation.restore(stored.doc).releaseHold(application.id).state;
    await this.reservations.update(tx, released, stored.version);
    if (released.status === 'RESERVED') await this.timers.schedule(tx, { kind: RESERVATION_EXPIRY_TIMER, key: released.id, dueAt: released.expiresAt });
  }
}

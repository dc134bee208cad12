import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NameReservation, type NameReservationState } from '@one-window/business-registration/domain';
import { NameReservationRepository } from '@one-window/business-registration/data-access';
import { NameReserved, type NameReservedData } from '@one-window/business-registration/contracts';
import { Outbox } from '@one-window/shared/messaging';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { RESERVATION_EXPIRY_TIMER } from '../expire-reservation/expire-reservation.handler';
import { NameIndex } from '../shared/name-index';
import type { ReserveNameDto } from './reserve-name.dto';

/** What the applicant sees of a reservation. */
export function reservationView(r: NameReservationState) {
  return {
    id: r.id,
    name: r.name,
    parts: r.parts,
    entityType: r.entityType,
    authorityCode: r.authorityCode,
    status: r.status,
    checkLevel: r.checkLevel,
    acknowledgedWarnings: r.acknowledgedWarnings,
    rulesVersion: r.rulesVersion,
    withPreApproval: r.withPreApproval,
    reservedAt: r.reservedAt,
    expiresAt: r.expiresAt,
    ...(r.heldBy ? { heldBy: r.heldBy } : {}),
    ...(r.consumedBy ? { consumedBy: r.consumedBy } : {}),
  };
}

/** Reserve a name (§2.1, §10.1): the self-check again, under a lock on the trade name, then the aggregate. */
@Injectable()
export class ReserveNameHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly names: NameIndex,
    private readonly reservations: NameReservationRepository,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
    private readonly outbox: Outbox,
  ) {}

  async execute(dto: ReserveNameDto, applicantId: string) {
    return this.ds.transaction(async (tx) => {
      await this.names.lockTradeName(tx, dto.name);
      const check = await this.names.check(tx, {
        name: dto.name,
        entityType: dto.entityType,
        authorityCode: dto.authorityCode,
        ...(dto.domicileDivisionCode ? { domicileDivisionCode: dto.domicileDivisionCode } : {}),
        ...(dto.restrictedWordApproved !== undefined ? { restrictedWordApproved: dto.restrictedWordApproved } : {}),
      });
      const { aggregate, events } = NameReservation.reserve({
        id: randomUUID(),
        applicantId,
        authorityCode: dto.authorityCode,
        entityType: dto.entityType,
        check,
        acknowledgedWarnings: dto.acknowledgedWarnings ?? [],
        commitmentSigned: dto.commitmentSigned,
        withPreApproval: dto.withPreApproval ?? false,
        at: new Date(),
        calendar: this.calendar,
      });
      await this.reservations.insert(tx, aggregate.state);
      for (const e of events) await this.outbox.append(tx, NameReserved, { aggregateId: e.aggregateId, data: e.data as NameReservedData, time: e.occurredAt });
      await this.timers.schedule(tx, { kind: RESERVATION_EXPIRY_TIMER, key: aggregate.state.id, dueAt: aggregate.state.expiresAt });
      return reservationView(aggregate.state);
    });
  }
}

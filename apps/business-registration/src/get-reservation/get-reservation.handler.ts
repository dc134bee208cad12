import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NameReservationRepository } from '@one-window/business-registration/data-access';
import { NotFoundError } from '../shared/errors';
import { reservationView } from '../reserve-name/reserve-name.handler';

/** The applicant's own reservation; anyone else's is "not found". */
@Injectable()
export class GetReservationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly reservations: NameReservationRepository,
  ) {}

  async execute(id: string, applicantId: string) {
    const stored = await this.reservations.get(this.ds.manager, id);
    if (!stored || stored.doc.applicantId !== applicantId) throw new NotFoundError('Name reservation', id);
    return reservationView(stored.doc);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NameReservation, type Application, type Outcome } from '@one-window/business-registration/domain';
import { NameReservationRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Timers } from '@one-window/shared/scheduling';
import { syncReviewTimer } from '../review-overdue/review-overdue.handler';
import { ApplicationAccess, type LoadedApplication } from '../shared/application-access';
import { NotFoundError } from '../shared/errors';
import { NameHold } from '../shared/name-hold';
import { RegisterCompany } from '../shared/register-company';
import type { DecisionDto } from './decision.dto';

const DEFAULT_REFUSAL_CODE = 'FORMAL_REQUIREMENTS_NOT_MET';

/**
 * The officer decides an application under review (§3.2, §10.2). Approve: REGISTERED with a
 * credit code, the company created, the name consumed and `CompanyRegistered` published (the same
 * step as 秒批). Refuse: REFUSED with the reasons and remedies; the name is released.
 */
@Injectable()
export class DecideApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly reservations: NameReservationRepository,
    private readonly registration: RegisterCompany,
    private readonly names: NameHold,
    private readonly calendar: WorkingCalendar,
    private readonly timers: Timers,
  ) {}

  async execute(id: string, dto: DecisionDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.access.forOfficer(tx, id, who, ifMatch);
      const at = new Date();
      const outcome = dto.outcome === 'APPROVE' ? await this.approve(tx, loaded, who, at) : await this.refuse(tx, loaded, dto, who, at);
      const view = await this.access.save(tx, loaded, outcome);
      await syncReviewTimer(this.timers, tx, outcome.aggregate, this.calendar);
      return view;
    });
  }

  private async approve(tx: EntityManager, loaded: LoadedApplication, who: Principal, at: Date): Promise<Outcome<Application>> {
    const a = loaded.application.state;
    const uscc = await this.registration.allocateCreditCode(tx, { applicationId: a.id, authorityCode: a.authorityCode, entityType: a.form.entityType });
    const outcome = loaded.application.approve({ at, officerId: who.subject, uscc, calendar: this.calendar });
    const stored = await this.reservations.get(tx, a.form.nameReservationId, { lock: true });
    if (!stored) throw new NotFoundError('Name reservation', a.form.nameReservationId);
    const consumed = await this.registration.record(tx, { application: outcome.aggregate.state, events: outcome.events, reservation: NameReservation.restore(stored.doc), at });
    await this.reservations.update(tx, consumed.state, stored.version);
    return outcome;
  }

  private async refuse(tx: EntityManager, loaded: LoadedApplication, dto: DecisionDto, who: Principal, at: Date): Promise<Outcome<Application>> {
    const outcome = loaded.application.refuse({ at, officerId: who.subject, reasonCode: dto.reasonCode ?? DEFAULT_REFUSAL_CODE, reasons: dto.reasons ?? [] });
    await this.names.release(tx, outcome.aggregate.state);
    return outcome;
  }
}

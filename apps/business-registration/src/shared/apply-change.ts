import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyChanged, type CompanyChangedData } from '@one-window/business-registration/contracts';
import { companyChangedData, contractPermitRoute, NameReservation, type RegisteredFacts } from '@one-window/business-registration/domain';
import {
  CompanyRepository,
  NameReservationRepository,
  REGISTRATION_REFERENCE_DATA,
  type CompanyRecord,
  type RegistrationReferenceData,
  type RequestedChange,
} from '@one-window/business-registration/data-access';
import type { Stored } from '@one-window/shared/persistence';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { Timers } from '@one-window/shared/scheduling';
import { RESERVATION_EXPIRY_TIMER } from '../expire-reservation/expire-reservation.handler';
import { ReservationNotUsableError } from './errors';
import { LicenceIssuer } from './licence-issuer';

/** A registered change as both routes answer it. */
export type AppliedChange = CompanyChangedData & { companyVersion: number; licenceVersion?: number };

/**
 * Registers a reviewed change (变更登记, §6), the one step shared by 秒批 and the officer's approval,
 * inside the caller's transaction (the company read locked): the company's new facts, a consumed
 * name reservation for a new name, `registration.company.changed` with each field before and after
 * (tax applies it without the taxpayer reporting, 002 L293), and a new licence version when the
 * licence shows what changed (the e-licence is updated in sync, 002 L1122).
 */
@Injectable()
export class ApplyChange {
  constructor(
    private readonly companies: CompanyRepository,
    private readonly reservations: NameReservationRepository,
    private readonly licences: LicenceIssuer,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async apply(tx: EntityManager, stored: Stored<CompanyRecord>, change: RequestedChange, o: { changeId: string; applicantId: string; at: Date }): Promise<AppliedChange> {
    const company = stored.doc;
    const newName = change.nameReservationId ? await this.consumeNewName(tx, change.nameReservationId, company, o.changeId, o.applicantId, o.at) : undefined;
    const before = factsOf(company);
    const after = factsAfter(before, change, newName);
    const data = companyChangedData({ uscc: company.uscc, changeId: o.changeId, before, after, effectiveOn: this.calendar.localDateOf(o.at).toString() });

    const updated: CompanyRecord = {
      ...company,
      name: after.name,
      domicile: after.domicile,
      capital: after.capital,
      scope: after.scope.map((code) => company.scope.find((s) => s.code === code) ?? { code, permitRoute: this.permitRouteOf(code) }),
      legalRepRef: after.legalRep,
    };
    const version = await this.companies.update(tx, updated, stored.version);
    await this.outbox.append(tx, CompanyChanged, { aggregateId: company.uscc, data, time: o.at });
    const licenceShowsChange = data.changes.some((c) => c.field === 'name' || c.field === 'legalRep');
    const licence = licenceShowsChange ? await this.licences.issue(tx, { ...updated, legalRep: updated.legalRepRef }, o.at, { kind: 'CHANGE', changeId: o.changeId }) : undefined;
    return { ...data, companyVersion: version, ...(licence ? { licenceVersion: licence.version } : {}) };
  }

  /**
   * Checks, without writing, what an officer will be asked to approve: the reservation for a new name
   * is usable now, and the change changes something (422 otherwise).
   */
  async check(tx: EntityManager, company: CompanyRecord, change: RequestedChange, o: { applicantId: string; at: Date }): Promise<void> {
    const newName = change.nameReservationId ? (await this.usableReservation(tx, change.nameReservationId, company, o.applicantId, o.at, false)).state.name : undefined;
    companyChangedData({ uscc: company.uscc, changeId: 'check', before: factsOf(company), after: factsAfter(factsOf(company), change, newName), effectiveOn: this.calendar.localDateOf(o.at).toString() });
  }

  private async usableReservation(tx: EntityManager, reservationId: string, company: CompanyRecord, applicantId: string, at: Date, lock: boolean) {
    const stored = await this.reservations.get(tx, reservationId, { lock });
    if (!stored || stored.doc.applicantId !== applicantId) throw new ReservationNotUsableError(reservationId, 'not found');
    const reservation = NameReservation.restore(stored.doc);
    if (!reservation.isValidAt(at)) throw new ReservationNotUsableError(reservationId, `it is ${stored.doc.status === 'RESERVED' ? 'expired' : stored.doc.status}`);
    if (stored.doc.entityType !== company.entityType) throw new ReservationNotUsableError(reservationId, `it is for a ${stored.doc.entityType}, not a ${company.entityType}`);
    return { reservation, version: stored.version, state: stored.doc };
  }

  private async consumeNewName(tx: EntityManager, reservationId: string, company: CompanyRecord, changeId: string, applicantId: string, at: Date): Promise<string> {
    const { reservation, version } = await this.usableReservation(tx, reservationId, company, applicantId, at, true);
    const consumed = reservation.consume(changeId, applicantId, at).aggregate;
    await this.reservations.update(tx, consumed.state, version);
    await this.timers.cancel(tx, RESERVATION_EXPIRY_TIMER, reservationId);
    return consumed.state.name;
  }

  /** Every new code is in the catalogue: the review refused unknown ones. */
  private permitRouteOf(code: string): string {
    const item = this.ref.application.scopeCatalogue.find((s) => s.code === code);
    return item ? contractPermitRoute(item) : 'NONE';
  }
}

function factsOf(c: CompanyRecord): RegisteredFacts {
  return {
    name: c.name,
    domicile: c.domicile,
    capital: c.capital,
    scope: c.scope.map((s) => s.code),
    legalRep: c.legalRepRef,
    // officers are a filing item (备案), not changed through this endpoint
    officers: [],
  };
}

function factsAfter(before: RegisteredFacts, change: RequestedChange, newName: string | undefined): RegisteredFacts {
  return {
    ...before,
    ...(newName ? { name: newName } : {}),
    ...(change.domicile ? { domicile: { standardAddressId: change.domicile.standardAddressId, divisionCode: change.domicile.divisionCode, text: change.domicile.text } } : {}),
    ...(change.capital ? { capital: { amount: change.capital.amount, currency: change.capital.currency } } : {}),
    ...(change.scopeCodes ? { scope: [...change.scopeCodes] } : {}),
    ...(change.legalRepRef ? { legalRep: change.legalRepRef } : {}),
  };
}

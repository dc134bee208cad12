import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyRegistered, PermitNoticeIssued, type CompanyRegisteredData, type PermitNoticeIssuedData } from '@one-window/business-registration/contracts';
import {
  DevCreditCodeAllocator,
  MarketEntity,
  usccCategoryOf,
  type ApplicationState,
  type DomainEvent,
  type EntityType,
  type NameReservation,
} from '@one-window/business-registration/domain';
import { CompanyRepository, CreditCodeSequences, type CompanyRecord } from '@one-window/business-registration/data-access';
import { Outbox } from '@one-window/shared/messaging';
import { Timers } from '@one-window/shared/scheduling';
import { RESERVATION_EXPIRY_TIMER } from '../expire-reservation/expire-reservation.handler';
import { LicenceIssuer } from './licence-issuer';
import { NameIndex } from './name-index';
import { SetupBundleDesk } from './setup-bundle-desk';

/** Market regulation (position 1 of the credit code). */
const MARKET_REGULATION = '9';

/**
 * The registration step shared by automatic approval (秒批, submit-application) and the officer's
 * approval (decide-application): the credit code before the domain registers, then, once it has,
 * the company, the consumed reservation, `CompanyRegistered` in the outbox and the electronic
 * licence, all in the caller's transaction.
 */
@Injectable()
export class RegisterCompany {
  constructor(
    private readonly names: NameIndex,
    private readonly companies: CompanyRepository,
    private readonly sequences: CreditCodeSequences,
    private readonly outbox: Outbox,
    private readonly timers: Timers,
    private readonly licences: LicenceIssuer,
    private readonly bundles: SetupBundleDesk,
  ) {}

  /** A dev credit code from the authority's division counter, taken in this transaction (unique; given back on rollback). */
  allocateCreditCode(tx: EntityManager, c: { applicationId: string; authorityCode: string; entityType: EntityType }): Promise<string> {
    const { divisionCode } = this.names.authority(c.authorityCode);
    const allocator = new DevCreditCodeAllocator((prefix) => this.sequences.next(tx, prefix));
    return allocator.allocate({ department: MARKET_REGULATION, category: usccCategoryOf(c.entityType), divisionCode, applicationId: c.applicationId });
  }

  /**
   * After the domain registered `application` (its events hold `registration.company.registered`):
   * consumes the reservation (the caller saves it), cancels its expiry timer, creates the company
   * and appends `CompanyRegistered` (and a `registration.permit_notice.issued` per scope item that needs a
 * post-licence permit), issues the electronic business licence (version 1, `registration.licence.issued`) and opens the
   * setup bundle 照章税保金银 with the form's bundle options (clock from submission on the automatic
   * route, from acceptance on the officer's, §5 [Q1]). Returns the consumed reservation.
   */
  async record(tx: EntityManager, r: { application: ApplicationState; events: readonly DomainEvent[]; reservation: NameReservation; at: Date }): Promise<NameReservation> {
    const { application, at } = r;
    const registered = r.events.find((e) => e.type === 'registration.company.registered')?.data as CompanyRegisteredData | undefined;
    if (!registered) throw new Error(`Application ${application.id} was not registered`);
    const reservation = r.reservation.consume(application.id, application.applicantId, at).aggregate;
    await this.timers.cancel(tx, RESERVATION_EXPIRY_TIMER, reservation.state.id);
    await this.companies.insert(tx, toCompany(registered, application.applicantId, application.id, at));
    await this.outbox.append(tx, CompanyRegistered, { aggregateId: registered.uscc, data: { ...registered, applicantId: application.applicantId }, time: at });
    // 证照分离: one notice per scope item that needs a post-licence permit (the domain emitted them with the registration)
    for (const notice of r.events.filter((e) => e.type === 'registration.permit_notice.issued')) {
      await this.outbox.append(tx, PermitNoticeIssued, { aggregateId: registered.uscc, data: notice.data as PermitNoticeIssuedData, time: at });
    }
    await this.licences.issue(tx, { ...registered, legalRep: registered.legalRepRef }, at, { kind: 'ESTABLISHMENT', applicationId: application.id, bundleOptions: application.form.bundleOptions });
    const clockStartedAt = (application.route === 'OFFICER' ? application.acceptedAt : application.submittedAt) ?? application.submittedAt ?? at;
    await this.bundles.open(tx, { uscc: registered.uscc, options: application.form.bundleOptions, clockStartedAt, at });
    return reservation;
  }
}

function toCompany(data: CompanyRegisteredData, ownerId: string, applicationId: string, at: Date): CompanyRecord {
  const entity = MarketEntity.registered(data.uscc).state;
  return {
    id: data.uscc,
    uscc: data.uscc,
    name: data.name,
    entityType: data.entityType,
    status: entity.status,
    flags: entity.flags,
    authorityCode: data.authorityCode,
    ownerId,
    applicationId,
    establishedOn: data.establishedOn,
    domicile: data.domicile,
    scope: data.scope,
    capital: data.capital,
    legalRepRef: data.legalRepRef,
    registeredAt: at,
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Application, evaluateAutoApproval, NameReservation, validateEstablishmentForm, type EstablishmentForm } from '@one-window/business-registration/domain';
import {
  ApplicationRepository,
  NameReservationRepository,
  REGISTRATION_REFERENCE_DATA,
  type RegistrationReferenceData,
} from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ApplicationEvents } from '../shared/application-events';
import { applicationView } from '../shared/application-view';
import { ReservationNotUsableError } from '../shared/errors';
import { NameIndex } from '../shared/name-index';
import { RegisterCompany } from '../shared/register-company';
import type { EstablishmentFormDto } from './establishment-form.dto';

/**
 * Submit an establishment application (§3, §10.2). In one transaction: validate the form, run
 * the 8 auto-approval checks, and either register at once (秒批: credit code, company, the
 * reservation consumed, CompanyRegistered in the outbox) or route it to the authority's officers
 * with the failed checks. The reservation is held or consumed either way; `application.submitted`
 * goes to the outbox in both cases.
 */
@Injectable()
export class SubmitApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly names: NameIndex,
    private readonly reservations: NameReservationRepository,
    private readonly applications: ApplicationRepository,
    private readonly registration: RegisterCompany,
    private readonly events: ApplicationEvents,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(dto: EstablishmentFormDto, applicantId: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const stored = await this.reservations.get(tx, dto.nameReservationId, { lock: true });
      if (!stored || stored.doc.applicantId !== applicantId) throw new ReservationNotUsableError(dto.nameReservationId, 'not found');
      let reservation = NameReservation.restore(stored.doc);
      const r = reservation.state;
      if (r.status !== 'RESERVED') throw new ReservationNotUsableError(r.id, `it is ${r.status}`);
      if (r.entityType !== dto.entityType) throw new ReservationNotUsableError(r.id, `it is for a ${r.entityType}, not a ${dto.entityType}`);
      const authority = this.names.authority(r.authorityCode);

      const form = toForm(dto, r.name);
      const appId = randomUUID();
      const reservationValid = reservation.isValidAt(at);
      if (!reservationValid) throw new ReservationNotUsableError(r.id, `it expired at ${r.expiresAt.toISOString()}`);
      reservation = reservation.hold(appId, applicantId, at);
      // The name is checked again at submission (names reserved since may now conflict); its own reservation is ignored.
      const nameCheck = await this.names.check(tx, {
        name: r.name,
        entityType: r.entityType,
        authorityCode: r.authorityCode,
        ignoreIds: [r.id],
        ...(form.domicile.standardAddressId ? { domicileDivisionCode: this.divisionOf(form.domicile.standardAddressId) } : {}),
      });
      const validation = validateEstablishmentForm(form, this.ref.application, this.calendar.localDateOf(at).toString());
      const autoApproval = evaluateAutoApproval(this.ref.autoApproval, { form, validation, nameCheckLevel: nameCheck.level, reservationValid });
      const uscc = autoApproval.eligible ? await this.registration.allocateCreditCode(tx, { applicationId: appId, authorityCode: authority.code, entityType: form.entityType }) : undefined;

      const outcome = Application.draft({ id: appId, applicantId, authorityCode: r.authorityCode, form, at }).submit({
        at,
        applicantId,
        calendar: this.calendar,
        validation,
        autoApproval,
        ...(uscc ? { uscc } : {}),
      });
      const application = outcome.aggregate.state;
      await this.events.publish(tx, outcome.events);
      if (application.status === 'REGISTERED') {
        reservation = await this.registration.record(tx, { application, events: outcome.events, reservation, at });
      }
      await this.applications.insert(tx, application);
      await this.reservations.update(tx, reservation.state, stored.version);
      return applicationView(application);
    });
  }

  private divisionOf(standardAddressId: string): string | undefined {
    return this.ref.application.addresses.find((a) => a.id === standardAddressId)?.divisionCode;
  }
}

function toForm(dto: EstablishmentFormDto, name: string): EstablishmentForm {
  const { domicile, premises, preApprovalDocuments, articles, commitment, bundleOptions } = dto;
  return {
    entityType: dto.entityType,
    nameReservationId: dto.nameReservationId,
    name,
    domicile: { ...(domicile.standardAddressId ? { standardAddressId: domicile.standardAddressId } : {}), text: domicile.text },
    ...(premises ? { premises: premises.map((p) => ({ ...(p.standardAddressId ? { standardAddressId: p.standardAddressId } : {}), text: p.text })) } : {}),
    scopeCodes: [...dto.scopeCodes],
    ...(preApprovalDocuments ? { preApprovalDocuments: preApprovalDocuments.map((d) => ({ scopeCode: d.scopeCode, documentRef: d.documentRef })) } : {}),
    investors: dto.investors.map((i) => ({
      personRef: i.personRef,
      kind: i.kind,
      jurisdiction: i.jurisdiction,
      subscribed: { amount: i.subscribed.amount, currency: i.subscribed.currency },
      method: i.method,
      dueDate: i.dueDate,
    })),
    persons: dto.persons.map((p) => ({ personRef: p.personRef, idType: p.idType, idNumber: p.idNumber.toUpperCase(), realNameVerified: p.realNameVerified })),
    legalRepRef: dto.legalRepRef,
    officers: dto.officers.map((o) => ({ personRef: o.personRef, role: o.role })),
    articles: { kind: articles.kind, ...(articles.documentRef ? { documentRef: articles.documentRef } : {}) },
    commitment: { signed: commitment.signed, ...(commitment.signatureRef ? { signatureRef: commitment.signatureRef } : {}) },
    bundleOptions: {
      seals: bundleOptions.seals,
      ...(bundleOptions.bank ? { bank: { bankCode: bundleOptions.bank.bankCode, branchCode: bundleOptions.bank.branchCode } } : {}),
      socialInsurance: bundleOptions.socialInsurance,
      housingFund: bundleOptions.housingFund,
      tax: {
        invoices: bundleOptions.tax.invoices,
        ukey: bundleOptions.tax.ukey,
        ...(bundleOptions.tax.mailingAddress ? { mailingAddress: bundleOptions.tax.mailingAddress } : {}),
      },
    },
    delivery: dto.delivery,
  };
}

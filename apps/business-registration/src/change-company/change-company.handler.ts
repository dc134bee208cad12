import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChangeRequest, reviewChange } from '@one-window/business-registration/domain';
import {
  ChangeRequestRepository,
  CompanyRepository,
  REGISTRATION_REFERENCE_DATA,
  type RegistrationReferenceData,
  type RequestedChange,
} from '@one-window/business-registration/data-access';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ApplyChange, type AppliedChange } from '../shared/apply-change';
import { ChangeRequestDesk } from '../shared/change-request-desk';
import { changeRequestView, type ChangeRequestView } from '../shared/change-request-view';
import { ChangeRefusedError, ChangeRequestPendingError, NotFoundError } from '../shared/errors';
import { NameIndex } from '../shared/name-index';
import type { ChangeCompanyDto } from './change-company.dto';

export type ChangeCompanyResult = { registered: AppliedChange } | { pending: ChangeRequestView };

/**
 * A change registration (变更登记, §6) filed online by the company's own applicant, routed as §3.2.
 * When every rule passes it is registered at once ({@link ApplyChange}). When a check fails that an
 * officer may still approve, it is stored as a change request in the authority's queue with the
 * failed checks (机器辅批), answered 202, with the review due in 3 working days (§3.2) and its
 * overdue timer set (`registration.application.submitted`, kind CHANGE, carries the due time). One
 * that no officer could approve is refused (422). While a request is open, no other change of the
 * company is taken (409).
 */
@Injectable()
export class ChangeCompanyHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly requests: ChangeRequestRepository,
    private readonly names: NameIndex,
    private readonly applyChange: ApplyChange,
    private readonly desk: ChangeRequestDesk,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(uscc: string, dto: ChangeCompanyDto, applicantId: string): Promise<ChangeCompanyResult> {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const stored = await this.companies.get(tx, uscc, { lock: true });
      if (!stored || stored.doc.ownerId !== applicantId) throw new NotFoundError('Company', uscc);
      const company = stored.doc;
      const pending = await this.requests.pendingFor(tx, uscc);
      if (pending) throw new ChangeRequestPendingError(uscc, pending.doc.id);
      const filedOn = this.calendar.localDateOf(at).toString();

      const review = reviewChange(
        {
          entity: { status: company.status, flags: company.flags },
          authorityDivisionCode: this.names.authority(company.authorityCode).divisionCode,
          resolutionOn: dto.resolutionOn,
          filedOn,
          ...(dto.domicile ? { newDomicileId: dto.domicile.standardAddressId } : {}),
          ...(dto.scopeCodes ? { newScopeCodes: dto.scopeCodes } : {}),
        },
        this.ref.application,
      );
      if (review.refused) throw new ChangeRefusedError(review.failedChecks);

      const change: RequestedChange = {
        resolutionOn: dto.resolutionOn,
        ...(dto.nameReservationId ? { nameReservationId: dto.nameReservationId } : {}),
        ...(review.domicile ? { domicile: { standardAddressId: review.domicile.id, divisionCode: review.domicile.divisionCode, text: review.domicile.text } } : {}),
        ...(dto.capital ? { capital: { amount: dto.capital.amount, currency: dto.capital.currency } } : {}),
        ...(dto.scopeCodes ? { scopeCodes: [...dto.scopeCodes] } : {}),
        ...(dto.legalRepRef ? { legalRepRef: dto.legalRepRef } : {}),
      };
      if (review.eligible) return { registered: await this.applyChange.apply(tx, stored, change, { changeId: randomUUID(), applicantId, at }) };

      await this.applyChange.check(tx, company, change, { applicantId, at });
      const queued = ChangeRequest.queue({
        id: randomUUID(),
        uscc,
        authorityCode: company.authorityCode,
        ownerId: applicantId,
        change,
        failedChecks: review.failedChecks,
        filedOn,
        at,
        calendar: this.calendar,
      });
      return { pending: changeRequestView(await this.desk.insert(tx, queued)) };
    });
  }
}

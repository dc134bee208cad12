import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Deregistration, isDeregistrable, type Outcome } from '@one-window/business-registration/domain';
import {
  ApplicationRepository,
  CompanyRepository,
  DeregistrationRepository,
  type CompanyRecord,
  type DeregistrationBankruptcyCase,
  type DeregistrationRecord,
} from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { deregistrationView } from '../shared/deregistration-view';
import { CompanyNotDeregistrableError, DeregistrationAlreadyOpenError, DeregistrationRouteNotAllowedError, NotFoundError } from '../shared/errors';
import type { ApplyDeregistrationDto } from './apply-deregistration.dto';

/** Who opens a case: the company's applicant, a court or administrator account, or the bankruptcy service (its closing event). */
export interface DeregistrationRequester {
  readonly subject: string;
  readonly role: 'applicant' | 'court' | 'administrator' | 'bankruptcy_service';
}

/**
 * Opens a deregistration (§8, §10.4) in one transaction with the company locked: the case, its
 * events (`registration.deregistration.requested`; for SIMPLIFIED also `.notice_published`), the
 * company flagged `underDeregistration`, and for SIMPLIFIED the durable timer at the notice end.
 * The simplified route's exclusions are the domain's (abnormal list, bankruptcy, investors not all
 * committed); the investors of record come from the establishment form. `open` is the one path
 * every route starts by, also the court route the bankruptcy service's closing event opens.
 */
@Injectable()
export class ApplyDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly applications: ApplicationRepository,
    private readonly deregistrations: DeregistrationRepository,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, dto: ApplyDeregistrationDto, who: Principal) {
    const court = dto.route === 'COURT';
    if (court ? !who.roles.some((r) => r === 'court' || r === 'administrator') : !who.roles.includes('applicant')) {
      throw new DeregistrationRouteNotAllowedError(dto.route, who.roles);
    }
    return this.ds.transaction(async (tx) => {
      const stored = await this.companies.get(tx, uscc, { lock: true });
      if (!stored || (!court && stored.doc.ownerId !== who.subject)) throw new NotFoundError('Company', uscc);
      const requestedBy: DeregistrationRequester = { subject: who.subject, role: court ? (who.roles.includes('court') ? 'court' : 'administrator') : 'applicant' };
      const saved = await this.open(tx, stored.doc, dto, requestedBy, new Date());
      return deregistrationView(saved.record, saved.version, this.calendar);
    });
  }

  /**
   * Opens the case for a company the caller has locked in `tx`: the way every route starts, for an
   * application over HTTP and for the bankruptcy service's closing event (the court route, with the
   * case it came from). Refuses a company that cannot be deregistered from its status or already has
   * an open case.
   */
  async open(
    tx: EntityManager,
    company: CompanyRecord,
    dto: ApplyDeregistrationDto,
    requestedBy: DeregistrationRequester,
    at: Date,
    extra: { bankruptcyCase?: DeregistrationBankruptcyCase } = {},
  ): Promise<{ record: DeregistrationRecord; version: number }> {
    const uscc = company.uscc;
    if (!isDeregistrable(company.status)) throw new CompanyNotDeregistrableError(uscc, company.status);
    const open = await this.deregistrations.openFor(tx, uscc);
    if (open) throw new DeregistrationAlreadyOpenError(uscc, open.doc.id);

    const id = randomUUID();
    let outcome: Outcome<Deregistration>;
    if (dto.route === 'SIMPLIFIED') {
      outcome = Deregistration.applySimplified({
        id,
        uscc,
        standing: { abnormalListed: company.flags.abnormalListed, underBankruptcy: company.flags.underBankruptcy },
        allInvestorsCommitted: dto.commitmentSigned === true && (await this.allInvestorsCommitted(tx, company, dto.committedInvestorRefs ?? [])),
        at,
        calendar: this.calendar,
      });
    } else if (dto.route === 'ORDINARY') {
      outcome = Deregistration.applyOrdinary({ id, uscc, at });
    } else {
      outcome = Deregistration.fromCourtRuling({ id, uscc, courtRulingRef: dto.courtRulingRef ?? '', at });
    }
    return this.desk.create(
      tx,
      {
        id,
        uscc,
        companyName: company.name,
        ownerId: company.ownerId,
        authorityCode: company.authorityCode,
        requestedBy,
        ...(dto.route === 'ORDINARY' && dto.liquidationReportRef ? { liquidationReportRef: dto.liquidationReportRef } : {}),
        ...(dto.route === 'SIMPLIFIED' ? { committedInvestorRefs: [...(dto.committedInvestorRefs ?? [])] } : {}),
        ...(dto.route === 'COURT' && extra.bankruptcyCase ? { bankruptcyCase: extra.bankruptcyCase } : {}),
      },
      outcome,
    );
  }

  /** Every investor of record (the establishment form's investors) is among those who signed. */
  private async allInvestorsCommitted(tx: EntityManager, company: CompanyRecord, signed: readonly string[]): Promise<boolean> {
    const application = await this.applications.get(tx, company.applicationId);
    const investors = application?.doc.form.investors.map((i) => i.personRef) ?? [];
    return investors.length > 0 && investors.every((ref) => signed.includes(ref));
  }
}

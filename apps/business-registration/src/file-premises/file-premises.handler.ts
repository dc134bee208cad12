import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PremisesFiled } from '@one-window/business-registration/contracts';
import { FilingNotAllowedError, filePremises, type StandardAddress } from '@one-window/business-registration/domain';
import {
  CompanyRepository,
  PremisesFilingRepository,
  REGISTRATION_REFERENCE_DATA,
  type CompanyRecord,
  type PremisesFilingRecord,
  type RegistrationReferenceData,
} from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { Outbox } from '@one-window/shared/messaging';
import { CompanyStatusConflictError, NotFoundError } from '../shared/errors';
import type { PremisesDto } from './premises.dto';

/**
 * A standard address usable for a filing or a branch: known, and not BLOCKed by the negative list;
 * otherwise a 422 filing refusal naming why.
 */
export function usableAddress(ref: RegistrationReferenceData, id: string): StandardAddress {
  const address = ref.application.addresses.find((a) => a.id === id);
  if (!address) throw new FilingNotAllowedError(['ADDRESS_UNKNOWN']);
  if (ref.application.negativeList.some((n) => n.standardAddressId === id && n.effect === 'BLOCK')) throw new FilingNotAllowedError(['ADDRESS_BLOCKED']);
  return address;
}

/** The registration authority of an address's district (a branch is registered there); 422 NO_AUTHORITY_FOR_ADDRESS when none is. */
export function authorityForAddress(ref: RegistrationReferenceData, address: StandardAddress): string {
  const authority = ref.authorities.find((a) => a.divisionCode === address.divisionCode);
  if (!authority) throw new FilingNotAllowedError(['NO_AUTHORITY_FOR_ADDRESS']);
  return authority.code;
}

/** The company, locked, for its own applicant (404 for anyone else). */
export async function ownCompany(companies: CompanyRepository, tx: EntityManager, uscc: string, who: Principal): Promise<{ doc: CompanyRecord; version: number }> {
  const stored = await companies.get(tx, uscc, { lock: true });
  if (!stored || !who.roles.includes('applicant') || stored.doc.ownerId !== who.subject) throw new NotFoundError('Company', uscc);
  return stored;
}

/** The company for its applicant or an officer of its authority (reads). */
export async function visibleCompany(companies: CompanyRepository, tx: EntityManager, uscc: string, who: Principal): Promise<CompanyRecord> {
  const stored = await companies.get(tx, uscc);
  const c = stored?.doc;
  const visible = c && ((who.roles.includes('applicant') && c.ownerId === who.subject) || (who.roles.includes('officer') && who.agencyId === c.authorityCode));
  if (!c || !visible) throw new NotFoundError('Company', uscc);
  return c;
}

/**
 * 一照多址 (§6, 000 L544–548): the company's applicant files an extra business address in the
 * domicile's city instead of registering a branch. The domain's `filePremises` decides (same city,
 * scope subset, commitment); the filing is stored and `registration.premises.filed` published (the
 * regulators' 双随机 checks start from it). One filing per address (409 on a repeat).
 */
@Injectable()
export class FilePremisesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly filings: PremisesFilingRepository,
    private readonly outbox: Outbox,
    private readonly calendar: WorkingCalendar,
    @Inject(REGISTRATION_REFERENCE_DATA) private readonly ref: RegistrationReferenceData,
  ) {}

  async execute(uscc: string, dto: PremisesDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const { doc: company } = await ownCompany(this.companies, tx, uscc, who);
      if (company.status !== 'ACTIVE') throw new CompanyStatusConflictError(uscc, company.status, ['ACTIVE']);
      const premises = usableAddress(this.ref, dto.standardAddressId);
      if (premises.id === company.domicile.standardAddressId) throw new FilingNotAllowedError(['SAME_AS_DOMICILE']);
      const filed = filePremises({
        uscc,
        domicileDivisionCode: company.domicile.divisionCode,
        registeredScope: company.scope.map((s) => s.code),
        premises,
        scope: dto.scopeCodes,
        commitmentRef: dto.commitmentRef,
      });
      const at = new Date();
      const record: PremisesFilingRecord = {
        id: randomUUID(),
        uscc,
        address: { standardAddressId: premises.id, divisionCode: premises.divisionCode, text: premises.text },
        scope: filed.scope,
        commitmentRef: filed.commitmentRef,
        filedBy: who.subject,
        filedOn: this.calendar.localDateOf(at).toString(),
        filedAt: at,
      };
      if ((await this.filings.forCompany(tx, uscc)).some((f) => f.address.standardAddressId === premises.id)) throw new FilingNotAllowedError(['ALREADY_FILED']);
      await this.filings.insert(tx, record);
      await this.outbox.append(tx, PremisesFiled, {
        aggregateId: uscc,
        data: { uscc, filingId: record.id, standardAddressId: premises.id, divisionCode: premises.divisionCode, scope: [...filed.scope], commitmentRef: filed.commitmentRef, filedOn: record.filedOn },
        time: at,
      });
      return record;
    });
  }

  async list(uscc: string, who: Principal) {
    await visibleCompany(this.companies, this.ds.manager, uscc, who);
    return { items: await this.filings.forCompany(this.ds.manager, uscc) };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository, LicenceRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { NotFoundError } from '../shared/errors';

/** The current electronic licence of a company, to the applicant who registered it (404 to anyone else). */
@Injectable()
export class GetCompanyLicenceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly licences: LicenceRepository,
  ) {}

  async execute(uscc: string, who: Principal) {
    const company = await this.companies.get(this.ds.manager, uscc);
    if (!company || company.doc.ownerId !== who.subject) throw new NotFoundError('Company', uscc);
    const current = (await this.licences.history(this.ds.manager, uscc)).filter((l) => l.doc.status === 'VALID').at(-1)?.doc;
    if (!current) throw new NotFoundError('Licence of company', uscc);
    return {
      id: current.id,
      uscc: current.uscc,
      version: current.version,
      status: current.status,
      issuedAt: current.issuedAt,
      token: current.token,
      qrPayload: current.qrPayload,
    };
  }
}

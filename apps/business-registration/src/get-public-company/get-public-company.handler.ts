import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository, LicenceRepository } from '@one-window/business-registration/data-access';
import { NotFoundError } from '../shared/errors';
import { publicCompanyView } from '../shared/public-company';

/** A company as the public register shows it (公示, §4 verification): no owner, no ID numbers, the legal representative masked, the abnormal-list flag; and its current licence. */
@Injectable()
export class GetPublicCompanyHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly licences: LicenceRepository,
  ) {}

  async execute(uscc: string) {
    const stored = await this.companies.get(this.ds.manager, uscc);
    if (!stored) throw new NotFoundError('Company', uscc);
    const c = stored.doc;
    const current = (await this.licences.history(this.ds.manager, uscc)).filter((l) => l.doc.status === 'VALID').at(-1)?.doc;
    return {
      ...publicCompanyView(c),
      ...(current ? { licence: { version: current.version, status: current.status, issuedAt: current.issuedAt } } : {}),
    };
  }
}

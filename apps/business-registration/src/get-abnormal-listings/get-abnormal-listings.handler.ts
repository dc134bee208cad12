import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AbnormalListingRepository, CompanyRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { listingView } from '../shared/abnormal-list-desk';
import { isOfficerOf } from '../shared/deregistration-desk';
import { NotFoundError } from '../shared/errors';

/** Every entry of a company, earliest first, for its own applicant or an officer of its authority. */
@Injectable()
export class GetAbnormalListingsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly listings: AbnormalListingRepository,
  ) {}

  async execute(uscc: string, who: Principal) {
    const stored = await this.companies.get(this.ds.manager, uscc);
    const visible = stored && ((who.roles.includes('applicant') && stored.doc.ownerId === who.subject) || isOfficerOf(who, stored.doc));
    if (!stored || !visible) throw new NotFoundError('Company', uscc);
    const entries = await this.listings.forCompany(this.ds.manager, uscc);
    return { uscc, abnormalListed: stored.doc.flags.abnormalListed, items: entries.map((e) => listingView(e.doc, e.version)) };
  }
}

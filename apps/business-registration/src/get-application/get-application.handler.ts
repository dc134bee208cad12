import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApplicationState } from '@one-window/business-registration/domain';
import { ApplicationRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { versionedView } from '../shared/application-access';
import { NotFoundError } from '../shared/errors';

/** An application, to its applicant or an officer of its authority; "not found" to anyone else. Its version is the ETag. */
@Injectable()
export class GetApplicationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly applications: ApplicationRepository,
  ) {}

  async execute(id: string, who: Principal) {
    const stored = await this.applications.get(this.ds.manager, id);
    const visible = (a: ApplicationState) =>
      (who.roles.includes('applicant') && a.applicantId === who.subject) ||
      (who.roles.includes('officer') && who.agencyId !== undefined && a.authorityCode === who.agencyId);
    if (!stored || !visible(stored.doc)) throw new NotFoundError('Application', id);
    return versionedView(stored.doc, stored.version);
  }
}

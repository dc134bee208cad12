import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeregistrationRepository } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { isOfficerOf } from '../shared/deregistration-desk';
import { deregistrationView } from '../shared/deregistration-view';
import { NotFoundError } from '../shared/errors';

/** A deregistration, to the company's applicant or an officer of its authority; "not found" to anyone else. Its version is the ETag. */
@Injectable()
export class GetDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly deregistrations: DeregistrationRepository,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, who: Principal) {
    const stored = await this.deregistrations.get(this.ds.manager, id);
    const visible = stored !== undefined && stored.doc.uscc === uscc && ((who.roles.includes('applicant') && stored.doc.ownerId === who.subject) || isOfficerOf(who, stored.doc));
    if (!stored || !visible) throw new NotFoundError('Deregistration', id);
    return deregistrationView(stored.doc, stored.version, this.calendar);
  }
}

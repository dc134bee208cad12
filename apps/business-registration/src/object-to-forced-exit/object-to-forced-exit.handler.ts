import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CompanyRepository, ForcedExitRepository, type ForcedExitRecord } from '@one-window/business-registration/data-access';
import type { Principal } from '@one-window/shared/auth';
import { Clock } from '../shared/clock';
import { ForcedExitConflictError, NotFoundError } from '../shared/errors';
import { ForcedExitDesk } from '../shared/forced-exit-desk';
import type { ForcedExitObjectionDto } from './forced-exit-objection.dto';

/**
 * The company's applicant objects during the forced-exit notice (§8, stakeholders protected 000
 * L907–908): the case is OBJECTED and its notice timer cancelled, so no revocation follows. An
 * officer may confirm again later (a new case) once the objection is resolved.
 */
@Injectable()
export class ObjectToForcedExitHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly companies: CompanyRepository,
    private readonly cases: ForcedExitRepository,
    private readonly desk: ForcedExitDesk,
    private readonly clock: Clock,
  ) {}

  async execute(uscc: string, dto: ForcedExitObjectionDto, who: Principal): Promise<ForcedExitRecord> {
    return this.ds.transaction(async (tx) => {
      const company = await this.companies.get(tx, uscc);
      if (!company || company.doc.ownerId !== who.subject) throw new NotFoundError('Company', uscc);
      const open = await this.cases.openFor(tx, uscc, { lock: true });
      const at = this.clock.now();
      if (!open) throw new ForcedExitConflictError(`No forced-exit notice runs for company ${uscc}`);
      if (at.getTime() >= open.doc.noticeEndsAt.getTime()) throw new ForcedExitConflictError(`The forced-exit notice for ${uscc} ended at ${open.doc.noticeEndsAt.toISOString()}`);
      return this.desk.object(tx, open, { at, by: who.subject, reason: dto.reason.trim() });
    });
  }
}

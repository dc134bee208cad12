import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@one-window/business-registration/domain';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { publicNoticeView } from '../shared/deregistration-view';
import type { ObjectionDto } from './objection.dto';

/**
 * An objection during the public notice (§8, §10.4 NOTICE_PUBLISHED → OBJECTED): the domain checks
 * the notice is still running and a reason is given; the notice timer is cancelled with the change.
 * The applicant may then switch to the ordinary route.
 */
@Injectable()
export class ObjectToDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, dto: ObjectionDto, who: Principal) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forPublicNotice(tx, uscc, id);
      const saved = await this.desk.save(tx, loaded, loaded.deregistration.object({ at: new Date(), actor: actorOf(who, dto), reason: dto.reason.trim() }));
      return publicNoticeView(saved.record, this.calendar);
    });
  }
}

function actorOf(who: Principal, dto: ObjectionDto): Actor {
  if (who.roles.includes('officer') || who.roles.includes('integrator')) return 'department';
  return dto.capacity === 'PUBLIC' ? 'public' : 'creditor';
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { DeregistrationDesk } from '../shared/deregistration-desk';
import { deregistrationView } from '../shared/deregistration-view';

/** SUPPLEMENT_REQUESTED → UNDER_REVIEW ([design], not in §10.4). */
@Injectable()
export class ResubmitDeregistrationHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: DeregistrationDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, id: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const loaded = await this.desk.forOwner(tx, uscc, id, who, ifMatch);
      const saved = await this.desk.save(tx, loaded, loaded.deregistration.resubmit());
      return deregistrationView(saved.record, saved.version, this.calendar);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';

/** The window hands the delivered seals over with the licence (一窗通取): the seal part is done. */
@Injectable()
export class HandOverSealsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forWindow(tx, uscc, who, ifMatch);
      const outcome = loaded.bundle.handOverSeals(at, this.calendar);
      const version = await this.desk.save(tx, loaded, outcome);
      return this.desk.partView(outcome.aggregate, 'SEALS', version, at);
    });
  }
}

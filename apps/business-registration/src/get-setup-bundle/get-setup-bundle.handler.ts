import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';

/**
 * One status of the setup bundle 照章税保金银 (§5): every part with its state, whether it is done,
 * its working minutes against the 0.5-day target and, for seals, the maker's 1-hour clock.
 */
@Injectable()
export class GetSetupBundleHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, who: Principal) {
    const { bundle, version } = await this.desk.forReader(this.ds.manager, uscc, who);
    return { ...bundle.statusView(new Date(), this.calendar), version };
  }
}

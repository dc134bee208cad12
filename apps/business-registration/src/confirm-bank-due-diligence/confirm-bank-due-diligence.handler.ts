import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';
import type { BankDueDiligenceDto } from './bank-due-diligence.dto';

/** After due diligence the bank activates the preset account, or declines it with a reason (outside the bundle clock). */
@Injectable()
export class ConfirmBankDueDiligenceHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, dto: BankDueDiligenceDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forBank(tx, uscc, who, ifMatch);
      const outcome =
        dto.outcome === 'ACTIVATED'
          ? loaded.bundle.activateBankAccount(at, this.calendar)
          : loaded.bundle.declineBankAccount(dto.reason ?? '', at, this.calendar);
      const version = await this.desk.save(tx, loaded, outcome);
      return this.desk.partView(outcome.aggregate, 'BANK', version, at);
    });
  }
}

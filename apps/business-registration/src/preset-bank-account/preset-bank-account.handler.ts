import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { SetupBundleDesk } from '../shared/setup-bundle-desk';
import type { PresetBankAccountDto } from './preset-bank-account.dto';

/** The bank pre-assigns the account number (§5 银): the bank part is done; activation follows due diligence. */
@Injectable()
export class PresetBankAccountHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly desk: SetupBundleDesk,
    private readonly calendar: WorkingCalendar,
  ) {}

  async execute(uscc: string, dto: PresetBankAccountDto, who: Principal, ifMatch?: string) {
    return this.ds.transaction(async (tx) => {
      const at = new Date();
      const loaded = await this.desk.forBank(tx, uscc, who, ifMatch);
      const outcome = loaded.bundle.presetBankAccount(dto.accountNumber, at, this.calendar);
      const version = await this.desk.save(tx, loaded, outcome);
      return this.desk.partView(outcome.aggregate, 'BANK', version, at);
    });
  }
}

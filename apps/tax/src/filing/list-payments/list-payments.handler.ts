import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PaymentRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import type { DateRangeQueryDto } from '../shared/date-range.dto';
import { checkDateRange } from '../shared/date-range';
import { FilingAccess } from '../shared/filing-access';
import { paymentView } from '../shared/filing-views';

/** A taxpayer's payments that reached the treasury on a local day in [from, to]. */
@Injectable()
export class ListPaymentsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly payments: PaymentRepository,
  ) {}

  async execute(taxpayerId: string, query: DateRangeQueryDto, who: Principal) {
    checkDateRange(query);
    await this.access.readable(this.ds.manager, taxpayerId, who);
    return { payments: (await this.payments.list(this.ds.manager, taxpayerId, query)).map(paymentView) };
  }
}

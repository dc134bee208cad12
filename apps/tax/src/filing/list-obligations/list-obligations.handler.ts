import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ObligationRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import { checkDateRange } from '../shared/date-range';
import { FilingAccess } from '../shared/filing-access';
import { obligationView } from '../shared/filing-views';
import type { ListObligationsQueryDto } from './list-obligations.dto';

/** A taxpayer's obligations whose period overlaps [from, to], by period start, optionally only O or F. */
@Injectable()
export class ListObligationsHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly obligations: ObligationRepository,
  ) {}

  async execute(taxpayerId: string, query: ListObligationsQueryDto, who: Principal) {
    checkDateRange(query);
    await this.access.readable(this.ds.manager, taxpayerId, who);
    const rows = await this.obligations.list(this.ds.manager, taxpayerId, query);
    return { obligations: rows.map((r) => obligationView(r.doc)) };
  }
}

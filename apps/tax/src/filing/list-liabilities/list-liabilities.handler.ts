import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiabilityRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import type { DateRangeQueryDto } from '../shared/date-range.dto';
import { checkDateRange } from '../shared/date-range';
import { FilingAccess } from '../shared/filing-access';
import { liabilityView } from '../shared/filing-views';

/** A taxpayer's liabilities whose period overlaps [from, to], each with the relief rule versions it applied. */
@Injectable()
export class ListLiabilitiesHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly liabilities: LiabilityRepository,
  ) {}

  async execute(taxpayerId: string, query: DateRangeQueryDto, who: Principal) {
    checkDateRange(query);
    await this.access.readable(this.ds.manager, taxpayerId, who);
    const rows = await this.liabilities.list(this.ds.manager, taxpayerId, query);
    return { liabilities: rows.map((r) => liabilityView(r.doc)) };
  }
}

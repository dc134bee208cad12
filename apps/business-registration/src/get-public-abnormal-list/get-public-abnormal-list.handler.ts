import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AbnormalListingRepository } from '@one-window/business-registration/data-access';
import type { PublicAbnormalListQueryDto } from './public-abnormal-list.dto';

/** The published list: LISTED entries (credit code, name, reason, listing date, authority), never who listed or the finding. */
@Injectable()
export class GetPublicAbnormalListHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly listings: AbnormalListingRepository,
  ) {}

  async execute(query: PublicAbnormalListQueryDto) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const found = await this.listings.publicList(this.ds.manager, { ...(query.uscc ? { uscc: query.uscc } : {}), offset: (page - 1) * pageSize, limit: pageSize });
    return { page, pageSize, total: found.total, items: found.items };
  }
}

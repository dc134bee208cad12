import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import { taxpayerView } from '../shared/taxpayer-view';
import type { ListTaxpayersQueryDto } from './list-taxpayers.dto';

/** The caller's taxpayers: an applicant's own, an officer's bureau's, everything for supervisors and admins. */
@Injectable()
export class ListTaxpayersHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
  ) {}

  async execute(query: ListTaxpayersQueryDto, who: Principal) {
    const limit = query.limit ?? 50;
    const rows = await this.taxpayers.list(this.ds.manager, scopeOf(who), { limit: limit + 1, ...(query.after ? { afterId: query.after } : {}) });
    const items = rows.slice(0, limit).map((s) => taxpayerView(s.doc, s.version));
    return { items, ...(rows.length > limit ? { next: items[items.length - 1].taxpayerId } : {}) };
  }
}

function scopeOf(who: Principal): { owner_id: string } | { tax_bureau: string } | Record<string, never> {
  if (who.roles.includes('admin') || who.roles.includes('supervisor')) return {};
  if (who.roles.includes('officer')) {
    if (!who.agencyId) throw new ForbiddenException('An officer token without an agency sees no taxpayers');
    return { tax_bureau: who.agencyId };
  }
  return { owner_id: who.subject };
}

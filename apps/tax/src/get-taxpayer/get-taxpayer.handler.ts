import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import { NotFoundError } from '../shared/errors';
import { canSeeTaxpayer } from '../shared/taxpayer-access';
import { taxpayerView } from '../shared/taxpayer-view';

@Injectable()
export class GetTaxpayerHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly taxpayers: TaxpayerRepository,
  ) {}

  async execute(id: string, who: Principal) {
    const stored = await this.taxpayers.get(this.ds.manager, id);
    if (!stored || !canSeeTaxpayer(who, stored.doc)) throw new NotFoundError('Taxpayer', id);
    return taxpayerView(stored.doc, stored.version);
  }
}

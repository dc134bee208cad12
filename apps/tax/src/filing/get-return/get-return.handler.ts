import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReturnRepository } from '@one-window/tax/data-access';
import { ReturnNotFoundError } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { FilingAccess } from '../shared/filing-access';
import { returnView } from '../shared/filing-views';

/** One version of a return, to whoever may read the taxpayer's filing. */
@Injectable()
export class GetReturnHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly access: FilingAccess,
    private readonly returns: ReturnRepository,
  ) {}

  async execute(taxpayerId: string, returnId: string, who: Principal) {
    await this.access.readable(this.ds.manager, taxpayerId, who);
    const stored = await this.returns.get(this.ds.manager, returnId);
    if (!stored || stored.doc.taxpayerId !== taxpayerId) throw new ReturnNotFoundError(returnId);
    return returnView(stored.doc);
  }
}

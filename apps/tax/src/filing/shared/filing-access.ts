import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import type { TaxpayerState } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import { NotFoundError } from '../../shared/errors';
import { canSeeTaxpayer } from '../../shared/taxpayer-access';

/**
 * Who may do what with a taxpayer's filing (tax.md §2):
 *  - read (obligations, returns, liabilities, payments): the taxpayer's own account, officers of
 *    its bureau, supervisors and admins (canSeeTaxpayer);
 *  - file and amend: the taxpayer's own account only;
 *  - record a payment: the treasury integration (integrator, any taxpayer) or an officer of its bureau.
 * Anyone else gets 404, as if the taxpayer did not exist.
 */
@Injectable()
export class FilingAccess {
  constructor(private readonly taxpayers: TaxpayerRepository) {}

  async readable(tx: EntityManager, taxpayerId: string, who: Principal): Promise<TaxpayerState> {
    return this.load(tx, taxpayerId, (t) => canSeeTaxpayer(who, t));
  }

  async fileable(tx: EntityManager, taxpayerId: string, who: Principal): Promise<TaxpayerState> {
    return this.load(tx, taxpayerId, (t) => who.roles.includes('applicant') && who.subject === t.ownerId);
  }

  async payable(tx: EntityManager, taxpayerId: string, who: Principal): Promise<TaxpayerState> {
    return this.load(
      tx,
      taxpayerId,
      (t) => who.roles.includes('integrator') || (who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === t.taxBureau),
    );
  }

  private async load(tx: EntityManager, taxpayerId: string, allowed: (t: TaxpayerState) => boolean): Promise<TaxpayerState> {
    const stored = await this.taxpayers.get(tx, taxpayerId);
    if (!stored || !allowed(stored.doc)) throw new NotFoundError('Taxpayer', taxpayerId);
    return stored.doc;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RiskCaseRepository, TaxpayerRepository } from '@one-window/tax/data-access';
import type { GateOptions, TaxpayerCreditRisk, TaxpayerState } from '@one-window/tax/domain';
import type { Principal } from '@one-window/shared/auth';
import type { Stored } from '@one-window/shared/persistence';
import { NotFoundError } from '../../shared/errors';
import { PublishedRules } from '../../shared/published-rules';

/** Who acts on a taxpayer's credit matters: its own account, or an officer of its tax bureau. */
export type TaxpayerActor = 'owner' | 'officer';

/**
 * Loads taxpayers for the credit part and answers "not found" to anyone who may not act on them
 * (never a hint that they exist), and gives the credit + risk picture the gate needs.
 */
@Injectable()
export class CreditAccess {
  constructor(
    private readonly taxpayers: TaxpayerRepository,
    private readonly riskCases: RiskCaseRepository,
    private readonly published: PublishedRules,
  ) {}

  static isOwner(who: Principal, t: TaxpayerState): boolean {
    return who.roles.includes('applicant') && who.subject === t.ownerId;
  }

  static isBureauOfficer(who: Principal, t: TaxpayerState): boolean {
    return who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === t.taxBureau;
  }

  /** The taxpayer, if `who` acts on it as one of `as` (read access for supervisors and admins with `read: true`). */
  async taxpayer(tx: EntityManager, taxpayerId: string, who: Principal, as: readonly TaxpayerActor[], o: { read?: boolean; lock?: boolean } = {}): Promise<Stored<TaxpayerState>> {
    const stored = await this.taxpayers.get(tx, taxpayerId, { lock: o.lock ?? false });
    const t = stored?.doc;
    const allowed =
      t !== undefined &&
      ((as.includes('owner') && CreditAccess.isOwner(who, t)) ||
        (as.includes('officer') && CreditAccess.isBureauOfficer(who, t)) ||
        (o.read === true && (who.roles.includes('supervisor') || who.roles.includes('admin'))));
    if (!stored || !allowed) throw new NotFoundError('Taxpayer', taxpayerId);
    return stored;
  }

  /**
   * Grade, assessed risk and the list hits (R8.4, R8.5): those of the taxpayer's risk cases not yet
   * resolved, then its active entries on the high-risk lists admins publish.
   */
  async creditOf(tx: EntityManager, t: TaxpayerState): Promise<TaxpayerCreditRisk> {
    const cases = await this.riskCases.forTaxpayer(tx, t.id);
    const listHits = cases.filter((c) => c.doc.status !== 'RESOLVED' && c.doc.source.kind === 'LIST_HIT').map((c) => (c.doc.source as { hit: TaxpayerCreditRisk['listHits'][number] }).hit);
    return { creditGrade: t.creditGrade, riskLevel: t.riskLevel, listHits: [...listHits, ...(await this.published.listHits(tx, t.id))] };
  }

  /** The gate options on `at`'s local date: the published key-operation list in force (R8.3). */
  gateOptions(tx: EntityManager, today: string): Promise<GateOptions> {
    return this.published.gateOptions(tx, today);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BankruptcyTaxFileRepository, DebtorInfoGrantRepository, type BankruptcyTaxFileRecord, type DebtorInfoGrantRecord } from '@one-window/tax/data-access';
import type { Principal } from '@one-window/shared/auth';
import type { Stored } from '@one-window/shared/persistence';
import { NotFoundError } from '../../shared/errors';
import { BankruptcyClock } from './clock';

/** The agency name tax answers to in a grant's `agencies` (bankruptcy.md B8). */
export const TAX_AGENCY = 'tax';

/** A grant is live when it is not revoked, has started and has not expired. */
export function isLiveGrant(g: DebtorInfoGrantRecord, at: Date): boolean {
  return g.status === 'ACTIVE' && g.grantedAt.getTime() <= at.getTime() && (g.expiresAt === undefined || g.expiresAt.getTime() > at.getTime());
}

/**
 * Who may see what of a bankruptcy case in tax (tax.md §2, §11), answering "not found" to anyone
 * else (never a hint that the case or the debtor exists):
 * - an administrator, only under a live grant from the bankruptcy service naming this account, this
 *   case, the debtor and tax;
 * - the accepting court (its `court` accounts carry the court's agency id);
 * - officers of the debtor's tax bureau; supervisors and admins read.
 */
@Injectable()
export class BankruptcyCaseAccess {
  constructor(
    private readonly files: BankruptcyTaxFileRepository,
    private readonly grants: DebtorInfoGrantRepository,
    private readonly clock: BankruptcyClock,
  ) {}

  static isBureauOfficer(who: Principal, f: BankruptcyTaxFileRecord): boolean {
    return who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === f.taxBureau;
  }

  static isCaseCourt(who: Principal, f: BankruptcyTaxFileRecord): boolean {
    return who.roles.includes('court') && who.agencyId !== undefined && who.agencyId === f.courtId;
  }

  /** The case's file, for an officer of the debtor's bureau (who drafts and files the claim). */
  async forBureauOfficer(tx: EntityManager, caseId: string, who: Principal, o: { lock?: boolean } = {}): Promise<Stored<BankruptcyTaxFileRecord>> {
    const stored = await this.files.get(tx, caseId, o);
    if (!stored || !BankruptcyCaseAccess.isBureauOfficer(who, stored.doc)) throw new NotFoundError('Bankruptcy case', caseId);
    return stored;
  }

  /** The case's file and the live grant under which `who` (an administrator) may read the debtor's tax information. */
  async forAdministrator(tx: EntityManager, caseId: string, who: Principal): Promise<{ file: BankruptcyTaxFileRecord; grant: DebtorInfoGrantRecord }> {
    const found = who.roles.includes('administrator') ? await this.files.get(tx, caseId) : undefined;
    if (found) {
      const now = this.clock.now();
      const grant = (await this.grants.active(tx, caseId, who.subject))
        .map((g) => g.doc)
        .find((g) => g.debtorUscc === found.doc.taxpayerId && g.agencies.includes(TAX_AGENCY) && isLiveGrant(g, now));
      if (grant) return { file: found.doc, grant };
    }
    throw new NotFoundError('Bankruptcy case', caseId);
  }

  /** The case's file for reading its claims: a granted administrator, the case's court, the bureau's officers, supervisors, admins. */
  async forClaimReader(tx: EntityManager, caseId: string, who: Principal): Promise<{ file: BankruptcyTaxFileRecord; drafts: boolean }> {
    const stored = await this.files.get(tx, caseId);
    if (stored) {
      const f = stored.doc;
      if (BankruptcyCaseAccess.isBureauOfficer(who, f) || who.roles.includes('supervisor') || who.roles.includes('admin')) return { file: f, drafts: true };
      if (BankruptcyCaseAccess.isCaseCourt(who, f)) return { file: f, drafts: false };
      if (who.roles.includes('administrator')) {
        const { file } = await this.forAdministrator(tx, caseId, who);
        return { file, drafts: false };
      }
    }
    throw new NotFoundError('Bankruptcy case', caseId);
  }
}

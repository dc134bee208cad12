import type { Principal } from '@one-window/shared/auth';
import type { TaxpayerState } from '@one-window/tax/domain';

/**
 * Who may see a taxpayer (tax.md §2): the taxpayer's own account (applicant), an officer of its
 * competent bureau, a supervisor or admin. Everyone else gets "not found".
 */
export function canSeeTaxpayer(who: Principal, t: TaxpayerState): boolean {
  if (who.roles.includes('admin') || who.roles.includes('supervisor')) return true;
  if (who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === t.taxBureau) return true;
  return who.roles.includes('applicant') && who.subject === t.ownerId;
}

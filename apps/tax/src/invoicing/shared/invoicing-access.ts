import type { EntityManager } from 'typeorm';
import type { Principal } from '@one-window/shared/auth';
import { TaxpayerRepository } from '@one-window/tax/data-access';
import type { TaxpayerState } from '@one-window/tax/domain';
import type { Stored } from '@one-window/shared/persistence';
import { NotFoundError } from '../../shared/errors';
import { canSeeTaxpayer } from '../../shared/taxpayer-access';

/** The taxpayer's own account: an applicant whose subject owns it. */
export function ownsTaxpayer(who: Principal, t: TaxpayerState): boolean {
  return who.roles.includes('applicant') && who.subject === t.ownerId;
}

/** An officer of the taxpayer's competent bureau. */
export function isBureauOfficer(who: Principal, t: TaxpayerState): boolean {
  return who.roles.includes('officer') && who.agencyId !== undefined && who.agencyId === t.taxBureau;
}

export type TaxpayerAccess = 'read' | 'owner' | 'bureau-officer';

/**
 * The taxpayer if the caller may act on it this way, else "not found" (404 whether it does not
 * exist or is not the caller's): `read` = owner, officers of its bureau, supervisors and admins;
 * `owner` = its own account only; `bureau-officer` = an officer of its bureau only.
 */
export async function taxpayerFor(
  taxpayers: TaxpayerRepository,
  tx: EntityManager,
  taxpayerId: string,
  who: Principal,
  access: TaxpayerAccess,
): Promise<Stored<TaxpayerState>> {
  const stored = await taxpayers.get(tx, taxpayerId);
  const allowed =
    stored !== undefined &&
    (access === 'read' ? canSeeTaxpayer(who, stored.doc) : access === 'owner' ? ownsTaxpayer(who, stored.doc) : isBureauOfficer(who, stored.doc));
  if (!stored || !allowed) throw new NotFoundError('Taxpayer', taxpayerId);
  return stored;
}

import type { EntityStatus } from '../entity/entity-status';

/**
 * What registration does with a bankruptcy case (§1 roles, §8 "After court liquidation or
 * bankruptcy", §10.4, §11 consumed "from bankruptcy"): at acceptance the entity is flagged
 * `underBankruptcy`, which bars simplified deregistration (`simplifiedExclusions`); the termination
 * ruling (终结) either ends the debtor (a completed liquidation: the court-route deregistration opens
 * with the ruling) or lets it go on (the flag is cleared).
 */

/** The statuses a deregistration may be opened from (§10.4: ACTIVE → DEREGISTERED; REVOKED → DEREGISTERED). */
export const DEREGISTRABLE_STATUSES: readonly EntityStatus[] = ['ACTIVE', 'REVOKED'];

export function isDeregistrable(status: EntityStatus): boolean {
  return DEREGISTRABLE_STATUSES.includes(status);
}

/** What a closed bankruptcy case does to the entity. */
export type BankruptcyClosure =
  /** The liquidation ended the debtor: open the court-route deregistration with the ruling. */
  | { readonly action: 'OPEN_COURT_DEREGISTRATION' }
  /** The debtor goes on (plan carried out, case withdrawn): the `underBankruptcy` flag is cleared. */
  | { readonly action: 'CLEAR_FLAG' }
  /** Nothing to do, and why (a case already open, the entity already gone or not deregistrable now). */
  | { readonly action: 'NOTHING'; readonly reason: 'DEREGISTRATION_OPEN' | 'ENTITY_ENDED' | 'NOT_DEREGISTRABLE' };

/**
 * The rule for a closing ruling: `debtorEnds` (a completed liquidation after a declaration of
 * bankruptcy) opens the court route unless a deregistration is already open or the entity has
 * ended (deregistered, struck off) or cannot be deregistered from its status (dormant: it resumes or
 * is revoked first); any other outcome clears the flag.
 */
export function afterBankruptcyClosed(input: { readonly debtorEnds: boolean; readonly entityStatus: EntityStatus; readonly deregistrationOpen: boolean }): BankruptcyClosure {
  if (!input.debtorEnds) return { action: 'CLEAR_FLAG' };
  if (input.entityStatus === 'DEREGISTERED' || input.entityStatus === 'STRUCK_OFF') return { action: 'NOTHING', reason: 'ENTITY_ENDED' };
  if (input.deregistrationOpen) return { action: 'NOTHING', reason: 'DEREGISTRATION_OPEN' };
  if (!isDeregistrable(input.entityStatus)) return { action: 'NOTHING', reason: 'NOT_DEREGISTRABLE' };
  return { action: 'OPEN_COURT_DEREGISTRATION' };
}

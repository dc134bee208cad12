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

/** What an approved reorganisation (or conciliation) plan does to the entity (§7 credit repair, §11 "reorganisation approved"). */
export type PlanApproval =
  /** Record the plan on the entity and publish it (公示, 000 L1020–1023); the entity stays `underBankruptcy` until the case closes. */
  | { readonly action: 'RECORD_PLAN' }
  /** Nothing to do, and why: the entity has ended, it is flagged for another case, or this plan is recorded already. */
  | { readonly action: 'NOTHING'; readonly reason: 'ENTITY_ENDED' | 'OTHER_CASE' | 'CASE_CLOSED' | 'ALREADY_RECORDED' };

/**
 * The rule for a plan approval, given the case registration last recorded for the entity:
 * - an ended entity (deregistered, struck off) takes nothing;
 * - the recorded case is this one and registration knows it closed: nothing (a late plan cannot
 *   reopen a case; a case's events arrive in order, keyed by case id);
 * - the recorded case is another one, still open: it keeps that case (the approval is logged);
 * - the same approving ruling twice is one approval;
 * - otherwise the plan is recorded, and the entity flagged `underBankruptcy` for this case even if
 *   registration never saw its acceptance: a plan means the proceedings are open, and they stay open
 *   (PLAN_EXECUTING) until `bankruptcy.case.closed`.
 */
export function afterPlanApproved(input: {
  readonly entityStatus: EntityStatus;
  readonly caseId: string;
  readonly rulingRef: string;
  /** The case last recorded for the entity, if any: whether its closing ruling was recorded, and the approving ruling of its plan. */
  readonly recordedCase?: { readonly caseId: string; readonly closed: boolean; readonly planRulingRef?: string };
}): PlanApproval {
  const recorded = input.recordedCase;
  if (input.entityStatus === 'DEREGISTERED' || input.entityStatus === 'STRUCK_OFF') return { action: 'NOTHING', reason: 'ENTITY_ENDED' };
  if (recorded?.caseId === input.caseId && recorded.closed) return { action: 'NOTHING', reason: 'CASE_CLOSED' };
  if (recorded !== undefined && recorded.caseId !== input.caseId && !recorded.closed) return { action: 'NOTHING', reason: 'OTHER_CASE' };
  if (recorded?.caseId === input.caseId && recorded.planRulingRef === input.rulingRef) return { action: 'NOTHING', reason: 'ALREADY_RECORDED' };
  return { action: 'RECORD_PLAN' };
}

/** Where a company's bankruptcy case stands, as the public register shows it. */
export type PublicBankruptcyStage = 'PROCEEDINGS' | 'PLAN_EXECUTING' | 'CLOSED';

export function publicBankruptcyStage(c: { readonly plan?: unknown; readonly closed?: unknown }): PublicBankruptcyStage {
  if (c.closed !== undefined) return 'CLOSED';
  return c.plan !== undefined ? 'PLAN_EXECUTING' : 'PROCEEDINGS';
}

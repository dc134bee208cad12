import { moneyFromFen, sumMoney, toFen, type Money } from '@one-window/shared/money';
import type { BankruptcyClaimClass, BankruptcyClaimLine, BankruptcyTaxClaimRecord } from '@one-window/tax/data-access';

export const CLAIM_CLASSES: readonly BankruptcyClaimClass[] = ['PRINCIPAL', 'LATE_FEE', 'FINE'];

/** An outstanding liability as the claim reads it (open, amount outstanding > 0). */
export interface OutstandingLiability {
  readonly liabilityId: string;
  readonly taxType: string;
  readonly periodKey: string;
  readonly outstanding: string;
}

export interface GivenClaimLine {
  readonly class: BankruptcyClaimClass;
  readonly taxType?: string;
  readonly periodKey?: string;
  readonly amount: Money;
}

/**
 * The lines of a tax claim (§11: principal, late fees and fines as separate classes): the principal
 * from each outstanding liability when asked, then the lines the officer gives. A given principal
 * line for a (tax type, period) already taken from a liability replaces it (the officer's figure
 * wins). Zero amounts are dropped.
 */
export function claimLines(o: { fromLiabilities: readonly OutstandingLiability[]; given: readonly GivenClaimLine[] }): BankruptcyClaimLine[] {
  const given = o.given.filter((l) => toFen(l.amount.amount) > 0n);
  const overridden = new Set(given.filter((l) => l.class === 'PRINCIPAL' && l.taxType && l.periodKey).map((l) => `${l.taxType}|${l.periodKey}`));
  const fromLiabilities: BankruptcyClaimLine[] = o.fromLiabilities
    .filter((l) => toFen(l.outstanding) > 0n && !overridden.has(`${l.taxType}|${l.periodKey}`))
    .map((l) => ({ class: 'PRINCIPAL', taxType: l.taxType, periodKey: l.periodKey, amount: moneyFromFen(toFen(l.outstanding)), source: { kind: 'LIABILITY', liabilityId: l.liabilityId } }));
  return [
    ...fromLiabilities,
    ...given.map((l) => ({
      class: l.class,
      ...(l.taxType !== undefined ? { taxType: l.taxType } : {}),
      ...(l.periodKey !== undefined ? { periodKey: l.periodKey } : {}),
      amount: moneyFromFen(toFen(l.amount.amount)),
      source: { kind: 'GIVEN' as const },
    })),
  ];
}

/** Totals per class and overall. */
export function claimTotals(lines: readonly BankruptcyClaimLine[]): BankruptcyTaxClaimRecord['totals'] {
  const per = (c: BankruptcyClaimClass) => sumMoney(lines.filter((l) => l.class === c).map((l) => l.amount));
  return { PRINCIPAL: per('PRINCIPAL'), LATE_FEE: per('LATE_FEE'), FINE: per('FINE'), all: sumMoney(lines.map((l) => l.amount)) };
}

import { fromFen, isAmount, toFen } from '@one-window/shared/money';
import { TaxInvalidArgumentError } from '../shared/errors';
import { taxEvent, type TaxEvent, type TaxOutcome } from '../shared/outcome';
import { PaymentExceedsOutstandingError } from './errors';
import type { FilingIds } from './filing-ids';
import type { Obligation } from './obligation';
import type { ReturnLine } from './return-lines';
import type { TaxType } from './tax-type';

/** How a payment reached the treasury (digital RMB: 002 L291) [cfg list]. */
export type PaymentChannel = 'TRIPARTITE_DEBIT' | 'BANK_CARD' | 'DIGITAL_RMB' | 'COUNTER' | 'THIRD_PARTY_PAY';

export interface LiabilityPayment {
  readonly paymentId: string;
  readonly amount: string;
  readonly channel: PaymentChannel;
  /** When the money reached the treasury (入库). */
  readonly treasuryAt: Date;
}

/**
 * What a taxpayer owes for one tax type of one period (§3 Liability). `outstanding` never goes
 * below zero; money paid above a lowered (amended) amount is `overpaid`, to be refunded (§9).
 */
export interface Liability {
  readonly liabilityId: string;
  readonly taxpayerId: string;
  readonly periodKey: string;
  readonly taxType: TaxType;
  readonly amount: string;
  readonly outstanding: string;
  readonly overpaid: string;
  /** Pay by the filing due date [ext]. */
  readonly due: string;
  /** 'ruleId@version' of every relief applied (E1). */
  readonly ruleVersions: readonly string[];
  /** PAID when nothing is outstanding. */
  readonly status: 'OPEN' | 'PAID';
  readonly payments: readonly LiabilityPayment[];
}

/** The liability a return line creates. */
export function liabilityFromLine(obligation: Obligation, line: ReturnLine, ids: FilingIds): Liability {
  const fen = toFen(line.taxPayable);
  return {
    liabilityId: ids('liability'),
    taxpayerId: obligation.taxpayerId,
    periodKey: obligation.periodKey,
    taxType: line.taxType,
    amount: fromFen(fen),
    outstanding: fromFen(fen),
    overpaid: '0.00',
    due: obligation.due,
    ruleVersions: [...(line.ruleVersions ?? [])],
    status: fen > 0n ? 'OPEN' : 'PAID',
    payments: [],
  };
}

/** `tax.liability.assessed` (§14: periodKey, amount, ruleVersions). `change` is set by an amendment. */
export function liabilityAssessedEvent(
  liability: Liability,
  at: Date,
  change?: { readonly previousAmount: string; readonly delta: string },
): TaxEvent {
  return taxEvent('tax.liability.assessed', liability.taxpayerId, at, {
    liabilityId: liability.liabilityId,
    periodKey: liability.periodKey,
    taxType: liability.taxType,
    amount: liability.amount,
    outstanding: liability.outstanding,
    due: liability.due,
    ruleVersions: [...liability.ruleVersions],
    ...(change ? { previousAmount: change.previousAmount, delta: change.delta, overpaid: liability.overpaid } : {}),
  });
}

/**
 * A payment reached the treasury: reduces `outstanding`; PAID at zero. A payment above the
 * outstanding amount is refused (PaymentExceedsOutstandingError), never booked as a credit
 * [design]. The same paymentId again is a no-op (redelivery). Emits `tax.payment.received`.
 */
export function recordPayment(liability: Liability, payment: LiabilityPayment): TaxOutcome<Liability> {
  if (liability.payments.some((p) => p.paymentId === payment.paymentId)) return { aggregate: liability, events: [] };
  if (!isAmount(payment.amount) || toFen(payment.amount) === 0n) {
    throw new TaxInvalidArgumentError(`A payment amount must be positive with at most 2 decimals: ${JSON.stringify(payment.amount)}`, {
      amount: payment.amount,
    });
  }
  const paid = toFen(payment.amount);
  const outstanding = toFen(liability.outstanding);
  if (paid > outstanding) throw new PaymentExceedsOutstandingError(liability.liabilityId, fromFen(paid), liability.outstanding);
  const left = outstanding - paid;
  const aggregate: Liability = {
    ...liability,
    outstanding: fromFen(left),
    status: left === 0n ? 'PAID' : 'OPEN',
    payments: [...liability.payments, { ...payment, amount: fromFen(paid), treasuryAt: new Date(payment.treasuryAt.getTime()) }],
  };
  return {
    aggregate,
    events: [
      taxEvent('tax.payment.received', liability.taxpayerId, payment.treasuryAt, {
        paymentId: payment.paymentId,
        liabilityId: liability.liabilityId,
        periodKey: liability.periodKey,
        taxType: liability.taxType,
        amount: fromFen(paid),
        outstanding: aggregate.outstanding,
        channel: payment.channel,
        ruleVersions: [...liability.ruleVersions],
      }),
    ],
  };
}

/**
 * The liability after an amendment changed its amount (更正申报). What was paid stays paid:
 * outstanding = max(0, new amount − paid); anything paid above the new amount is `overpaid`.
 */
export function reassessLiability(liability: Liability, line: ReturnLine): { liability: Liability; previousAmount: string; delta: string } {
  const before = toFen(liability.amount);
  const after = toFen(line.taxPayable);
  const paid = totalPaid(liability);
  const outstanding = after > paid ? after - paid : 0n;
  const overpaid = paid > after ? paid - after : 0n;
  return {
    liability: {
      ...liability,
      amount: fromFen(after),
      outstanding: fromFen(outstanding),
      overpaid: fromFen(overpaid),
      ruleVersions: [...(line.ruleVersions ?? [])],
      status: outstanding === 0n ? 'PAID' : 'OPEN',
    },
    previousAmount: fromFen(before),
    delta: fromFen(after - before),
  };
}

/** Everything paid on the liability so far, in fen. */
export function totalPaid(liability: Pick<Liability, 'payments'>): bigint {
  return liability.payments.reduce((sum, p) => sum + toFen(p.amount), 0n);
}

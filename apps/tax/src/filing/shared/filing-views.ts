import type { LiabilityRecord, ObligationRecord, PaymentRecord, ReturnRecord } from '@one-window/tax/data-access';
import type { FilingReceipt } from '@one-window/tax/domain';

/** An obligation as GET obligations answers it (HMRC MTD fields plus taxTypes, combinedGroup, combinable, overdue). */
export function obligationView(o: ObligationRecord) {
  return {
    periodKey: o.periodKey,
    start: o.start,
    end: o.end,
    due: o.due,
    status: o.status,
    taxTypes: [...o.taxTypes],
    combinedGroup: o.combinedGroup ?? null,
    combinable: o.combinable,
    overdue: o.overdue,
    ...(o.receiptId ? { receiptId: o.receiptId } : {}),
  };
}

export function returnView(r: ReturnRecord) {
  return {
    returnId: r.returnId,
    taxpayerId: r.taxpayerId,
    periodKey: r.periodKey,
    version: r.version,
    finalised: r.finalised,
    lines: r.lines.map((l) => ({ taxType: l.taxType, taxableBase: l.taxableBase, taxPayable: l.taxPayable, ruleVersions: [...(l.ruleVersions ?? [])] })),
    receiptId: r.receiptId,
    formBundleNo: r.formBundleNo,
    filedAt: r.filedAt.toISOString(),
    ...(r.amendsReturnId ? { amendsReturnId: r.amendsReturnId } : {}),
  };
}

/** The receipt answered by POST returns (HMRC: Receipt-ID header + formBundleNumber). */
export function receiptView(receipt: FilingReceipt, r: { returnId: string; periodKey: string; version: number }) {
  return {
    receiptId: receipt.receiptId,
    formBundleNo: receipt.formBundleNo,
    processedAt: receipt.processedAt.toISOString(),
    returnId: r.returnId,
    periodKey: r.periodKey,
    version: r.version,
  };
}

export function liabilityView(l: LiabilityRecord) {
  return {
    liabilityId: l.liabilityId,
    periodKey: l.periodKey,
    taxType: l.taxType,
    period: { start: l.start, end: l.end },
    amount: l.amount,
    outstanding: l.outstanding,
    overpaid: l.overpaid,
    due: l.due,
    status: l.status,
    ruleVersions: [...l.ruleVersions],
    payments: l.payments.map((p) => ({ paymentId: p.paymentId, amount: p.amount, channel: p.channel, treasuryAt: p.treasuryAt.toISOString() })),
  };
}

export function paymentView(p: PaymentRecord) {
  return {
    paymentId: p.paymentId,
    liabilityId: p.liabilityId,
    periodKey: p.periodKey,
    taxType: p.taxType,
    amount: p.amount,
    channel: p.channel,
    treasuryAt: p.treasuryAt.toISOString(),
  };
}

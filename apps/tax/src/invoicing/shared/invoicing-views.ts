import type { InvoiceAccountRecord, InvoiceRecord, UKeyIssuanceRecord } from '@one-window/tax/data-access';
import { digitalAccountEntryStatus } from '@one-window/tax/domain';

/** An invoice as its issuer (or an officer of the issuer's bureau) sees it: the whole document and its lifecycle. */
export function invoiceView(r: InvoiceRecord, version: number) {
  const s = r.state;
  const d = s.document;
  return {
    invoiceNo: d.invoiceNo,
    kind: d.kind,
    status: s.status,
    issuerId: d.issuerId,
    seller: d.seller,
    buyer: d.buyer,
    lines: d.lines,
    amount: d.amount,
    tax: d.tax,
    total: d.total,
    issuedAt: d.issuedAt,
    issuedOn: d.issuedOn,
    checkCode: d.checkCode,
    chainSequence: d.chainSequence,
    prevHash: d.prevHash,
    hash: d.hash,
    ...(d.redLetter ? { redLetter: d.redLetter } : {}),
    deliveryDueAt: s.deliveryDueAt.toISOString(),
    ...(s.delivery ? { delivery: { channel: s.delivery.channel, at: s.delivery.at.toISOString(), late: s.delivery.late } } : {}),
    ...(s.reversal
      ? {
          reversal: {
            creditNoteNo: s.reversal.creditNoteNo,
            scope: s.reversal.scope,
            reason: s.reversal.reason,
            amount: s.reversal.amount,
            tax: s.reversal.tax,
            at: s.reversal.at.toISOString(),
            buyerConfirmed: s.reversal.buyerConfirmation !== undefined,
          },
        }
      : {}),
    ...(r.redLetterConfirmation ? { redLetterConfirmation: { confirmedBy: r.redLetterConfirmation.confirmedBy, confirmedAt: r.redLetterConfirmation.confirmedAt.toISOString() } } : {}),
    version,
  };
}

export type InvoiceView = ReturnType<typeof invoiceView>;

/** A received invoice in the buyer's digital tax account. */
export function accountEntryView(r: InvoiceAccountRecord) {
  const e = r.entry;
  return {
    invoiceNo: e.invoiceNo,
    kind: e.kind,
    issuerId: e.issuerId,
    amount: e.amount,
    tax: e.tax,
    total: e.total,
    issuedOn: e.issuedOn,
    hash: e.hash,
    receivedAt: e.receivedAt.toISOString(),
    status: digitalAccountEntryStatus(e),
    ...(e.redLetter ? { redLetter: e.redLetter } : {}),
    ...(e.consumption ? { consumption: { use: e.consumption.use, reference: e.consumption.reference, at: e.consumption.at.toISOString() } } : {}),
    ...(e.deduction ? { deduction: { period: e.deduction.period, at: e.deduction.at.toISOString() } } : {}),
    ...(e.reversal ? { reversal: e.reversal } : {}),
  };
}

/** A UKey order with its status and the 1-working-day dispatch clock. */
export function ukeyOrderView(r: UKeyIssuanceRecord, version: number, now: Date = new Date()) {
  const open = r.status === 'REQUESTED';
  const doneAt = r.dispatchedAt ?? r.readyAt;
  return {
    orderId: r.id,
    taxpayerId: r.taxpayerId,
    status: r.status,
    free: r.free,
    freeMailing: r.freeMailing,
    pickup: r.pickup,
    ...(r.mailingAddress !== undefined ? { mailingAddress: r.mailingAddress } : {}),
    ...(r.counterOfficeId !== undefined ? { counterOfficeId: r.counterOfficeId } : {}),
    requestedAt: r.requestedAt.toISOString(),
    dispatchClock: {
      limitWorkingDays: 1,
      dueAt: r.dispatchDueAt.toISOString(),
      running: open,
      overdue: open ? now.getTime() >= r.dispatchDueAt.getTime() : doneAt !== undefined && doneAt.getTime() >= r.dispatchDueAt.getTime(),
      ...(open ? { remainingMs: Math.max(0, r.dispatchDueAt.getTime() - now.getTime()) } : {}),
      ...(r.dispatchOverdueAt ? { flaggedLateAt: r.dispatchOverdueAt.toISOString() } : {}),
    },
    ...(r.trackingNo !== undefined ? { trackingNo: r.trackingNo } : {}),
    ...(r.carrier !== undefined ? { carrier: r.carrier } : {}),
    ...(r.dispatchedAt ? { dispatchedAt: r.dispatchedAt.toISOString() } : {}),
    ...(r.deliveredAt ? { deliveredAt: r.deliveredAt.toISOString() } : {}),
    ...(r.readyAt ? { readyAt: r.readyAt.toISOString() } : {}),
    ...(r.activatedAt ? { activatedAt: r.activatedAt.toISOString() } : {}),
    ...(r.deviceNo !== undefined ? { deviceNo: r.deviceNo } : {}),
    history: r.history.map((h) => ({ at: h.at.toISOString(), trigger: h.trigger, from: h.from, to: h.to, actor: h.actor })),
    version,
  };
}

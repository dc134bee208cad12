import { WorkingCalendar } from '@one-window/shared/calendar';
import { cny } from '@one-window/shared/money';
import { TransitionNotAllowedError } from '@one-window/shared/state-machine';
import type { ListHit, TaxpayerCreditRisk } from '../credit-risk/credit-risk';
import { TaxOperationWarningNotAcknowledgedError } from '../credit-risk/errors';
import { RiskCase } from '../credit-risk/risk-case';
import { at, catchError, describeTaxMachine } from '../credit-risk/testing';
import {
  RefundInfoPeriodNotOverError,
  RefundInfoPeriodOverError,
  RefundNotEligibleError,
  RefundReasonsRequiredError,
  RefundRiskNotResolvedError,
} from './errors';
import { RefundClaim, refundEligibility, type SubmitRefundClaim } from './refund-claim';
import { REFUND_MACHINE } from './refund-machine';

const calendar = WorkingCalendar.chinaMainland();
const TP = '92440101MA5ZZZZZ2C';
const GOOD: TaxpayerCreditRisk = { creditGrade: 'B', riskLevel: 'low', listHits: [] };
const REFUND_FRAUD: ListHit = { list: 'REFUND_FRAUD', origin: '国家税务总局广西壮族自治区税务局', date: '2026-09-01' };

function submit(overrides: Partial<SubmitRefundClaim> = {}) {
  return RefundClaim.submit({
    claimId: 'rf-1',
    taxpayerId: TP,
    kind: 'VAT_CREDIT',
    industryCode: 'C3511',
    amount: cny('12345.67'),
    at: at('2026-09-30T10:00'),
    calendar,
    credit: GOOD,
    ...overrides,
  });
}

describeTaxMachine(REFUND_MACHINE);

describe('refund eligibility', () => {
  it('留抵 needs a key industry; other kinds do not; the amount must be positive', () => {
    expect(refundEligibility({ kind: 'VAT_CREDIT', industryCode: 'I6513', amount: cny('1.00') })).toMatchObject({ eligible: true, keyIndustry: { id: 'SOFTWARE_IT' } });
    expect(refundEligibility({ kind: 'VAT_CREDIT', industryCode: 'K6610', amount: cny('1.00') }).reasons).toEqual(['INVALID_INDUSTRY_CODE']);
    expect(refundEligibility({ kind: 'VAT_CREDIT', industryCode: 'K7010', amount: cny('1.00') }).reasons).toEqual(['NOT_KEY_INDUSTRY']);
    expect(refundEligibility({ kind: 'IIT_ANNUAL', industryCode: 'K7010', amount: cny('1.00') }).eligible).toBe(true);
    expect(refundEligibility({ kind: 'RD_EQUIPMENT', industryCode: 'C3511', amount: cny('0.00') }).reasons).toEqual(['ZERO_AMOUNT']);
  });

  it('an ineligible claim is refused with tax.refund.not_eligible and nothing is created', () => {
    const error = catchError(() => submit({ industryCode: 'K7010' }));
    expect(error).toBeInstanceOf(RefundNotEligibleError);
    expect(error).toMatchObject({ code: 'tax.refund.not_eligible', details: { kind: 'VAT_CREDIT', industryCode: 'K7010', reasons: ['NOT_KEY_INDUSTRY'] } });
  });
});

describe('refund claim: submission and the credit + risk gate', () => {
  it('passes the gate → UNDER_REVIEW with tax.refund.requested; review due 10 WD across National Day and the Oct 10 working Saturday', () => {
    const { aggregate, events } = submit();
    expect(aggregate.state.status).toBe('UNDER_REVIEW');
    expect(aggregate.state.gate).toMatchObject({ decision: 'simplified', rule: 'R8.4@2026.1', acknowledged: false });
    expect(aggregate.state.keyIndustry).toBe('MANUFACTURING');
    // Submitted Wed 2026-09-30. Oct 1–7 holiday; WD: Oct 8, 9, 10 (Sat, 调休上班), 12, 13, 14, 15, 16, 19, 20.
    // Due at the end of Tue 2026-10-20 = 2026-10-21T00:00+08:00.
    expect(aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-10-21T00:00'));
    expect(aggregate.state.review?.dueAt).toBe('2026-10-20T16:00:00.000Z');
    expect(events).toEqual([
      {
        type: 'tax.refund.requested',
        aggregateId: TP,
        occurredAt: at('2026-09-30T10:00'),
        data: { claimId: 'rf-1', taxpayerId: TP, kind: 'VAT_CREDIT', amount: { amount: '12345.67', currency: 'CNY' }, industry: 'C3511', keyIndustry: 'MANUFACTURING', reasonCodes: [] },
      },
    ]);
    expect(aggregate.state.history.map((h) => [h.trigger, h.to, h.actor])).toEqual([
      ['submit', 'SUBMITTED', 'applicant'],
      ['gate_pass', 'UNDER_REVIEW', 'system'],
    ]);
  });

  it.each([
    ['refund-fraud list hit, grade A', { creditGrade: 'A', riskLevel: 'low', listHits: [REFUND_FRAUD] }, 'LIST_HIT_REFUND_FRAUD', 'R8.5@2026.1'],
    ['false-invoicing list hit, grade B', { creditGrade: 'B', riskLevel: 'medium', listHits: [{ list: 'FALSE_INVOICING', origin: 'STA', date: '2026-08-01' }] }, 'LIST_HIT_FALSE_INVOICING', 'R8.5@2026.1'],
    ['grade D, high risk', { creditGrade: 'D', riskLevel: 'high', listHits: [] }, 'CREDIT_D_RISK_HIGH', 'R8.4@2026.1'],
  ] as const)('%s → BLOCKED with tax.operation.blocked and tax.refund.blocked', (_name, credit, reasonCode, rule) => {
    const { aggregate, events } = submit({ credit: { ...credit, listHits: [...credit.listHits] } });
    expect(aggregate.state.status).toBe('BLOCKED');
    expect(aggregate.state.review).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['tax.refund.requested', 'tax.operation.blocked', 'tax.refund.blocked']);
    expect(events[2].data).toMatchObject({ reasonCodes: [reasonCode], rule, howToLift: expect.any(String) });
  });

  it('a warning must be acknowledged (422 otherwise); acknowledged, it is recorded and the claim goes to review', () => {
    const credit: TaxpayerCreditRisk = { creditGrade: 'C', riskLevel: 'medium', listHits: [] };
    const error = catchError(() => submit({ credit }));
    expect(error).toBeInstanceOf(TaxOperationWarningNotAcknowledgedError);
    expect(error).toMatchObject({ code: 'tax.operation.warning_not_acknowledged', details: { operation: 'REFUND_CLAIM', reasonCode: 'CREDIT_C_RISK_MEDIUM' } });
    const { aggregate, events } = submit({ credit, acknowledgeWarning: true });
    expect(aggregate.state.status).toBe('UNDER_REVIEW');
    expect(aggregate.state.gate).toMatchObject({ decision: 'warning', acknowledged: true, reasonCode: 'CREDIT_C_RISK_MEDIUM' });
    expect(events.map((e) => e.type)).toEqual(['tax.refund.requested', 'tax.operation.warned']);
  });

  it('BLOCKED → UNDER_REVIEW only once the risk case is resolved (tax.refund.unblocked); the review clock starts then', () => {
    const blocked = submit({ credit: { creditGrade: 'A', riskLevel: 'low', listHits: [REFUND_FRAUD] } }).aggregate;
    let risk = RiskCase.detect({ caseId: 'risk-9', taxpayerId: TP, source: { kind: 'LIST_HIT', hit: REFUND_FRAUD }, level: 'high', at: at('2026-09-30T10:00'), calendar }).aggregate;
    const notYet = catchError(() => blocked.unblock({ at: at('2026-10-09T10:00'), officerId: 'r-1', calendar, riskCase: { caseId: 'risk-9', status: risk.state.status } }));
    expect(notYet).toBeInstanceOf(RefundRiskNotResolvedError);
    expect(notYet).toMatchObject({ code: 'tax.refund.risk_not_resolved', details: { riskCaseStatus: 'DETECTED' } });
    risk = risk.sendReminder({ at: at('2026-10-08T09:00'), calendar }).aggregate;
    risk = risk.startSelfCheck({ at: at('2026-10-08T15:00'), calendar, applicantId: TP }).aggregate;
    risk = risk.verifyCorrection({ at: at('2026-10-09T10:00'), officerId: 'r-1' }).aggregate;
    const { aggregate, events } = blocked.unblock({ at: at('2026-10-09T11:00'), officerId: 'r-1', calendar, riskCase: { caseId: 'risk-9', status: risk.state.status } });
    expect(aggregate.state.status).toBe('UNDER_REVIEW');
    expect(aggregate.state.unblocked).toMatchObject({ riskCaseId: 'risk-9', officerId: 'r-1' });
    expect(events).toMatchObject([{ type: 'tax.refund.unblocked', data: { claimId: 'rf-1', reasonCodes: ['RISK_RESOLVED'] } }]);
    // Fri Oct 9 + 10 WD: Oct 10 (Sat), 12–16, 19–22 → end of Thu 2026-10-22.
    expect(aggregate.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-10-23T00:00'));
  });
});

describe('refund claim: review, information request (clock suspended), decision, payment', () => {
  const reviewing = () => submit().aggregate;

  it('an information request suspends the review clock; supplying it moves the due date by the suspended working days', () => {
    const requested = reviewing().requestInfo({ at: at('2026-10-12T09:00'), officerId: 's-1', items: ['INPUT_INVOICE_LIST'], calendar }).aggregate;
    expect(requested.state.status).toBe('INFO_REQUESTED');
    expect(requested.reviewDeadline(calendar)?.isSuspended).toBe(true);
    // The taxpayer answers within 10 WD of Mon Oct 12: Oct 13–16, 19–23, 26 → due 2026-10-27T00:00.
    expect(requested.state.infoRequests[0]).toMatchObject({ respondBy: at('2026-10-27T00:00'), clockSuspended: true, items: ['INPUT_INVOICE_LIST'] });

    const supplied = requested.supplyInfo({ at: at('2026-10-15T10:00'), applicantId: TP, calendar }).aggregate;
    expect(supplied.state.status).toBe('UNDER_REVIEW');
    // Suspended Mon Oct 12 – Thu Oct 15: Oct 12, 13, 14 = 3 WD; due moves from end of Oct 20 to end of Fri Oct 23.
    const review = supplied.reviewDeadline(calendar);
    expect(review?.isSuspended).toBe(false);
    expect(review?.suspendedWorkingDays).toBe(3);
    expect(review?.dueAt).toEqual(at('2026-10-24T00:00'));
    expect(supplied.state.infoRequests[0].suppliedAt).toEqual(at('2026-10-15T10:00'));
  });

  it('supplying at or after respondBy is refused; the timer lapses the claim then, not before', () => {
    const requested = reviewing().requestInfo({ at: at('2026-10-12T09:00'), officerId: 's-1', items: ['X'], calendar }).aggregate;
    expect(catchError(() => requested.supplyInfo({ at: at('2026-10-27T00:00'), applicantId: TP, calendar }))).toBeInstanceOf(RefundInfoPeriodOverError);
    expect(requested.supplyInfo({ at: at('2026-10-26T23:59'), applicantId: TP, calendar }).aggregate.state.status).toBe('UNDER_REVIEW');
    const early = catchError(() => requested.lapse({ at: at('2026-10-26T23:59') }));
    expect(early).toBeInstanceOf(RefundInfoPeriodNotOverError);
    expect(early).toMatchObject({ code: 'tax.refund.info_period_not_over' });
    const lapsed = requested.lapse({ at: at('2026-10-27T00:00') }).aggregate;
    expect(lapsed.state.status).toBe('LAPSED');
    expect(lapsed.state.lapsedAt).toEqual(at('2026-10-27T00:00'));
  });

  it('an information request after the review is overdue does not suspend the clock', () => {
    const requested = reviewing().requestInfo({ at: at('2026-10-21T09:00'), officerId: 's-1', items: ['X'], calendar }).aggregate;
    expect(requested.state.infoRequests[0].clockSuspended).toBe(false);
    const supplied = requested.supplyInfo({ at: at('2026-10-22T09:00'), applicantId: TP, calendar }).aggregate;
    expect(supplied.reviewDeadline(calendar)?.dueAt).toEqual(at('2026-10-21T00:00'));
  });

  it('approve → APPROVED (tax.refund.approved, payment due 5 WD) → PAID by finance (tax.refund.paid) → CLAWBACK (tax.refund.clawback_opened)', () => {
    const approved = reviewing().approve({ at: at('2026-10-20T15:00'), officerId: 's-1', calendar });
    expect(approved.aggregate.state.status).toBe('APPROVED');
    // Tue Oct 20 + 5 WD: Oct 21, 22, 23, 26, 27 → 2026-10-28T00:00.
    expect(approved.aggregate.state.paymentDueAt).toEqual(at('2026-10-28T00:00'));
    expect(approved.aggregate.state.decision).toMatchObject({ outcome: 'APPROVED', reviewOverdue: false });
    expect(approved.events).toMatchObject([{ type: 'tax.refund.approved', data: { dueAt: at('2026-10-28T00:00').toISOString(), late: false } }]);

    const paid = approved.aggregate.pay({ at: at('2026-10-27T16:00'), treasuryRef: 'TR-001' });
    expect(paid.aggregate.state.payment).toEqual({ at: at('2026-10-27T16:00'), treasuryRef: 'TR-001', late: false });
    expect(paid.events).toMatchObject([{ type: 'tax.refund.paid', data: { late: false } }]);
    expect(approved.aggregate.pay({ at: at('2026-10-28T00:00'), treasuryRef: 'TR-001' }).aggregate.state.payment?.late).toBe(true);

    expect(catchError(() => paid.aggregate.openClawback({ at: at('2026-12-01T10:00'), officerId: 'r-1', reasonCodes: [] }))).toBeInstanceOf(RefundReasonsRequiredError);
    const clawback = paid.aggregate.openClawback({ at: at('2026-12-01T10:00'), officerId: 'r-1', reasonCodes: ['REFUND_FRAUD_CONFIRMED'] });
    expect(clawback.aggregate.state.status).toBe('CLAWBACK');
    expect(clawback.events).toMatchObject([{ type: 'tax.refund.clawback_opened', data: { reasonCodes: ['REFUND_FRAUD_CONFIRMED'], amount: { amount: '12345.67' } } }]);
  });

  it('an approval after the review limit is recorded as late', () => {
    const approved = reviewing().approve({ at: at('2026-10-21T00:00'), officerId: 's-1', calendar }).aggregate;
    expect(approved.state.decision?.reviewOverdue).toBe(true);
  });

  it('reject needs reasons[] and emits tax.refund.rejected with them', () => {
    expect(catchError(() => reviewing().reject({ at: at('2026-10-12T09:00'), officerId: 's-1', reasons: [], calendar }))).toMatchObject({ code: 'tax.refund.reasons_required' });
    const { aggregate, events } = reviewing().reject({ at: at('2026-10-12T09:00'), officerId: 's-1', reasons: ['CREDIT_NOT_INCREMENTAL', 'MISSING_DECLARATION'], calendar });
    expect(aggregate.state.status).toBe('REJECTED');
    expect(aggregate.state.decision?.reasons).toEqual(['CREDIT_NOT_INCREMENTAL', 'MISSING_DECLARATION']);
    expect(events).toMatchObject([{ type: 'tax.refund.rejected', data: { reasonCodes: ['CREDIT_NOT_INCREMENTAL', 'MISSING_DECLARATION'] } }]);
  });

  it('refuses steps the table does not allow from the current state, before any other check', () => {
    const r = reviewing();
    expect(() => r.pay({ at: at('2026-10-12T09:00'), treasuryRef: 'x' })).toThrow(TransitionNotAllowedError);
    expect(() => r.lapse({ at: at('2026-10-12T09:00') })).toThrow(TransitionNotAllowedError);
    expect(() => r.supplyInfo({ at: at('2026-10-12T09:00'), applicantId: TP, calendar })).toThrow(TransitionNotAllowedError);
    expect(() => r.unblock({ at: at('2026-10-12T09:00'), officerId: 'o', calendar, riskCase: { caseId: 'x', status: 'DETECTED' } })).toThrow(TransitionNotAllowedError);
    expect(r.state.status).toBe('UNDER_REVIEW');
  });
});

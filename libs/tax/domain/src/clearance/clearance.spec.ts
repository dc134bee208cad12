import fc from 'fast-check';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { cny } from '@one-window/shared/money';
import { TransitionNotAllowedError } from '@one-window/shared/state-machine';
import type { TaxpayerCreditRisk } from '../credit-risk/credit-risk';
import { at, catchError, describeTaxMachine } from '../credit-risk/testing';
import { ClearanceCase } from './clearance-case';
import { CLEARANCE_MACHINE } from './clearance-machine';
import { classifyClearance, clearanceBlockers, factRoute, type ClearanceFacts } from './clearance-route';
import {
  ClearanceBlockersOutstandingError,
  ClearanceCommitmentNotDueError,
  ClearanceCommitmentOverdueError,
  ClearanceIssuerNotAllowedError,
  ClearanceRouteMismatchError,
} from './errors';

const calendar = WorkingCalendar.chinaMainland();
const TP = '91440101MA5WWWWW3D';
const GOOD: TaxpayerCreditRisk = { creditGrade: 'A', riskLevel: 'low', listHits: [] };
const CLEAR: ClearanceFacts = {
  neverHadTaxMatters: false,
  outstandingReturns: [],
  arrears: [],
  lateFees: cny('0.00'),
  fines: cny('0.00'),
  unusedInvoices: 0,
  ukeysNotCancelled: 0,
  underInspection: false,
  missingMaterials: [],
};
const facts = (over: Partial<ClearanceFacts>): ClearanceFacts => ({ ...CLEAR, ...over });

describeTaxMachine(CLEARANCE_MACHINE);

describe('clearance blockers: every one listed', () => {
  it('lists each outstanding item with its data, in a stable order', () => {
    expect(
      clearanceBlockers({
        neverHadTaxMatters: false,
        outstandingReturns: [{ periodKey: '26A1' }, { periodKey: '26A2' }],
        arrears: [
          { taxType: 'VAT', amount: cny('1200.50') },
          { taxType: 'CIT', amount: cny('0.00') },
        ],
        lateFees: cny('12.30'),
        fines: cny('500'),
        unusedInvoices: 3,
        ukeysNotCancelled: 1,
        underInspection: true,
        missingMaterials: ['清税申报表'],
      }),
    ).toEqual([
      { code: 'OUTSTANDING_RETURN', periodKey: '26A1' },
      { code: 'OUTSTANDING_RETURN', periodKey: '26A2' },
      { code: 'ARREARS', taxType: 'VAT', amount: { amount: '1200.50', currency: 'CNY' } },
      { code: 'LATE_FEES', amount: { amount: '12.30', currency: 'CNY' } },
      { code: 'FINES', amount: { amount: '500', currency: 'CNY' } },
      { code: 'UNUSED_INVOICES', count: 3 },
      { code: 'UKEY_NOT_CANCELLED', count: 1 },
      { code: 'UNDER_INSPECTION' },
      { code: 'MATERIALS_INCOMPLETE', missing: ['清税申报表'] },
    ]);
    expect(clearanceBlockers(CLEAR)).toEqual([]);
  });
});

describe('route classification (§10 table)', () => {
  it.each([
    ['never had tax matters', 'EXEMPT', facts({ neverHadTaxMatters: true })],
    ['never had tax matters, materials missing', 'EXEMPT', facts({ neverHadTaxMatters: true, missingMaterials: ['x'] })],
    ['never had tax matters but arrears on record', 'STANDARD', facts({ neverHadTaxMatters: true, arrears: [{ taxType: 'VAT', amount: cny('1') }] })],
    ['everything settled', 'ON_THE_SPOT', CLEAR],
    ['materials incomplete', 'COMMITMENT', facts({ missingMaterials: ['财务报表'] })],
    ['open return', 'COMMITMENT', facts({ outstandingReturns: [{ periodKey: '26A3' }] })],
    ['invoices and UKey not cancelled', 'COMMITMENT', facts({ unusedInvoices: 5, ukeysNotCancelled: 1 })],
    ['arrears', 'STANDARD', facts({ arrears: [{ taxType: 'VAT', amount: cny('0.01') }] })],
    ['late fees only', 'STANDARD', facts({ lateFees: cny('0.01') })],
    ['fines only', 'STANDARD', facts({ fines: cny('100.00') })],
    ['under inspection', 'STANDARD', facts({ underInspection: true })],
    ['under inspection, materials missing', 'STANDARD', facts({ underInspection: true, missingMaterials: ['x'] })],
    ['bankruptcy termination ruling, even with arrears', 'BANKRUPTCY', facts({ bankruptcyTermination: { rulingRef: '(2026)粤01破12号之三', administratorId: 'adm-1' }, arrears: [{ taxType: 'VAT', amount: cny('9') }] })],
  ] as const)('%s → %s', (_name, route, f) => {
    expect(factRoute(f)).toBe(route);
    expect(classifyClearance(f, GOOD).route).toBe(route);
  });

  it('COMMITMENT needs every outstanding item commitable: property over random blocker sets', () => {
    const arb = fc.record({
      returns: fc.nat({ max: 2 }),
      arrears: fc.boolean(),
      lateFees: fc.boolean(),
      fines: fc.boolean(),
      invoices: fc.nat({ max: 3 }),
      ukeys: fc.nat({ max: 1 }),
      inspection: fc.boolean(),
      materials: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const f = facts({
          outstandingReturns: Array.from({ length: r.returns }, (_, i) => ({ periodKey: `26A${i + 1}` })),
          arrears: r.arrears ? [{ taxType: 'VAT', amount: cny('1.00') }] : [],
          lateFees: cny(r.lateFees ? '1.00' : '0'),
          fines: cny(r.fines ? '1.00' : '0'),
          unusedInvoices: r.invoices,
          ukeysNotCancelled: r.ukeys,
          underInspection: r.inspection,
          missingMaterials: r.materials ? ['x'] : [],
        });
        const hard = r.arrears || r.lateFees || r.fines || r.inspection;
        const soft = r.returns > 0 || r.invoices > 0 || r.ukeys > 0 || r.materials;
        expect(factRoute(f)).toBe(hard ? 'STANDARD' : soft ? 'COMMITMENT' : 'ON_THE_SPOT');
        expect(clearanceBlockers(f)).toHaveLength(r.returns + Number(r.arrears) + Number(r.lateFees) + Number(r.fines) + Number(r.invoices > 0) + r.ukeys + Number(r.inspection) + Number(r.materials));
      }),
    );
  });

  it('the credit + risk gate: a block on ON_THE_SPOT / COMMITMENT falls back to STANDARD with the reason', () => {
    const blocked = classifyClearance(CLEAR, { creditGrade: 'D', riskLevel: 'high', listHits: [] });
    expect(blocked).toMatchObject({ route: 'STANDARD', factRoute: 'ON_THE_SPOT', fallback: { from: 'ON_THE_SPOT', reasonCode: 'CREDIT_D_RISK_HIGH', rule: 'R8.4@2026.1' } });
    const commitment = classifyClearance(facts({ missingMaterials: ['x'] }), { creditGrade: 'C', riskLevel: 'high', listHits: [] });
    expect(commitment).toMatchObject({ route: 'STANDARD', factRoute: 'COMMITMENT', fallback: { from: 'COMMITMENT' } });
  });

  it('a warning keeps the fast route only when acknowledged; otherwise STANDARD with WARNING_NOT_ACKNOWLEDGED', () => {
    const credit: TaxpayerCreditRisk = { creditGrade: 'M', riskLevel: 'high', listHits: [] };
    expect(classifyClearance(CLEAR, credit)).toMatchObject({ route: 'STANDARD', fallback: { reasonCode: 'WARNING_NOT_ACKNOWLEDGED' }, gate: { decision: 'warning' } });
    expect(classifyClearance(CLEAR, credit, { acknowledgeWarning: true })).toMatchObject({ route: 'ON_THE_SPOT', gate: { decision: 'warning' } });
  });

  it('a refund-fraud hit does not block clearance by itself (clearance is not a refund or invoice operation): grade A, high risk → warning', () => {
    const credit: TaxpayerCreditRisk = { creditGrade: 'A', riskLevel: 'low', listHits: [{ list: 'REFUND_FRAUD', origin: 'STA', date: '2026-01-01' }] };
    expect(classifyClearance(CLEAR, credit, { acknowledgeWarning: true })).toMatchObject({ route: 'ON_THE_SPOT', gate: { decision: 'warning', reasonCode: 'CREDIT_A_RISK_HIGH' } });
  });

  it('EXEMPT, STANDARD and BANKRUPTCY are not gated', () => {
    const bad: TaxpayerCreditRisk = { creditGrade: 'D', riskLevel: 'high', listHits: [] };
    expect(classifyClearance(facts({ neverHadTaxMatters: true }), bad)).toEqual({ route: 'EXEMPT', factRoute: 'EXEMPT', blockers: [] });
    expect(classifyClearance(facts({ fines: cny('1') }), bad).gate).toBeUndefined();
  });
});

describe('clearance case', () => {
  let seq = 0;
  const nextCertificateNo = () => `QS-2026-${String(++seq).padStart(6, '0')}`;
  beforeEach(() => {
    seq = 0;
  });
  const requested = (t = at('2026-09-30T10:00')) =>
    ClearanceCase.request({ caseId: 'cl-1', taxpayerId: TP, origin: 'DEREGISTRATION_EVENT', sourceEventId: 'evt-1', at: t });

  it('request emits tax.clearance.requested; the origin decides the actor', () => {
    const { aggregate, events } = requested();
    expect(aggregate.state.status).toBe('REQUESTED');
    expect(events).toEqual([{ type: 'tax.clearance.requested', aggregateId: TP, occurredAt: at('2026-09-30T10:00'), data: { caseId: 'cl-1', taxpayerId: TP, origin: 'DEREGISTRATION_EVENT', sourceEventId: 'evt-1' } }]);
    expect(ClearanceCase.request({ caseId: 'c', taxpayerId: TP, origin: 'BANKRUPTCY_ADMINISTRATOR', at: at('2026-09-30T10:00'), by: 'adm-1' }).aggregate.state.history[0]).toMatchObject({ actor: 'administrator', by: 'adm-1' });
    expect(ClearanceCase.request({ caseId: 'c', taxpayerId: TP, origin: 'TAXPAYER_APPLICATION', at: at('2026-09-30T10:00') }).aggregate.state.history[0].actor).toBe('applicant');
  });

  it('EXEMPT: answered within 1 WD (across National Day: end of Thu 2026-10-08) → EXEMPTED, tax.clearance.exempted, no certificate', () => {
    const classified = requested().aggregate.classify({ at: at('2026-09-30T10:00'), calendar, facts: facts({ neverHadTaxMatters: true }), credit: GOOD });
    expect(classified.events).toEqual([]);
    expect(classified.aggregate.state).toMatchObject({ status: 'CLASSIFIED', route: 'EXEMPT', dueAt: at('2026-10-09T00:00') });
    expect(classified.aggregate.isOverdue(at('2026-10-08T23:59'))).toBe(false);
    expect(classified.aggregate.isOverdue(at('2026-10-09T00:00'))).toBe(true);
    const { aggregate, events } = classified.aggregate.exempt({ at: at('2026-09-30T10:01') });
    expect(aggregate.state.status).toBe('EXEMPTED');
    expect(aggregate.state.certificateNo).toBeUndefined();
    expect(aggregate.isClosed).toBe(true);
    expect(events).toMatchObject([{ type: 'tax.clearance.exempted', data: { caseId: 'cl-1', route: 'EXEMPT' } }]);
  });

  it('ON_THE_SPOT: certificate at once with the injected number; the case is closed', () => {
    const classified = requested().aggregate.classify({ at: at('2026-09-30T10:00'), calendar, facts: CLEAR, credit: GOOD }).aggregate;
    expect(classified.state.dueAt).toBeUndefined();
    expect(catchError(() => classified.exempt({ at: at('2026-09-30T10:00') }))).toBeInstanceOf(ClearanceRouteMismatchError);
    const { aggregate, events } = classified.issue({ at: at('2026-09-30T10:00'), actor: 'system', calendar, nextCertificateNo });
    expect(aggregate.state).toMatchObject({ status: 'ISSUED', certificateNo: 'QS-2026-000001', issuedAt: at('2026-09-30T10:00') });
    expect(aggregate.state.commitmentDue).toBeUndefined();
    expect(aggregate.isClosed).toBe(true);
    expect(events).toEqual([
      { type: 'tax.clearance.issued', aggregateId: TP, occurredAt: at('2026-09-30T10:00'), data: { caseId: 'cl-1', taxpayerId: TP, route: 'ON_THE_SPOT', certificateNo: 'QS-2026-000001', sourceEventId: 'evt-1' } },
    ]);
    expect(catchError(() => aggregate.fulfil({ at: at('2026-10-09T10:00'), applicantId: TP, facts: CLEAR }))).toBeInstanceOf(ClearanceRouteMismatchError);
  });

  describe('COMMITMENT', () => {
    const issued = () =>
      requested()
        .aggregate.classify({ at: at('2026-09-30T10:00'), calendar, facts: facts({ missingMaterials: ['财务报表'], unusedInvoices: 2 }), credit: GOOD })
        .aggregate.issue({ at: at('2026-09-30T10:05'), actor: 'system', calendar, nextCertificateNo });

    it('certificate at once; commitmentDue = issue + 30 natural days (end of 2026-10-30); the items committed are recorded', () => {
      const { aggregate, events } = issued();
      expect(aggregate.state.commitmentDue).toEqual(at('2026-10-31T00:00'));
      expect(aggregate.state.commitmentItems).toEqual([
        { code: 'UNUSED_INVOICES', count: 2 },
        { code: 'MATERIALS_INCOMPLETE', missing: ['财务报表'] },
      ]);
      expect(aggregate.isClosed).toBe(false);
      expect(events).toMatchObject([{ type: 'tax.clearance.issued', data: { route: 'COMMITMENT', certificateNo: 'QS-2026-000001', commitmentDue: at('2026-10-31T00:00').toISOString() } }]);
    });

    it('FULFILLED before commitmentDue once nothing is outstanding; refused with the full list otherwise, or when late', () => {
      const c = issued().aggregate;
      const outstanding = catchError(() => c.fulfil({ at: at('2026-10-20T10:00'), applicantId: TP, facts: facts({ unusedInvoices: 1 }) }));
      expect(outstanding).toBeInstanceOf(ClearanceBlockersOutstandingError);
      expect(outstanding).toMatchObject({ code: 'tax.clearance.blockers_outstanding', details: { blockers: [{ code: 'UNUSED_INVOICES', count: 1 }] } });
      expect(catchError(() => c.fulfil({ at: at('2026-10-31T00:00'), applicantId: TP, facts: CLEAR }))).toBeInstanceOf(ClearanceCommitmentOverdueError);
      const { aggregate, events } = c.fulfil({ at: at('2026-10-30T23:59'), applicantId: TP, facts: CLEAR });
      expect(aggregate.state.status).toBe('FULFILLED');
      expect(events).toEqual([]);
    });

    it('BREACHED by the timer at commitmentDue (not before): tax.clearance_commitment.breached with the outstanding items', () => {
      const c = issued().aggregate;
      expect(catchError(() => c.breach({ at: at('2026-10-30T23:59') }))).toBeInstanceOf(ClearanceCommitmentNotDueError);
      const { aggregate, events } = c.breach({ at: at('2026-10-31T00:00') });
      expect(aggregate.state.status).toBe('BREACHED');
      expect(events).toEqual([
        {
          type: 'tax.clearance_commitment.breached',
          aggregateId: TP,
          occurredAt: at('2026-10-31T00:00'),
          data: {
            caseId: 'cl-1',
            taxpayerId: TP,
            sourceEventId: 'evt-1',
            route: 'COMMITMENT',
            certificateNo: 'QS-2026-000001',
            commitmentDue: at('2026-10-31T00:00').toISOString(),
            outstanding: [
              { code: 'UNUSED_INVOICES', count: 2 },
              { code: 'MATERIALS_INCOMPLETE', missing: ['财务报表'] },
            ],
            creditDeduction: true,
          },
        },
      ]);
    });
  });

  it('STANDARD: due 10 WD after the request (end of 2026-10-20); an officer issues once everything is settled', () => {
    const classified = requested().aggregate.classify({ at: at('2026-09-30T10:00'), calendar, facts: facts({ arrears: [{ taxType: 'VAT', amount: cny('88.00') }] }), credit: GOOD }).aggregate;
    expect(classified.state).toMatchObject({ route: 'STANDARD', dueAt: at('2026-10-21T00:00') });
    expect(catchError(() => classified.issue({ at: at('2026-10-12T10:00'), actor: 'system', calendar, nextCertificateNo, facts: CLEAR }))).toBeInstanceOf(ClearanceIssuerNotAllowedError);
    const unsettled = catchError(() => classified.issue({ at: at('2026-10-12T10:00'), actor: 'officer_service', officerId: 's-2', calendar, nextCertificateNo }));
    expect(unsettled).toMatchObject({ code: 'tax.clearance.blockers_outstanding', details: { blockers: [{ code: 'ARREARS', taxType: 'VAT', amount: { amount: '88.00' } }] } });
    const { aggregate, events } = classified.issue({ at: at('2026-10-12T10:00'), actor: 'officer_service', officerId: 's-2', calendar, nextCertificateNo, facts: CLEAR });
    expect(aggregate.state).toMatchObject({ status: 'ISSUED', certificateNo: 'QS-2026-000001' });
    expect(aggregate.state.history.at(-1)).toMatchObject({ actor: 'officer_service', by: 's-2' });
    expect(events).toMatchObject([{ type: 'tax.clearance.issued', data: { route: 'STANDARD' } }]);
  });

  it('a gate block on the fast route: STANDARD with the reason and tax.operation.blocked', () => {
    const { aggregate, events } = requested().aggregate.classify({ at: at('2026-09-30T10:00'), calendar, facts: CLEAR, credit: { creditGrade: 'C', riskLevel: 'high', listHits: [] } });
    expect(aggregate.state.route).toBe('STANDARD');
    expect(aggregate.state.classification?.fallback).toMatchObject({ from: 'ON_THE_SPOT', reasonCode: 'CREDIT_C_RISK_HIGH' });
    expect(events).toMatchObject([{ type: 'tax.operation.blocked', data: { operation: 'CLEARANCE_ON_THE_SPOT' } }]);
  });

  it('BANKRUPTCY: due 5 WD after the request (Oct 8, 9, 10, 12, 13 → end of 2026-10-13); issued by an officer on the ruling', () => {
    const classified = ClearanceCase.request({ caseId: 'cl-2', taxpayerId: TP, origin: 'BANKRUPTCY_ADMINISTRATOR', at: at('2026-09-30T10:00'), by: 'adm-1' })
      .aggregate.classify({
        at: at('2026-09-30T10:00'),
        calendar,
        facts: facts({ bankruptcyTermination: { rulingRef: 'R-1', administratorId: 'adm-1' }, arrears: [{ taxType: 'VAT', amount: cny('5.00') }] }),
        credit: { creditGrade: 'D', riskLevel: 'high', listHits: [] },
      }).aggregate;
    expect(classified.state).toMatchObject({ route: 'BANKRUPTCY', dueAt: at('2026-10-14T00:00') });
    expect(() => classified.issue({ at: at('2026-10-13T10:00'), actor: 'system', calendar, nextCertificateNo })).toThrow(ClearanceIssuerNotAllowedError);
    const { aggregate } = classified.issue({ at: at('2026-10-13T10:00'), actor: 'officer_service', officerId: 's-1', calendar, nextCertificateNo });
    expect(aggregate.state.status).toBe('ISSUED');
    expect(aggregate.isClosed).toBe(true);
  });

  it('refuses steps the table does not allow (tax.transition.not_allowed)', () => {
    const r = requested().aggregate;
    expect(() => r.exempt({ at: at('2026-09-30T10:00') })).toThrow(TransitionNotAllowedError);
    expect(() => r.issue({ at: at('2026-09-30T10:00'), actor: 'system', calendar, nextCertificateNo })).toThrow(TransitionNotAllowedError);
    expect(seq).toBe(0);
  });
});

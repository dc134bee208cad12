import fc from 'fast-check';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { ReratingNotEligibleError, ReratingOutsideDecisionMonthError, ReratingOutsideWindowError } from './errors';
import { CreditRerating, DEFAULT_RERATING_WINDOWS, fullMonthsBetween, reratingEligibility, type ReratingWindows } from './rerating';
import { RERATING_MACHINE } from './rerating-machine';
import { at, catchError, describeTaxMachine } from './testing';

const calendar = WorkingCalendar.chinaMainland();
const TP = '92440101MA5YYYYY1B';

describeTaxMachine(RERATING_MACHINE);

function apply(t: Date, enteredCreditManagementOn = '2025-02-20', windows?: ReratingWindows) {
  return CreditRerating.apply({ applicationId: 'rr-1', taxpayerId: TP, enteredCreditManagementOn, at: t, calendar, ...(windows ? { windows } : {}) });
}

describe('R8.7 new-taxpayer re-rating', () => {
  it('March window: APPLIED → RATED in April → PUBLISHED with tax.credit.re_rated on the last 12 months', () => {
    const applied = apply(at('2026-03-10T10:00')).aggregate;
    expect(applied.state).toMatchObject({ status: 'APPLIED', year: 2026, window: { applicationMonth: 3, decisionMonth: 4 }, monthsInManagement: 12, basisFrom: '2025-04-01', basisTo: '2026-03-31' });
    const rated = applied.rate({ at: at('2026-04-15T10:00'), calendar, grade: 'B', actor: 'system' }).aggregate;
    expect(rated.state.status).toBe('RATED');
    const { aggregate, events } = rated.publish({ at: at('2026-04-16T09:00') });
    expect(aggregate.state.status).toBe('PUBLISHED');
    expect(events).toEqual([
      {
        type: 'tax.credit.re_rated',
        aggregateId: TP,
        occurredAt: at('2026-04-16T09:00'),
        data: { taxpayerId: TP, applicationId: 'rr-1', grade: 'B', year: 2026, kind: 're-rating', basisFrom: '2025-04-01', basisTo: '2026-03-31' },
      },
    ]);
  });

  it('September window decides in October', () => {
    const applied = apply(at('2026-09-30T23:59'), '2025-08-01').aggregate;
    expect(applied.state.window.decisionMonth).toBe(10);
    expect(applied.state.basisFrom).toBe('2025-10-01');
    expect(applied.rate({ at: at('2026-10-31T12:00'), calendar, grade: 'A', actor: 'officer_service', officerId: 'o-1' }).aggregate.state.grade).toBe('A');
  });

  it.each(['2026-02-28T23:59', '2026-04-01T00:00', '2026-08-31T23:59', '2026-10-01T00:00'])('outside a window (%s) → tax.credit.rerating_outside_window', (t) => {
    const error = catchError(() => apply(at(t)));
    expect(error).toBeInstanceOf(ReratingOutsideWindowError);
    expect(error).toMatchObject({ code: 'tax.credit.rerating_outside_window', details: { windowMonths: [3, 9] } });
  });

  it('windows are configured per year', () => {
    const windows: ReratingWindows = { ...DEFAULT_RERATING_WINDOWS, byYear: { 2026: [{ applicationMonth: 5, decisionMonth: 6 }] } };
    expect(() => apply(at('2026-03-10T10:00'), '2025-02-01', windows)).toThrow(ReratingOutsideWindowError);
    const applied = apply(at('2026-05-10T10:00'), '2025-02-01', windows).aggregate;
    expect(applied.state.window).toEqual({ applicationMonth: 5, decisionMonth: 6 });
    expect(() => applied.rate({ at: at('2026-04-15T10:00'), calendar, grade: 'M', actor: 'system' })).toThrow(ReratingOutsideDecisionMonthError);
  });

  it('rating outside the decision month → tax.credit.rerating_outside_decision_month', () => {
    const applied = apply(at('2026-03-10T10:00')).aggregate;
    expect(catchError(() => applied.rate({ at: at('2026-05-01T00:00'), calendar, grade: 'B', actor: 'system' }))).toMatchObject({
      code: 'tax.credit.rerating_outside_decision_month',
      details: { decisionMonth: '2026-04', ratedOn: '2026-05-01' },
    });
  });

  it('ineligible: under 12 months, or a full evaluation year already completed', () => {
    expect(catchError(() => apply(at('2026-03-10T10:00'), '2025-03-11'))).toMatchObject({
      code: 'tax.credit.rerating_not_eligible',
      details: { reasons: ['LESS_THAN_12_MONTHS'], monthsInManagement: 11 },
    });
    const error = catchError(() => apply(at('2026-03-10T10:00'), '2024-12-15'));
    expect(error).toBeInstanceOf(ReratingNotEligibleError);
    expect(error).toMatchObject({ details: { reasons: ['FULL_EVALUATION_YEAR_COMPLETED'] } });
    expect(reratingEligibility('2025-01-01', '2026-03-10')).toMatchObject({ eligible: false, completedEvaluationYear: 2025 });
  });

  it('full months count on the same day of month, clamped to the month end', () => {
    expect(fullMonthsBetween('2025-03-15', '2026-03-14')).toBe(11);
    expect(fullMonthsBetween('2025-03-15', '2026-03-15')).toBe(12);
    expect(fullMonthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(fullMonthsBetween('2025-01-31', '2025-02-27')).toBe(0);
    expect(fullMonthsBetween('2026-03-15', '2025-03-15')).toBe(-12);
  });
});

describe('R8.7 eligibility properties', () => {
  const isoOf = (d: Date) => d.toISOString().slice(0, 10);
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  /** Entry dates after Jan 1 (so the first full evaluation year is the next one). */
  const entered = fc.date({ min: new Date('2024-01-02T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true });

  it('11 vs 12 months boundary: the day before the 12-month anniversary is 11 months and ineligible; the anniversary is 12', () => {
    fc.assert(
      fc.property(entered, (e) => {
        const y = e.getUTCFullYear();
        const m = e.getUTCMonth() + 1;
        const anniversary = new Date(Date.UTC(y + 1, m - 1, Math.min(e.getUTCDate(), daysIn(y + 1, m))));
        const dayBefore = new Date(anniversary.getTime() - 86_400_000);
        expect(fullMonthsBetween(isoOf(e), isoOf(anniversary))).toBe(12);
        expect(fullMonthsBetween(isoOf(e), isoOf(dayBefore))).toBe(11);
        expect(reratingEligibility(isoOf(e), isoOf(dayBefore)).reasons).toContain('LESS_THAN_12_MONTHS');
        expect(reratingEligibility(isoOf(e), isoOf(anniversary)).reasons).not.toContain('LESS_THAN_12_MONTHS');
      }),
    );
  });

  it('eligible exactly when ≥ 12 months and no whole calendar year (evaluation year) lies inside credit management', () => {
    fc.assert(
      fc.property(entered, fc.integer({ min: 0, max: 1200 }), (e, days) => {
        const on = new Date(e.getTime() + days * 86_400_000);
        const result = reratingEligibility(isoOf(e), isoOf(on));
        const months = fullMonthsBetween(isoOf(e), isoOf(on));
        // the first calendar year that starts on or after entry; it is done once the next one has begun by `on`
        const jan1 = e.getUTCMonth() === 0 && e.getUTCDate() === 1;
        const firstWholeYear = e.getUTCFullYear() + (jan1 ? 0 : 1);
        const yearDone = on.getTime() >= Date.UTC(firstWholeYear + 1, 0, 1);
        expect(result.eligible).toBe(months >= 12 && !yearDone);
        expect(months).toBeGreaterThanOrEqual(Math.floor(days / 31));
      }),
      { examples: [[new Date('2025-01-01T00:00:00.000Z'), 365]] },
    );
  });

  it('entering on 1 January: at 12 months the whole year is already done, so never eligible (an annual rating instead)', () => {
    expect(reratingEligibility('2025-01-01', '2025-12-31')).toMatchObject({ eligible: false, reasons: ['LESS_THAN_12_MONTHS'] });
    expect(reratingEligibility('2026-01-01', '2026-12-31')).toMatchObject({ eligible: false, reasons: ['LESS_THAN_12_MONTHS'] });
    expect(reratingEligibility('2025-01-01', '2026-01-01')).toMatchObject({ eligible: false, monthsInManagement: 12, completedEvaluationYear: 2025, reasons: ['FULL_EVALUATION_YEAR_COMPLETED'] });
    // entering on 2 January: 2025 is not whole, so 12 months later it is eligible, until 2026 is done
    expect(reratingEligibility('2025-01-02', '2026-01-02')).toMatchObject({ eligible: true, monthsInManagement: 12 });
    expect(reratingEligibility('2025-01-02', '2026-12-31')).toMatchObject({ eligible: true });
    expect(reratingEligibility('2025-01-02', '2027-01-01')).toMatchObject({ eligible: false, completedEvaluationYear: 2026 });
  });
});

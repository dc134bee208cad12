import { WorkingCalendar } from '@one-window/shared/calendar';
import { DEFAULT_FILING_SCHEDULE, dueDateFor } from './filing-schedule';
import { flagObligationOverdue, obligationCreatedEvent, overdueAt, scheduleObligations, type Obligation } from './obligation';
import { isPeriodKey, periodKeyFor } from './period-key';
import { monthPeriod, parseTaxPeriod, periodsOverlapping, quarterPeriod } from './tax-period';
import { at } from './test-fixtures';

const calendar = WorkingCalendar.chinaMainland();
const rule = DEFAULT_FILING_SCHEDULE.vat;
const due = (period: string) => dueDateFor(parseTaxPeriod(period), rule, calendar).toString();

describe('due dates: 15th of the following month, next working day if not [ext/cfg]', () => {
  it.each([
    ['2026-01', '2026-02-24', 'Feb 15 is in the Spring Festival holiday (Feb 15–23)'],
    ['2026-02', '2026-03-16', 'Mar 15 is a Sunday'],
    ['2026-03', '2026-04-15', 'a plain Wednesday'],
    ['2026-04', '2026-05-15', 'a Friday after the Labour Day block'],
    ['2026-09', '2026-10-15', 'Oct 15 is a working day after National Day (no holiday extension modelled)'],
    ['2026-10', '2026-11-16', 'Nov 15 is a Sunday'],
    ['2026-Q1', '2026-04-15', 'quarter'],
    ['2026-Q2', '2026-07-15', 'quarter'],
    ['2026-Q3', '2026-10-15', 'quarter'],
  ])('period %s is due %s (%s)', (period, expected) => {
    expect(due(period)).toBe(expected);
  });

  it('keeps a due day that is an adjusted working Saturday (调休上班: 2026-02-28, 2026-02-14)', () => {
    expect(dueDateFor(monthPeriod(2026, 1), { ...rule, dayOfFollowingMonth: 28 }, calendar).toString()).toBe('2026-02-28');
    expect(dueDateFor(monthPeriod(2026, 1), { ...rule, dayOfFollowingMonth: 14 }, calendar).toString()).toBe('2026-02-14');
    // the plain Sunday before it moves to the next working day
    expect(dueDateFor(monthPeriod(2026, 2), { ...rule, dayOfFollowingMonth: 1 }, calendar).toString()).toBe('2026-03-02');
  });

  it('does not move the day when rolling is configured off', () => {
    expect(dueDateFor(monthPeriod(2026, 1), { ...rule, rollToWorkingDay: false }, calendar).toString()).toBe('2026-02-15');
  });

  it('needs calendar data for the due year (or an explicit weekends-only fallback)', () => {
    expect(() => due('2026-12')).toThrow(expect.objectContaining({ code: 'calendar.year_not_loaded' }));
    const fallback = WorkingCalendar.chinaMainland({ fallback: 'weekends-only' });
    expect(dueDateFor(monthPeriod(2026, 12), rule, fallback).toString()).toBe('2027-01-15');
  });

  it('refuses a due day outside 1–28', () => {
    expect(() => dueDateFor(monthPeriod(2026, 1), { ...rule, dayOfFollowingMonth: 31 }, calendar)).toThrow(
      expect.objectContaining({ code: 'tax.invalid_argument' }),
    );
  });
});

describe('tax periods and period keys', () => {
  it('builds months and quarters with inclusive ends', () => {
    expect(parseTaxPeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parseTaxPeriod('2023-Q4')).toMatchObject({ start: '2023-10-01', end: '2023-12-31' });
    expect(() => parseTaxPeriod('2023-13')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() => parseTaxPeriod('2023-Q5')).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
  });

  it('lists the periods overlapping a date range', () => {
    expect(periodsOverlapping('MONTH', '2026-01-31', '2026-03-01').map((p) => p.start)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(periodsOverlapping('QUARTER', '2026-02-10', '2026-04-01').map((p) => p.index)).toEqual([1, 2]);
    expect(periodsOverlapping('QUARTER', '2025-12-31', '2026-01-01').map((p) => `${p.year}Q${p.index}`)).toEqual(['2025Q4', '2026Q1']);
  });

  it('issues opaque keys unique per stream and period', () => {
    expect(periodKeyFor({ kind: 'VAT' }, monthPeriod(2026, 2))).toBe('26M02-VAT');
    expect(periodKeyFor({ kind: 'COMBINED' }, quarterPeriod(2026, 1))).toBe('26Q1-MTC');
    expect(periodKeyFor({ kind: 'SINGLE', taxType: 'STAMP_DUTY' }, quarterPeriod(2026, 1))).toBe('26Q1-STAMP_DUTY');
    expect(isPeriodKey('26Q1-MTC')).toBe(true);
    expect(isPeriodKey('26M13-VAT')).toBe(false);
  });
});

describe('scheduleObligations', () => {
  const facts = {
    taxpayerId: '91440300MA5G000001',
    vatPeriod: 'MONTH' as const,
    taxTypes: ['VAT', 'STAMP_DUTY', 'PROPERTY_TAX', 'CORPORATE_INCOME_TAX'] as const,
    combinedReturn: true,
  };

  it('gives monthly VAT (with surcharges) and one combined 多税合一 obligation per quarter', () => {
    const obligations = scheduleObligations(facts, '2026-01-01', '2026-03-31', calendar);
    expect(obligations.map((o) => [o.periodKey, o.due])).toEqual([
      ['26M01-VAT', '2026-02-24'],
      ['26M02-VAT', '2026-03-16'],
      ['26M03-VAT', '2026-04-15'],
      ['26Q1-MTC', '2026-04-15'],
    ]);
    expect(obligations[0]).toEqual({
      periodKey: '26M01-VAT',
      taxpayerId: facts.taxpayerId,
      taxTypes: ['VAT', 'URBAN_MAINTENANCE_CONSTRUCTION_TAX', 'EDUCATION_SURCHARGE', 'LOCAL_EDUCATION_SURCHARGE'],
      combinable: false,
      periodKind: 'MONTH',
      start: '2026-01-01',
      end: '2026-01-31',
      due: '2026-02-24',
      status: 'O',
      overdue: false,
    });
    expect(obligations[3]).toMatchObject({
      combinedGroup: 'PROPERTY_BEHAVIOUR_CIT',
      taxTypes: ['CORPORATE_INCOME_TAX', 'PROPERTY_TAX', 'STAMP_DUTY'],
      combinable: true,
    });
  });

  it('gives one obligation per tax when the combined return is not chosen, and quarterly VAT for quarterly filers', () => {
    const obligations = scheduleObligations({ ...facts, vatPeriod: 'QUARTER', combinedReturn: false }, '2026-04-01', '2026-06-30', calendar);
    expect(obligations.map((o) => o.periodKey)).toEqual(['26Q2-VAT', '26Q2-CORPORATE_INCOME_TAX', '26Q2-PROPERTY_TAX', '26Q2-STAMP_DUTY']);
    expect(obligations.every((o) => o.combinedGroup === undefined && o.due === '2026-07-15')).toBe(true);
  });

  it('gives nothing for a taxpayer with no VAT and none of the 11 taxes', () => {
    expect(scheduleObligations({ taxpayerId: 'p1', taxTypes: ['INDIVIDUAL_INCOME_TAX'], combinedReturn: true }, '2026-01-01', '2026-12-31', calendar)).toEqual([]);
  });

  it('refuses an inverted range and unknown tax types', () => {
    expect(() => scheduleObligations(facts, '2026-02-01', '2026-01-01', calendar)).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
    expect(() =>
      scheduleObligations({ ...facts, taxTypes: ['SALT_TAX' as never] }, '2026-01-01', '2026-01-31', calendar),
    ).toThrow(expect.objectContaining({ code: 'tax.invalid_argument' }));
  });

  it('describes the creation as tax.obligation.created', () => {
    const [first] = scheduleObligations(facts, '2026-01-01', '2026-01-31', calendar);
    expect(obligationCreatedEvent(first, at('2026-01-01T00:05'))).toEqual({
      type: 'tax.obligation.created',
      aggregateId: facts.taxpayerId,
      occurredAt: at('2026-01-01T00:05'),
      data: { periodKey: '26M01-VAT', taxTypes: first.taxTypes, combinedGroup: null, start: '2026-01-01', end: '2026-01-31', due: '2026-02-24' },
    });
  });
});

describe('overdue flag (timer at due + 1 ND)', () => {
  const [jan] = scheduleObligations({ taxpayerId: 't1', vatPeriod: 'MONTH', taxTypes: [], combinedReturn: false }, '2026-01-01', '2026-01-31', calendar);

  it('fires at 00:00 after the due day, not before', () => {
    expect(overdueAt(jan, calendar)).toEqual(at('2026-02-25T00:00'));
    expect(() => flagObligationOverdue(jan, at('2026-02-24T23:59:59'), calendar)).toThrow(
      expect.objectContaining({ code: 'tax.obligation.not_yet_overdue' }),
    );
    const { aggregate, events } = flagObligationOverdue(jan, at('2026-02-25T00:00'), calendar);
    expect(aggregate).toMatchObject({ status: 'O', overdue: true });
    expect(jan.overdue).toBe(false);
    expect(events).toEqual([
      { type: 'tax.obligation.overdue', aggregateId: 't1', occurredAt: at('2026-02-25T00:00'), data: { periodKey: '26M01-VAT', taxTypes: jan.taxTypes, due: '2026-02-24' } },
    ]);
    expect(flagObligationOverdue(aggregate, at('2026-02-26T00:00'), calendar)).toEqual({ aggregate, events: [] });
  });

  it('is refused for a fulfilled obligation', () => {
    const fulfilled: Obligation = { ...jan, status: 'F' };
    expect(() => flagObligationOverdue(fulfilled, at('2026-03-01T00:00'), calendar)).toThrow(
      expect.objectContaining({ code: 'tax.transition.not_allowed' }),
    );
  });
});

import { CalendarArgumentError } from './errors';
import { LocalDate } from './local-date';

describe('LocalDate', () => {
  it('parses and prints ISO dates', () => {
    const date = LocalDate.parse('2026-10-01');
    expect([date.year, date.month, date.day]).toEqual([2026, 10, 1]);
    expect(date.toString()).toBe('2026-10-01');
    expect(JSON.stringify({ date })).toBe('{"date":"2026-10-01"}');
  });

  it('knows the ISO weekday (2026-01-01 is a Thursday, 1970-01-01 too)', () => {
    expect(LocalDate.parse('2026-01-01').weekday).toBe(4);
    expect(LocalDate.parse('1970-01-01').weekday).toBe(4);
    expect(LocalDate.parse('1969-12-28').weekday).toBe(7);
    expect(LocalDate.parse('2026-01-04').weekday).toBe(7);
    expect(LocalDate.parse('2026-10-10').weekday).toBe(6);
    expect(LocalDate.parse('2026-09-30').weekday).toBe(3);
    expect(LocalDate.parse('2026-10-10').isWeekend).toBe(true);
    expect(LocalDate.parse('2026-10-09').isWeekend).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(LocalDate.parse('2026-12-31').plusDays(1).toString()).toBe('2027-01-01');
    expect(LocalDate.parse('2028-02-28').plusDays(1).toString()).toBe('2028-02-29');
    expect(LocalDate.parse('2026-02-28').plusDays(1).toString()).toBe('2026-03-01');
    expect(LocalDate.parse('2026-03-01').plusDays(-1).toString()).toBe('2026-02-28');
    expect(LocalDate.parse('2026-01-01').daysUntil(LocalDate.parse('2027-01-01'))).toBe(365);
  });

  it('compares by date', () => {
    const a = LocalDate.parse('2026-02-14');
    const b = LocalDate.of(2026, 2, 15);
    expect(a.isBefore(b)).toBe(true);
    expect(b.isAfter(a)).toBe(true);
    expect(a.equals(LocalDate.from('2026-02-14'))).toBe(true);
    expect(a.compareTo(b)).toBe(-1);
    expect(LocalDate.ofEpochDay(a.epochDay).toString()).toBe('2026-02-14');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '20260101', '2026-01-01T00:00', '', ' 2026-01-01'])(
    'rejects %j',
    (value) => {
      expect(() => LocalDate.parse(value)).toThrow(CalendarArgumentError);
      expect(LocalDate.isValidIso(value)).toBe(false);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(LocalDate.isValidIso('2028-02-29')).toBe(true);
    expect(LocalDate.isValidIso('2100-02-29')).toBe(false);
    expect(LocalDate.isValidIso('2000-02-29')).toBe(true);
  });
});

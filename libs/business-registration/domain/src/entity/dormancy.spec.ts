import fc from 'fast-check';
import { LocalDate } from '@one-window/shared/calendar';
import { DormancyPeriodError, dormancyPeriod, MAX_DORMANCY_YEARS } from './dormancy';

describe('dormancy (歇业) lasts at most 3 years', () => {
  it('by default, and at the latest, until the same day 3 years later; resuming the day after', () => {
    expect(MAX_DORMANCY_YEARS).toBe(3);
    expect(dormancyPeriod('2026-12-05')).toEqual({ startOn: '2026-12-05', endsOn: '2029-12-05', resumesOn: '2029-12-06' });
    expect(dormancyPeriod('2026-12-05', '2029-12-05').endsOn).toBe('2029-12-05');
    expect(() => dormancyPeriod('2026-12-05', '2029-12-06')).toThrow(DormancyPeriodError);
  });

  it('a leap day starts a period ending on 28 February (or 1 March) three years on; a shorter period is fine; none ends before it starts', () => {
    expect(dormancyPeriod('2028-02-29').endsOn).toMatch(/^2031-0(2-28|3-01)$/);
    expect(dormancyPeriod('2026-12-05', '2026-12-05')).toEqual({ startOn: '2026-12-05', endsOn: '2026-12-05', resumesOn: '2026-12-06' });
    expect(() => dormancyPeriod('2026-12-05', '2026-12-04')).toThrow(DormancyPeriodError);
  });

  it('property: allowed exactly from the start day to the latest end day', () => {
    const start = LocalDate.parse('2026-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -5, max: 1200 }), (d, len) => {
        const startOn = start.plusDays(d).toString();
        const latest = dormancyPeriod(startOn).endsOn;
        const endsOn = LocalDate.parse(startOn).plusDays(len).toString();
        const ok = endsOn >= startOn && endsOn <= latest;
        if (ok) expect(dormancyPeriod(startOn, endsOn).endsOn).toBe(endsOn);
        else expect(() => dormancyPeriod(startOn, endsOn)).toThrow(DormancyPeriodError);
      }),
    );
  });
});

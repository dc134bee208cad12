import fc from 'fast-check';
import { WorkingCalendar } from '@one-window/shared/calendar';
import { at } from '../shared/machine-testing';
import { addWorkingMinutes, DEFAULT_WORKING_HOURS as H, elapsedWorkingMinutes } from './working-time';

const calendar = WorkingCalendar.chinaMainland();

describe('working time (bundle clock)', () => {
  it('0.5 day = 4 working hours across the lunch break', () => {
    expect(addWorkingMinutes(calendar, H, at('2026-03-02T10:00'), 240)).toEqual(at('2026-03-02T15:00'));
    expect(elapsedWorkingMinutes(calendar, H, at('2026-03-02T10:00'), at('2026-03-02T15:00'))).toBe(240);
    expect(elapsedWorkingMinutes(calendar, H, at('2026-03-02T10:00'), at('2026-03-02T15:01'))).toBe(241);
  });

  it('skips nights, weekends and holidays; counts 调休 working weekends', () => {
    // Fri 3 Apr 16:00: 2 h that day, then Qingming (4–6 Apr), then Tue 7 Apr 09:00–11:00.
    expect(addWorkingMinutes(calendar, H, at('2026-04-03T16:00'), 240)).toEqual(at('2026-04-07T11:00'));
    // Sat 14 Feb 2026 is an adjusted working day.
    expect(addWorkingMinutes(calendar, H, at('2026-02-14T10:00'), 60)).toEqual(at('2026-02-14T11:00'));
    // Started before opening or at lunch: counts from the next window.
    expect(addWorkingMinutes(calendar, H, at('2026-03-02T07:00'), 240)).toEqual(at('2026-03-02T14:00'));
    expect(addWorkingMinutes(calendar, H, at('2026-03-02T12:30'), 60)).toEqual(at('2026-03-02T14:00'));
    expect(addWorkingMinutes(calendar, H, at('2026-03-02T09:00'), 180)).toEqual(at('2026-03-02T12:00'));
  });

  it('property: elapsed(from, add(from, m)) = m', () => {
    const start = at('2026-01-05T00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 24 * 60 }), fc.integer({ min: 0, max: 3000 }), (offsetMinutes, m) => {
        const from = new Date(start + offsetMinutes * 60_000);
        return elapsedWorkingMinutes(calendar, H, from, addWorkingMinutes(calendar, H, from, m)) === m;
      }),
      { numRuns: 200 },
    );
  });
});

// The README example, through the public entry point.
import * as api from './index';
import { CalendarRegistry, Deadline, DeadlineStatus } from './index';

describe('public API (README example)', () => {
  it('exports the documented names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CN_BUNDLED_YEARS',
        'CalendarArgumentError',
        'CalendarDataError',
        'CalendarError',
        'CalendarRegistry',
        'CalendarYearNotLoadedError',
        'ClockStateError',
        'DEFAULT_DEADLINE_POLICY',
        'DEFAULT_TIME_ZONE',
        'DayType',
        'Deadline',
        'DeadlineStatus',
        'ExtensionRefusedError',
        'FixedOffsetTimeZone',
        'IntlTimeZone',
        'LocalDate',
        'UnknownJurisdictionError',
        'WorkingCalendar',
        'isJurisdictionCode',
        'isWorkingDayType',
        'parseJurisdictionOverride',
        'parseYearData',
        'timeZoneOf',
      ].sort(),
    );
  });

  it('computes the README numbers', () => {
    const cn = CalendarRegistry.withBundledData().calendarFor('CN-44-01');
    const trigger = new Date('2026-09-30T10:00:00+08:00');
    expect(cn.clockStart(trigger).toISOString()).toBe('2026-10-07T16:00:00.000Z');
    expect(cn.deadlineWorkingDays(trigger, 2).toISOString()).toBe('2026-10-09T16:00:00.000Z');
    expect(cn.deadlineWorkingDays(trigger, 3).toISOString()).toBe('2026-10-10T16:00:00.000Z');

    const limit = Deadline.start(cn, { trigger, workingDays: 2 });
    expect(limit.status(new Date('2026-10-09T09:00:00+08:00'))).toBe(DeadlineStatus.YELLOW);
    const extended = limit.extend(new Date('2026-10-09T09:00:00+08:00'), 2);
    expect(extended.dueAt.toISOString()).toBe('2026-10-12T16:00:00.000Z');
    expect(Deadline.fromSnapshot(cn, JSON.parse(JSON.stringify(extended.toSnapshot()))).dueAt).toEqual(extended.dueAt);
  });
});

import { DayType } from './day-type';
import { CalendarArgumentError, CalendarDataError, CalendarYearNotLoadedError } from './errors';
import { caught, FIXTURE_CN_2027, shanghai } from './test-fixtures';
import { WorkingCalendar } from './working-calendar';

const cn = WorkingCalendar.chinaMainland();

describe('WorkingCalendar: day types of the 2026 mainland China calendar', () => {
  it.each([
    // [date, weekday, expected type] — the day before, first, last and the day after each holiday block
    ['2026-01-01', 'Thu', DayType.PUBLIC_HOLIDAY],
    ['2026-01-03', 'Sat', DayType.PUBLIC_HOLIDAY],
    ['2026-01-04', 'Sun', DayType.ADJUSTED_WORKDAY],
    ['2026-01-05', 'Mon', DayType.WORKDAY],
    ['2026-02-13', 'Fri', DayType.WORKDAY],
    ['2026-02-14', 'Sat', DayType.ADJUSTED_WORKDAY],
    ['2026-02-15', 'Sun', DayType.PUBLIC_HOLIDAY],
    ['2026-02-23', 'Mon', DayType.PUBLIC_HOLIDAY],
    ['2026-02-24', 'Tue', DayType.WORKDAY],
    ['2026-02-28', 'Sat', DayType.ADJUSTED_WORKDAY],
    ['2026-03-01', 'Sun', DayType.WEEKEND],
    ['2026-04-03', 'Fri', DayType.WORKDAY],
    ['2026-04-04', 'Sat', DayType.PUBLIC_HOLIDAY],
    ['2026-04-06', 'Mon', DayType.PUBLIC_HOLIDAY],
    ['2026-04-07', 'Tue', DayType.WORKDAY],
    ['2026-04-30', 'Thu', DayType.WORKDAY],
    ['2026-05-01', 'Fri', DayType.PUBLIC_HOLIDAY],
    ['2026-05-05', 'Tue', DayType.PUBLIC_HOLIDAY],
    ['2026-05-06', 'Wed', DayType.WORKDAY],
    ['2026-05-09', 'Sat', DayType.ADJUSTED_WORKDAY],
    ['2026-05-10', 'Sun', DayType.WEEKEND],
    ['2026-06-18', 'Thu', DayType.WORKDAY],
    ['2026-06-19', 'Fri', DayType.PUBLIC_HOLIDAY],
    ['2026-06-21', 'Sun', DayType.PUBLIC_HOLIDAY],
    ['2026-06-22', 'Mon', DayType.WORKDAY],
    ['2026-09-19', 'Sat', DayType.WEEKEND],
    ['2026-09-20', 'Sun', DayType.ADJUSTED_WORKDAY],
    ['2026-09-24', 'Thu', DayType.WORKDAY],
    ['2026-09-25', 'Fri', DayType.PUBLIC_HOLIDAY],
    ['2026-09-27', 'Sun', DayType.PUBLIC_HOLIDAY],
    ['2026-09-28', 'Mon', DayType.WORKDAY],
    ['2026-09-30', 'Wed', DayType.WORKDAY],
    ['2026-10-01', 'Thu', DayType.PUBLIC_HOLIDAY],
    ['2026-10-07', 'Wed', DayType.PUBLIC_HOLIDAY],
    ['2026-10-08', 'Thu', DayType.WORKDAY],
    ['2026-10-10', 'Sat', DayType.ADJUSTED_WORKDAY],
    ['2026-10-11', 'Sun', DayType.WEEKEND],
    ['2026-12-31', 'Thu', DayType.WORKDAY],
  ])('%s (%s) is %s', (date, weekday, type) => {
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    expect(weekdays[cn.dayInfo(date).date.weekday - 1]).toBe(weekday);
    expect(cn.dayType(date)).toBe(type);
    expect(cn.isWorkingDay(date)).toBe(type === DayType.WORKDAY || type === DayType.ADJUSTED_WORKDAY);
  });

  it('counts 248 working days in 2026 (261 weekdays − 19 weekday holidays + 6 adjusted working days)', () => {
    expect(cn.workingDaysInRange('2026-01-01', '2027-01-01')).toBe(248);
  });
});

describe('WorkingCalendar: working-day arithmetic on local dates', () => {
  it('addWorkingDays never counts the start date and skips holiday blocks', () => {
    expect(cn.addWorkingDays('2026-09-30', 1).toString()).toBe('2026-10-08');
    expect(cn.addWorkingDays('2026-09-30', 3).toString()).toBe('2026-10-10');
    expect(cn.addWorkingDays('2026-02-13', 1).toString()).toBe('2026-02-14');
    expect(cn.addWorkingDays('2026-02-13', 2).toString()).toBe('2026-02-24');
    expect(cn.addWorkingDays('2026-10-08', 0).toString()).toBe('2026-10-08');
    expect(cn.addWorkingDays('2026-10-03', 0).toString()).toBe('2026-10-03');
  });

  it('counts backwards for negative n', () => {
    expect(cn.addWorkingDays('2026-10-08', -1).toString()).toBe('2026-09-30');
    expect(cn.previousWorkingDay('2026-02-24').toString()).toBe('2026-02-14');
    expect(cn.nextWorkingDay('2026-01-01').toString()).toBe('2026-01-04');
  });

  it('workingDaysInRange is half-open [from, to)', () => {
    expect(cn.workingDaysInRange('2026-02-13', '2026-03-02')).toBe(7);
    expect(cn.workingDaysInRange('2026-10-08', '2026-10-08')).toBe(0);
    expect(cn.workingDaysInRange('2026-10-08', '2026-10-09')).toBe(1);
    expect(cn.workingDaysInRange('2026-10-09', '2026-10-08')).toBe(-1);
  });

  it('rejects non-integer n', () => {
    expect(() => cn.addWorkingDays('2026-10-08', 1.5)).toThrow(CalendarArgumentError);
    expect(() => cn.deadlineWorkingDays(shanghai('2026-10-08T10:00'), -1)).toThrow(CalendarArgumentError);
  });
});

describe('WorkingCalendar: the 12345 rule (clock start and due instant)', () => {
  it('the helper writes Shanghai wall time', () => {
    expect(shanghai('2026-10-10T00:00').toISOString()).toBe('2026-10-09T16:00:00.000Z');
  });

  it('a ticket dispatched Wed 2026-09-30 starts its clock on Thu 2026-10-08 (after National Day)', () => {
    const trigger = shanghai('2026-09-30T10:00');
    expect(cn.clockStart(trigger)).toEqual(shanghai('2026-10-08T00:00'));
    expect(cn.deadlineWorkingDays(trigger, 0)).toEqual(shanghai('2026-10-08T00:00'));
    expect(cn.deadlineWorkingDays(trigger, 1)).toEqual(shanghai('2026-10-09T00:00'));
    // 2 WD: Oct 8, Oct 9 -> due at the end of Fri Oct 9
    expect(cn.deadlineWorkingDays(trigger, 2)).toEqual(shanghai('2026-10-10T00:00'));
    // 3 WD: Sat Oct 10 is an adjusted working day
    expect(cn.deadlineWorkingDays(trigger, 3)).toEqual(shanghai('2026-10-11T00:00'));
    // 4 WD: Sun Oct 11 is a weekend, Mon Oct 12
    expect(cn.deadlineWorkingDays(trigger, 4)).toEqual(shanghai('2026-10-13T00:00'));
  });

  it('never counts the trigger day, even when triggered at 00:00 on a working day', () => {
    expect(cn.clockStart(shanghai('2026-03-02T00:00'))).toEqual(shanghai('2026-03-03T00:00'));
    expect(cn.clockStart(shanghai('2026-03-02T23:59:59.999'))).toEqual(shanghai('2026-03-03T00:00'));
    expect(cn.clockStart(shanghai('2026-03-06T18:00'))).toEqual(shanghai('2026-03-09T00:00'));
  });

  it.each([
    // [trigger (Shanghai), limit, due (Shanghai), why]
    ['2026-01-01T10:00', 1, '2026-01-05T00:00', 'holiday trigger; Sun Jan 4 is worked'],
    ['2026-01-01T10:00', 2, '2026-01-06T00:00', 'Jan 4, Mon Jan 5'],
    ['2026-01-03T09:00', 1, '2026-01-05T00:00', 'last day of the New Year block'],
    ['2026-02-13T10:00', 1, '2026-02-15T00:00', 'Sat Feb 14 is worked'],
    ['2026-02-13T10:00', 2, '2026-02-25T00:00', 'Feb 14, then Feb 15–23 off, Tue Feb 24'],
    ['2026-02-14T09:00', 1, '2026-02-25T00:00', 'trigger on an adjusted working day'],
    ['2026-02-14T09:00', 5, '2026-03-01T00:00', 'Feb 24–27 and Sat Feb 28'],
    ['2026-02-14T09:00', 6, '2026-03-03T00:00', 'then Mon Mar 2'],
    ['2026-02-27T10:00', 1, '2026-03-01T00:00', 'Sat Feb 28 is worked'],
    ['2026-04-03T10:00', 1, '2026-04-08T00:00', 'Apr 4–6 off, Tue Apr 7'],
    ['2026-04-30T10:00', 3, '2026-05-09T00:00', 'May 1–5 off, May 6–8'],
    ['2026-04-30T10:00', 4, '2026-05-10T00:00', 'Sat May 9 is worked'],
    ['2026-04-30T10:00', 5, '2026-05-12T00:00', 'then Mon May 11'],
    ['2026-05-08T10:00', 1, '2026-05-10T00:00', 'Sat May 9 is worked'],
    ['2026-06-18T10:00', 1, '2026-06-23T00:00', 'Jun 19–21 off, Mon Jun 22'],
    ['2026-09-18T10:00', 1, '2026-09-21T00:00', 'Sun Sep 20 is worked'],
    ['2026-09-18T10:00', 5, '2026-09-25T00:00', 'Sep 20–24'],
    ['2026-09-18T10:00', 6, '2026-09-29T00:00', 'Sep 25–27 off, Mon Sep 28'],
    ['2026-09-24T10:00', 1, '2026-09-29T00:00', 'Mid-Autumn block'],
    ['2026-10-09T10:00', 1, '2026-10-11T00:00', 'Sat Oct 10 is worked'],
  ])('trigger %s + %i WD is due %s (%s)', (trigger, n, due) => {
    expect(cn.deadlineWorkingDays(shanghai(trigger), n)).toEqual(shanghai(due));
  });

  it('10 working days from Fri 2026-09-18 run through both autumn holiday blocks to the end of Fri Oct 9', () => {
    // Sep 20 (Sun, worked), 21, 22, 23, 24, 28, 29, 30, Oct 8, Oct 9
    expect(cn.deadlineWorkingDays(shanghai('2026-09-18T10:00'), 10)).toEqual(shanghai('2026-10-10T00:00'));
  });

  it('dueAtEndOfDay is the exclusive instant 00:00 of the next day', () => {
    expect(cn.dueAtEndOfDay('2026-10-09').toISOString()).toBe('2026-10-09T16:00:00.000Z');
  });

  it('uses the configured time zone to decide the trigger date', () => {
    const trigger = new Date('2026-03-05T17:00:00Z'); // Fri Mar 6 01:00 in Shanghai, Thu Mar 5 in UTC
    expect(cn.clockStart(trigger)).toEqual(shanghai('2026-03-09T00:00'));
    const utc = WorkingCalendar.chinaMainland({ timeZone: 'UTC' });
    expect(utc.clockStart(trigger).toISOString()).toBe('2026-03-06T00:00:00.000Z');
    expect(utc.timeZone.id).toBe('UTC');
  });
});

describe('WorkingCalendar: workingDaysBetween counts working days that begin in [a, b)', () => {
  it.each([
    ['2026-03-03T00:00', '2026-03-17T00:00', 10, 'clock start to due of a 10 WD limit'],
    ['2026-03-02T10:00', '2026-03-02T15:00', 0, 'same day'],
    ['2026-03-02T10:00', '2026-03-03T10:00', 1, 'Mar 3 begins inside'],
    ['2026-03-02T00:00', '2026-03-03T00:00', 1, 'Mar 2 begins exactly at a (counted), Mar 3 exactly at b (not)'],
    ['2026-03-02T00:00:00.001', '2026-03-03T00:00', 0, 'Mar 2 began before a'],
    ['2026-03-07T00:00', '2026-03-09T00:00', 0, 'a weekend'],
    ['2026-09-30T00:00', '2026-10-08T00:00', 1, 'only Sep 30 before National Day'],
    ['2026-09-23T15:00', '2026-10-09T09:00', 6, 'Sep 24, 28, 29, 30, Oct 8, Oct 9'],
    ['2026-03-03T00:00', '2026-03-02T00:00', -1, 'reversed'],
  ])('%s .. %s = %i (%s)', (a, b, expected) => {
    expect(cn.workingDaysBetween(shanghai(a), shanghai(b))).toBe(expected);
  });
});

describe('WorkingCalendar: natural days and hours', () => {
  it('addNaturalDays keeps the local time and ignores holidays; addHours is elapsed time', () => {
    expect(cn.addNaturalDays(shanghai('2026-09-30T10:00'), 3)).toEqual(shanghai('2026-10-03T10:00'));
    expect(cn.addNaturalDays(shanghai('2026-09-30T10:00'), -30)).toEqual(shanghai('2026-08-31T10:00'));
    expect(cn.addHours(shanghai('2026-09-30T22:00'), 24)).toEqual(shanghai('2026-10-01T22:00'));
    expect(cn.addHours(shanghai('2026-09-30T22:00'), 3)).toEqual(shanghai('2026-10-01T01:00'));
  });

  it('addNaturalDays follows wall time across DST where addHours does not (Europe/Berlin)', () => {
    const berlin = WorkingCalendar.chinaMainland({ timeZone: 'Europe/Berlin' });
    const saturdayNoon = new Date('2026-03-28T11:00:00Z'); // 12:00 CET
    expect(berlin.addNaturalDays(saturdayNoon, 1).toISOString()).toBe('2026-03-29T10:00:00.000Z'); // 12:00 CEST
    expect(berlin.addHours(saturdayNoon, 24).toISOString()).toBe('2026-03-29T11:00:00.000Z'); // 13:00 CEST
  });

  it('deadlineNaturalDays: due at the end of the n-th calendar day, optionally rolled to a working day', () => {
    const trigger = shanghai('2026-09-28T10:00');
    expect(cn.deadlineNaturalDays(trigger, 3)).toEqual(shanghai('2026-10-02T00:00'));
    // Oct 1 is a holiday: rolled to the next working day, Oct 8
    expect(cn.deadlineNaturalDays(trigger, 3, { rollToWorkingDay: true })).toEqual(shanghai('2026-10-09T00:00'));
    expect(cn.deadlineNaturalDays(trigger, 2, { rollToWorkingDay: true })).toEqual(shanghai('2026-10-01T00:00'));
  });
});

describe('WorkingCalendar: coverage of loaded years', () => {
  it('asking about an unloaded year is an explicit error carrying the year', () => {
    expect(() => cn.dayType('2027-01-04')).toThrow(CalendarYearNotLoadedError);
    expect(() => cn.dayType('2025-12-31')).toThrow(CalendarYearNotLoadedError);
    const error = caught(() => cn.deadlineWorkingDays(shanghai('2026-12-30T10:00'), 2)); // Dec 31, then 2027
    expect(error).toBeInstanceOf(CalendarYearNotLoadedError);
    expect(error).toMatchObject({ code: 'calendar.year_not_loaded', year: 2027, jurisdiction: 'CN', loadedYears: [2026] });
    // 1 WD stays inside 2026: Thu Dec 31, due at 00:00 on Jan 1 2027
    expect(cn.deadlineWorkingDays(shanghai('2026-12-30T10:00'), 1)).toEqual(shanghai('2027-01-01T00:00'));
  });

  it("fallback 'weekends-only' answers for unloaded years and reports it", () => {
    const lenient = WorkingCalendar.chinaMainland({ fallback: 'weekends-only' });
    expect(lenient.dayType('2027-01-01')).toBe(DayType.WORKDAY); // Friday; real data would likely say otherwise
    expect(lenient.dayInfo('2027-01-01').fromFallback).toBe(true);
    expect(lenient.dayInfo('2026-01-01').fromFallback).toBe(false);
    expect(lenient.dayType('2027-01-02')).toBe(DayType.WEEKEND);
    // Dec 31 (data), Fri Jan 1 (fallback), Mon Jan 4 (fallback)
    expect(lenient.deadlineWorkingDays(shanghai('2026-12-30T10:00'), 3)).toEqual(shanghai('2027-01-05T00:00'));
    expect(lenient.usesFallbackFor(2027)).toBe(true);
    expect(lenient.usesFallbackFor(2026)).toBe(false);
    expect(cn.usesFallbackFor(2027)).toBe(false);
    expect(lenient.coverage()).toMatchObject({ jurisdiction: 'CN', fallback: 'weekends-only', loadedYears: [2026] });
    expect(cn.coverage()).toMatchObject({ fallback: 'none', loadedYears: [2026], timeZone: 'Asia/Shanghai' });
    expect(cn.coverage().sources[0].source.title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  it('withYear loads a later year into a new calendar; the old one is unchanged', () => {
    const extended = cn.withYear(FIXTURE_CN_2027);
    // Dec 31, then Jan 1–3 2027 off (fixture), Mon Jan 4
    expect(extended.deadlineWorkingDays(shanghai('2026-12-30T10:00'), 2)).toEqual(shanghai('2027-01-05T00:00'));
    expect(extended.coverage().loadedYears).toEqual([2026, 2027]);
    expect(cn.isYearLoaded(2027)).toBe(false);
    expect(() => extended.withYear(FIXTURE_CN_2027)).toThrow(CalendarDataError);
  });

  it('fromYears refuses duplicated years and mixed jurisdictions, and needs a jurisdiction', () => {
    expect(() => WorkingCalendar.fromYears([FIXTURE_CN_2027, FIXTURE_CN_2027])).toThrow(/year 2027 is given twice/);
    expect(() => WorkingCalendar.fromYears([FIXTURE_CN_2027, { ...FIXTURE_CN_2027, jurisdiction: 'HK' }])).toThrow(
      /year 2027 belongs to HK, not CN/,
    );
    expect(() => WorkingCalendar.fromYears([])).toThrow(CalendarArgumentError);
    expect(() => WorkingCalendar.fromYears([], { jurisdiction: 'China' })).toThrow(CalendarArgumentError);
    const fallbackOnly = WorkingCalendar.fromYears([], { jurisdiction: 'CN', fallback: 'weekends-only' });
    expect(fallbackOnly.isWorkingDay('2026-10-01')).toBe(true);
    expect(fallbackOnly.usesFallbackFor(2026)).toBe(true);
  });

  it('refuses an unknown fallback mode', () => {
    expect(() => WorkingCalendar.chinaMainland({ fallback: 'guess' as never })).toThrow(CalendarArgumentError);
  });
});

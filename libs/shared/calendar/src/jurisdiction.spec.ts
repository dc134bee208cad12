import { CalendarRegistry } from './calendar-registry';
import { Deadline } from './deadline';
import { DayType } from './day-type';
import { CalendarArgumentError, CalendarDataError, UnknownJurisdictionError } from './errors';
import { caught, FIXTURE_CN_2027, FIXTURE_GUANGZHOU_2026, shanghai } from './test-fixtures';
import { WorkingCalendar } from './working-calendar';

const cn = WorkingCalendar.chinaMainland();

/** Invented provincial override: Guangdong works on national holiday Wed 2026-10-07. */
const FIXTURE_GUANGDONG_2026 = {
  jurisdiction: 'CN-44',
  parent: 'CN',
  year: 2026,
  source: { title: 'TEST FIXTURE — invented provincial change' },
  remove: { holidays: ['2026-10-07'] },
};

function dataProblems(fn: () => unknown): readonly string[] {
  const error = caught(fn);
  expect(error).toBeInstanceOf(CalendarDataError);
  return (error as CalendarDataError).problems;
}

describe('jurisdiction overrides on a WorkingCalendar', () => {
  const guangzhou = cn.withOverride(FIXTURE_GUANGZHOU_2026);

  it('adds a local holiday on top of the national calendar', () => {
    expect(guangzhou.jurisdiction).toBe('CN-44-01');
    expect(guangzhou.dayType('2026-03-10')).toBe(DayType.PUBLIC_HOLIDAY);
    expect(guangzhou.dayInfo('2026-03-10').name).toBe('Fixture local holiday');
    expect(cn.dayType('2026-03-10')).toBe(DayType.WORKDAY);
    expect(guangzhou.dayType('2026-10-01')).toBe(DayType.PUBLIC_HOLIDAY); // inherited
    expect(guangzhou.coverage().lineage).toEqual(['CN', 'CN-44-01']);
    expect(guangzhou.coverage().sources.map((s) => `${s.jurisdiction} ${s.year}`)).toEqual(['CN 2026', 'CN-44-01 2026']);
  });

  it('restores a national snapshot onto the local calendar, and recomputes the due date with it', () => {
    const national = Deadline.start(cn, { trigger: shanghai('2026-03-02T10:00'), workingDays: 10 });
    const restored = Deadline.fromSnapshot(guangzhou, national.toSnapshot());
    expect(restored.dueAt).toEqual(shanghai('2026-03-18T00:00'));
    expect(() => Deadline.fromSnapshot(cn, restored.toSnapshot())).toThrow(CalendarArgumentError);
  });

  it('loads later years into the root calendar only', () => {
    expect(() => guangzhou.withYear({ jurisdiction: 'CN', year: 2027 })).toThrow(CalendarArgumentError);
  });

  it('moves deadlines: 10 WD from Mon Mar 2 end on Mar 16 nationally, Mar 17 in Guangzhou', () => {
    const trigger = shanghai('2026-03-02T10:00');
    expect(cn.deadlineWorkingDays(trigger, 10)).toEqual(shanghai('2026-03-17T00:00'));
    expect(guangzhou.deadlineWorkingDays(trigger, 10)).toEqual(shanghai('2026-03-18T00:00'));
    expect(Deadline.start(guangzhou, { trigger, workingDays: 10 }).dueAt).toEqual(shanghai('2026-03-18T00:00'));
  });

  it('removes a parent holiday, and adds adjusted working and rest days', () => {
    const local = cn.withOverride({
      ...FIXTURE_GUANGDONG_2026,
      add: { adjustedWorkdays: [{ date: '2026-03-14' }], adjustedRestDays: [{ date: '2026-03-09' }] },
    });
    expect(local.dayType('2026-10-07')).toBe(DayType.WORKDAY);
    expect(local.dayType('2026-03-14')).toBe(DayType.ADJUSTED_WORKDAY);
    expect(local.isWorkingDay('2026-03-14')).toBe(true);
    expect(local.dayType('2026-03-09')).toBe(DayType.ADJUSTED_REST);
    expect(local.isWorkingDay('2026-03-09')).toBe(false);
  });

  it('refuses overrides that do not fit the parent', () => {
    const addExisting = {
      ...FIXTURE_GUANGZHOU_2026,
      add: { holidays: [{ name: 'x', from: '2026-10-01', to: '2026-10-01' }] },
    };
    expect(dataProblems(() => cn.withOverride(addExisting))).toEqual([
      'cannot add PUBLIC_HOLIDAY 2026-10-01: in CN it is already PUBLIC_HOLIDAY (remove it first)',
    ]);
    const removeMissing = { ...FIXTURE_GUANGZHOU_2026, add: undefined, remove: { holidays: ['2026-03-11'] } };
    expect(dataProblems(() => cn.withOverride(removeMissing))).toEqual([
      'cannot remove PUBLIC_HOLIDAY 2026-03-11: in CN it is a plain day',
    ]);
    const unloadedYear = {
      ...FIXTURE_GUANGZHOU_2026,
      year: 2027,
      add: { holidays: [{ name: 'x', from: '2027-03-10', to: '2027-03-10' }] },
    };
    expect(dataProblems(() => cn.withOverride(unloadedYear))).toEqual(['parent CN has no data for 2027']);
    const wrongParent = { ...FIXTURE_GUANGZHOU_2026, jurisdiction: 'CN-44-01-02', parent: 'CN-44' };
    expect(dataProblems(() => guangzhou.withOverride(wrongParent))).toEqual(['parent is CN-44, but applied on CN-44-01']);
  });
});

describe('CalendarRegistry', () => {
  it('gives the calendar of a jurisdiction, or of its nearest registered ancestor', () => {
    const registry = CalendarRegistry.withBundledData().registerOverride(FIXTURE_GUANGZHOU_2026);
    expect(registry.calendarFor('CN-44-01').dayType('2026-03-10')).toBe(DayType.PUBLIC_HOLIDAY);
    expect(registry.calendarFor('CN-44-01-05').jurisdiction).toBe('CN-44-01');
    const shenzhen = registry.calendarFor('CN-44-03');
    expect(shenzhen.jurisdiction).toBe('CN');
    expect(shenzhen.dayType('2026-03-10')).toBe(DayType.WORKDAY);
    expect(registry.calendarFor('CN')).toBe(registry.calendarFor('CN')); // cached
    expect(registry.jurisdictions()).toEqual(['CN', 'CN-44-01']);
  });

  it('chains overrides: province, then city', () => {
    const registry = CalendarRegistry.withBundledData()
      .registerOverride(FIXTURE_GUANGDONG_2026)
      .registerOverride({ ...FIXTURE_GUANGZHOU_2026, parent: 'CN-44' });
    const guangzhou = registry.calendarFor('CN-44-01');
    expect(guangzhou.coverage().lineage).toEqual(['CN', 'CN-44', 'CN-44-01']);
    expect(guangzhou.dayType('2026-10-07')).toBe(DayType.WORKDAY);
    expect(guangzhou.dayType('2026-03-10')).toBe(DayType.PUBLIC_HOLIDAY);
    expect(registry.calendarFor('CN-44-02').dayType('2026-10-07')).toBe(DayType.WORKDAY);
    expect(registry.calendarFor('CN-44-02').dayType('2026-03-10')).toBe(DayType.WORKDAY);
  });

  it('registers a later year at runtime; calendars already handed out do not change', () => {
    const registry = CalendarRegistry.withBundledData().registerOverride(FIXTURE_GUANGZHOU_2026);
    const before = registry.calendarFor('CN-44-01');
    registry.registerYear(FIXTURE_CN_2027);
    const after = registry.calendarFor('CN-44-01');
    expect(before.isYearLoaded(2027)).toBe(false);
    expect(after.isYearLoaded(2027)).toBe(true);
    expect(after.dayType('2027-01-01')).toBe(DayType.PUBLIC_HOLIDAY);
    expect(registry.coverage().map((c) => [c.jurisdiction, c.loadedYears])).toEqual([
      ['CN', [2026, 2027]],
      ['CN-44-01', [2026, 2027]],
    ]);
  });

  it('refuses bad registrations and leaves the registry as it was', () => {
    const registry = CalendarRegistry.withBundledData();
    const for2027 = {
      ...FIXTURE_GUANGZHOU_2026,
      year: 2027,
      add: { holidays: [{ name: 'x', from: '2027-03-10', to: '2027-03-10' }] },
    };
    expect(dataProblems(() => registry.registerOverride(for2027))).toEqual(['parent CN has no data for 2027']);
    expect(registry.calendarFor('CN-44-01').jurisdiction).toBe('CN'); // not half-registered
    const unknownParent = { ...FIXTURE_GUANGZHOU_2026, jurisdiction: 'HK-01', parent: 'HK' };
    expect(dataProblems(() => registry.registerOverride(unknownParent))).toEqual(['parent HK is not registered']);
    registry.registerYear(FIXTURE_CN_2027);
    expect(dataProblems(() => registry.registerYear(FIXTURE_CN_2027))).toEqual(['year 2027 is already registered for CN']);
  });

  it('throws typed errors for unknown or malformed jurisdiction codes', () => {
    const registry = CalendarRegistry.withBundledData();
    expect(() => registry.calendarFor('US-CA')).toThrow(UnknownJurisdictionError);
    expect(caught(() => registry.calendarFor('US'))).toMatchObject({
      code: 'calendar.unknown_jurisdiction',
      jurisdiction: 'US',
    });
    expect(() => registry.calendarFor('guangzhou')).toThrow(CalendarArgumentError);
  });

  it('passes calendar options (time zone, fallback) to every calendar', () => {
    const registry = CalendarRegistry.withBundledData({ fallback: 'weekends-only' });
    registry.registerOverride(FIXTURE_GUANGZHOU_2026);
    expect(registry.calendarFor('CN-44-01').usesFallbackFor(2028)).toBe(true);
    expect(registry.calendarFor('CN-44-01').timeZone.id).toBe('Asia/Shanghai');
  });
});

import cn2026 from '../data/cn/2026.json';
import { parseJurisdictionOverride, parseYearData, YearCalendarData } from './calendar-data';
import { DayType } from './day-type';
import { CalendarDataError } from './errors';
import { caught } from './test-fixtures';
import { WorkingCalendar } from './working-calendar';

/** A valid minimal year; tests break one thing at a time. */
function yearData(changes: Partial<Record<keyof YearCalendarData, unknown>> = {}): unknown {
  return {
    jurisdiction: 'CN',
    year: 2026,
    source: { title: 'test fixture, not an official notice' },
    holidays: [{ name: 'Fixture holiday', from: '2026-03-10', to: '2026-03-11' }],
    adjustedWorkdays: [{ date: '2026-03-14' }],
    ...changes,
  };
}

function problemsOf(fn: () => unknown): readonly string[] {
  const error = caught(fn);
  expect(error).toBeInstanceOf(CalendarDataError);
  expect((error as CalendarDataError).code).toBe('calendar.invalid_data');
  return (error as CalendarDataError).problems;
}

describe('bundled data: data/cn/2026.json', () => {
  const parsed = parseYearData(cn2026, 'data/cn/2026.json');
  const ofType = (type: DayType) =>
    [...parsed.specialDays.values()].filter((d) => d.type === type).map((d) => d.date.toString());

  it('cites the State Council General Office notice of 2025-11-04', () => {
    expect(parsed.source.title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
    expect(parsed.source.issued).toBe('2025-11-04');
    expect(parsed.jurisdiction).toBe('CN');
    expect(parsed.year).toBe(2026);
  });

  it('has the 33 holiday dates of the seven blocks', () => {
    const holidays = ofType(DayType.PUBLIC_HOLIDAY);
    expect(holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(holidays).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-01-03', '2026-02-15', '2026-02-23', '2026-04-04', '2026-04-06']),
    );
    expect(holidays).toEqual(
      expect.arrayContaining(['2026-05-01', '2026-05-05', '2026-06-19', '2026-06-21', '2026-09-25', '2026-09-27']),
    );
    expect(holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07']));
    expect(holidays).not.toContain('2026-02-14');
    expect(holidays).not.toContain('2026-10-08');
  });

  it('has exactly the six adjusted working days, all on weekends', () => {
    expect(ofType(DayType.ADJUSTED_WORKDAY).sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(ofType(DayType.ADJUSTED_REST)).toEqual([]);
  });

  it('names each holiday day after its block', () => {
    const calendar = WorkingCalendar.fromYears([parsed]);
    expect(calendar.dayInfo('2026-01-02').name).toBe('元旦');
    expect(calendar.dayInfo('2026-02-18').name).toBe('春节');
    expect(calendar.dayInfo('2026-10-05').name).toBe('国庆节');
  });
});

describe('parseYearData fails loudly on bad data', () => {
  it('accepts the valid fixture', () => {
    expect(parseYearData(yearData()).specialDays.size).toBe(3);
  });

  it('refuses an adjusted working day that is not on a weekend', () => {
    const problems = problemsOf(() => parseYearData(yearData({ adjustedWorkdays: [{ date: '2026-03-13' }] })));
    expect(problems).toEqual(['adjustedWorkdays[0]: 2026-03-13 is a Friday; an adjusted working day must fall on a weekend']);
  });

  it('refuses an adjusted rest day on a weekend', () => {
    const problems = problemsOf(() => parseYearData(yearData({ adjustedRestDays: [{ date: '2026-03-15' }] })));
    expect(problems).toEqual([
      'adjustedRestDays[0]: 2026-03-15 is a Sunday; an adjusted rest day must fall on Monday–Friday',
    ]);
  });

  it('refuses a holiday date listed twice (overlapping blocks)', () => {
    const holidays = [
      { name: 'A', from: '2026-03-10', to: '2026-03-11' },
      { name: 'B', from: '2026-03-11', to: '2026-03-12' },
    ];
    expect(problemsOf(() => parseYearData(yearData({ holidays })))).toEqual([
      'holidays[1]: 2026-03-11 is already listed as PUBLIC_HOLIDAY (A)',
    ]);
  });

  it('refuses a date that is both a holiday and a working day', () => {
    const holidays = [{ name: 'A', from: '2026-03-14', to: '2026-03-14' }];
    expect(problemsOf(() => parseYearData(yearData({ holidays })))).toEqual([
      'adjustedWorkdays[0]: 2026-03-14 is already listed as PUBLIC_HOLIDAY (A)',
    ]);
  });

  it("refuses dates outside the file's year", () => {
    const holidays = [{ name: 'Eve', from: '2025-12-31', to: '2026-01-01' }];
    expect(problemsOf(() => parseYearData(yearData({ holidays })))).toEqual([
      "holidays[0].from: 2025-12-31 is outside the file's year 2026",
    ]);
  });

  it('refuses impossible dates, reversed ranges and nameless holidays', () => {
    const holidays = [
      { name: 'A', from: '2026-02-30', to: '2026-03-01' },
      { name: 'B', from: '2026-03-05', to: '2026-03-04' },
      { from: '2026-03-20', to: '2026-03-20' },
    ];
    expect(problemsOf(() => parseYearData(yearData({ holidays })))).toEqual([
      `holidays[0].from must be an existing 'YYYY-MM-DD' date, got "2026-02-30"`,
      "holidays[1]: 'to' 2026-03-04 is before 'from' 2026-03-05",
      'holidays[2].name must be a non-empty string',
    ]);
  });

  it('requires a source citation, a jurisdiction code, a year and the lists', () => {
    const problems = problemsOf(() =>
      parseYearData({ jurisdiction: 'china', year: 2026.5, source: { url: 'x' }, holidays: {} }, 'bad.json'),
    );
    expect(problems).toEqual([
      `jurisdiction must be a jurisdiction code like 'CN' or 'CN-44-01', got "china"`,
      'year must be an integer year, got 2026.5',
      'source.title must name the official notice the data comes from',
      'holidays must be an array',
      'adjustedWorkdays must be an array',
    ]);
    expect(() => parseYearData(null, 'null.json')).toThrow(/Invalid calendar data in null\.json/);
  });
});

describe('parseJurisdictionOverride', () => {
  const override = {
    jurisdiction: 'CN-44-01',
    parent: 'CN',
    year: 2026,
    source: { title: 'test fixture, not an official notice' },
    add: { holidays: [{ name: 'Local day', from: '2026-03-10', to: '2026-03-10' }] },
    remove: { holidays: ['2026-10-07'] },
  };

  it('parses additions and removals', () => {
    const parsed = parseJurisdictionOverride(override);
    expect(parsed.add.map((d) => [d.date.toString(), d.type])).toEqual([['2026-03-10', 'PUBLIC_HOLIDAY']]);
    expect(parsed.remove.map((d) => [d.date.toString(), d.type])).toEqual([['2026-10-07', 'PUBLIC_HOLIDAY']]);
  });

  it('refuses a code that is not under its parent, an empty override and weekday working days', () => {
    expect(problemsOf(() => parseJurisdictionOverride({ ...override, jurisdiction: 'HK' }))).toEqual([
      'jurisdiction HK is not a subdivision of parent CN',
    ]);
    expect(problemsOf(() => parseJurisdictionOverride({ ...override, add: undefined, remove: undefined }))).toEqual([
      'override changes nothing: add or remove at least one date',
    ]);
    expect(
      problemsOf(() => parseJurisdictionOverride({ ...override, add: { adjustedWorkdays: [{ date: '2026-03-10' }] } })),
    ).toEqual(['add.adjustedWorkdays[0]: 2026-03-10 is a Tuesday; an adjusted working day must fall on a weekend']);
    expect(
      problemsOf(() => parseJurisdictionOverride({ ...override, remove: { holidays: ['2026-10-07', '2026-10-07'] } })),
    ).toEqual(['remove.holidays[1]: 2026-10-07 is removed twice']);
  });
});

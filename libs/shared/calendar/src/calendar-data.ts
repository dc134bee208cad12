/**
 * The shape of calendar data files and their validation. Data is validated once, when loaded,
 * and any problem fails loudly with a CalendarDataError listing every problem found.
 *
 * Two kinds of file:
 *  - a year of a root jurisdiction (e.g. data/cn/2026.json): its holidays and its adjusted
 *    working days (调休: weekend days worked to make up for a holiday block);
 *  - a jurisdiction override (e.g. a city's own holiday): changes on top of a parent's year.
 */
import { DayType } from './day-type';
import { CalendarDataError } from './errors';
import { LocalDate } from './local-date';

/** Where the data comes from: the official notice. Required in every file. */
export interface SourceCitation {
  /** Official title, e.g. '国务院办公厅关于2026年部分节假日安排的通知'. */
  readonly title: string;
  readonly titleEn?: string;
  readonly issuer?: string;
  /** Date of the notice, 'YYYY-MM-DD'. */
  readonly issued?: string;
  readonly url?: string;
  readonly note?: string;
}

/** A block of consecutive holiday dates, both ends included. */
export interface HolidayRangeData {
  readonly name: string;
  readonly nameEn?: string;
  readonly from: string;
  readonly to: string;
}

export interface DatedNoteData {
  readonly date: string;
  readonly note?: string;
}

/** JSON shape of one year of a root jurisdiction, e.g. data/cn/2026.json. */
export interface YearCalendarData {
  readonly jurisdiction: string;
  readonly year: number;
  readonly source: SourceCitation;
  readonly holidays: readonly HolidayRangeData[];
  /** Weekend days declared working days (调休上班). Each must fall on a Saturday or Sunday. */
  readonly adjustedWorkdays: readonly DatedNoteData[];
  /** Weekdays declared rest days outside a holiday block. Each must fall on Monday–Friday. */
  readonly adjustedRestDays?: readonly DatedNoteData[];
}

/** JSON shape of a jurisdiction's changes to its parent's calendar for one year. */
export interface JurisdictionOverrideData {
  /** The jurisdiction this file defines, e.g. 'CN-44-01' (Guangzhou). */
  readonly jurisdiction: string;
  /** The jurisdiction it builds on, e.g. 'CN'. */
  readonly parent: string;
  readonly year: number;
  readonly source: SourceCitation;
  readonly add?: {
    readonly holidays?: readonly HolidayRangeData[];
    readonly adjustedWorkdays?: readonly DatedNoteData[];
    readonly adjustedRestDays?: readonly DatedNoteData[];
  };
  /** Dates whose parent holiday / adjusted working day / adjusted rest day no longer applies. */
  readonly remove?: {
    readonly holidays?: readonly string[];
    readonly adjustedWorkdays?: readonly string[];
    readonly adjustedRestDays?: readonly string[];
  };
}

/** A date whose type differs from the plain Monday–Friday rule. */
export interface SpecialDay {
  readonly date: LocalDate;
  readonly type: typeof DayType.PUBLIC_HOLIDAY | typeof DayType.ADJUSTED_WORKDAY | typeof DayType.ADJUSTED_REST;
  /** Holiday name, or the note of an adjusted day. */
  readonly name?: string;
}

/** A validated year: the special days keyed by epoch day. */
export interface CalendarYear {
  readonly jurisdiction: string;
  readonly year: number;
  readonly source: SourceCitation;
  readonly specialDays: ReadonlyMap<number, SpecialDay>;
}

/** A validated override; compatibility with the parent is checked when it is applied. */
export interface JurisdictionOverride {
  readonly jurisdiction: string;
  readonly parent: string;
  readonly year: number;
  readonly source: SourceCitation;
  readonly add: readonly SpecialDay[];
  readonly remove: readonly { readonly date: LocalDate; readonly type: SpecialDay['type'] }[];
}

/** 'CN', 'CN-44', 'CN-44-01': a country code, then optional subdivision segments. */
const JURISDICTION_CODE = /^[A-Z]{2}(-[A-Z0-9]+)*$/;

export function isJurisdictionCode(value: unknown): value is string {
  return typeof value === 'string' && JURISDICTION_CODE.test(value);
}

/** Validates one year of a root jurisdiction. `origin` names the file in error messages. */
export function parseYearData(raw: unknown, origin = 'calendar year data'): CalendarYear {
  const problems: string[] = [];
  const data = requireObject(raw, problems);
  if (!data) throw new CalendarDataError(origin, problems);

  const jurisdiction = readJurisdiction(data, 'jurisdiction', problems);
  const year = readYear(data, problems);
  const source = readSource(data['source'], problems);
  const days = new DayCollector(year, problems);

  for (const [i, holiday] of readArray(data, 'holidays', true, problems).entries()) {
    days.addHolidayRange(holiday, `holidays[${i}]`);
  }
  for (const [i, entry] of readArray(data, 'adjustedWorkdays', true, problems).entries()) {
    days.addAdjusted(entry, `adjustedWorkdays[${i}]`, DayType.ADJUSTED_WORKDAY);
  }
  for (const [i, entry] of readArray(data, 'adjustedRestDays', false, problems).entries()) {
    days.addAdjusted(entry, `adjustedRestDays[${i}]`, DayType.ADJUSTED_REST);
  }

  if (problems.length > 0) throw new CalendarDataError(origin, problems);
  return { jurisdiction, year, source: source as SourceCitation, specialDays: days.byEpochDay };
}

/** Validates a jurisdiction override file on its own (dates, weekdays, duplicates). */
export function parseJurisdictionOverride(raw: unknown, origin = 'jurisdiction override'): JurisdictionOverride {
  const problems: string[] = [];
  const data = requireObject(raw, problems);
  if (!data) throw new CalendarDataError(origin, problems);

  const jurisdiction = readJurisdiction(data, 'jurisdiction', problems);
  const parent = readJurisdiction(data, 'parent', problems);
  if (jurisdiction && parent && !jurisdiction.startsWith(`${parent}-`)) {
    problems.push(`jurisdiction ${jurisdiction} is not a subdivision of parent ${parent}`);
  }
  const year = readYear(data, problems);
  const source = readSource(data['source'], problems);

  const add = new DayCollector(year, problems);
  const addSection = optionalObject(data, 'add', problems);
  for (const [i, holiday] of readArray(addSection, 'holidays', false, problems, 'add.').entries()) {
    add.addHolidayRange(holiday, `add.holidays[${i}]`);
  }
  for (const [i, entry] of readArray(addSection, 'adjustedWorkdays', false, problems, 'add.').entries()) {
    add.addAdjusted(entry, `add.adjustedWorkdays[${i}]`, DayType.ADJUSTED_WORKDAY);
  }
  for (const [i, entry] of readArray(addSection, 'adjustedRestDays', false, problems, 'add.').entries()) {
    add.addAdjusted(entry, `add.adjustedRestDays[${i}]`, DayType.ADJUSTED_REST);
  }

  const remove: { date: LocalDate; type: SpecialDay['type'] }[] = [];
  const removed = new Set<number>();
  const removeSection = optionalObject(data, 'remove', problems);
  const removeLists = [
    ['holidays', DayType.PUBLIC_HOLIDAY],
    ['adjustedWorkdays', DayType.ADJUSTED_WORKDAY],
    ['adjustedRestDays', DayType.ADJUSTED_REST],
  ] as const;
  for (const [key, type] of removeLists) {
    for (const [i, value] of readArray(removeSection, key, false, problems, 'remove.').entries()) {
      const date = readDateInYear(value, year, `remove.${key}[${i}]`, problems);
      if (!date) continue;
      if (removed.has(date.epochDay)) problems.push(`remove.${key}[${i}]: ${date} is removed twice`);
      removed.add(date.epochDay);
      remove.push({ date, type });
    }
  }
  if (add.byEpochDay.size === 0 && remove.length === 0) {
    problems.push('override changes nothing: add or remove at least one date');
  }

  if (problems.length > 0) throw new CalendarDataError(origin, problems);
  return {
    jurisdiction,
    parent,
    year,
    source: source as SourceCitation,
    add: [...add.byEpochDay.values()],
    remove,
  };
}

/** Collects special days of one year, checking dates, weekdays and uniqueness. */
class DayCollector {
  readonly byEpochDay = new Map<number, SpecialDay>();

  constructor(
    private readonly year: number,
    private readonly problems: string[],
  ) {}

  addHolidayRange(raw: unknown, where: string): void {
    const entry = requireObject(raw, this.problems, where);
    if (!entry) return;
    const name = entry['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      this.problems.push(`${where}.name must be a non-empty string`);
    }
    const from = readDateInYear(entry['from'], this.year, `${where}.from`, this.problems);
    const to = readDateInYear(entry['to'], this.year, `${where}.to`, this.problems);
    if (!from || !to) return;
    if (to.isBefore(from)) {
      this.problems.push(`${where}: 'to' ${to} is before 'from' ${from}`);
      return;
    }
    for (let date = from; !date.isAfter(to); date = date.plusDays(1)) {
      this.put({ date, type: DayType.PUBLIC_HOLIDAY, name: typeof name === 'string' ? name : undefined }, where);
    }
  }

  addAdjusted(raw: unknown, where: string, type: typeof DayType.ADJUSTED_WORKDAY | typeof DayType.ADJUSTED_REST): void {
    const entry = requireObject(raw, this.problems, where);
    if (!entry) return;
    const date = readDateInYear(entry['date'], this.year, `${where}.date`, this.problems);
    if (!date) return;
    if (type === DayType.ADJUSTED_WORKDAY && !date.isWeekend) {
      this.problems.push(`${where}: ${date} is a ${weekdayName(date)}; an adjusted working day must fall on a weekend`);
      return;
    }
    if (type === DayType.ADJUSTED_REST && date.isWeekend) {
      this.problems.push(`${where}: ${date} is a ${weekdayName(date)}; an adjusted rest day must fall on Monday–Friday`);
      return;
    }
    const note = entry['note'];
    if (note !== undefined && typeof note !== 'string') this.problems.push(`${where}.note must be a string`);
    this.put({ date, type, name: typeof note === 'string' ? note : undefined }, where);
  }

  private put(day: SpecialDay, where: string): void {
    const existing = this.byEpochDay.get(day.date.epochDay);
    if (existing) {
      const label = existing.name ? `${existing.type} (${existing.name})` : existing.type;
      this.problems.push(`${where}: ${day.date} is already listed as ${label}`);
      return;
    }
    this.byEpochDay.set(day.date.epochDay, day);
  }
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[date.weekday - 1];
}

type JsonObject = Record<string, unknown>;

function requireObject(raw: unknown, problems: string[], where = 'data'): JsonObject | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  return raw as JsonObject;
}

function optionalObject(data: JsonObject, key: string, problems: string[]): JsonObject {
  if (data[key] === undefined) return {};
  return requireObject(data[key], problems, key) ?? {};
}

function readArray(data: JsonObject, key: string, required: boolean, problems: string[], prefix = ''): unknown[] {
  const value = data[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    problems.push(`${prefix}${key} must be an array`);
    return [];
  }
  return value;
}

function readJurisdiction(data: JsonObject, key: string, problems: string[]): string {
  const value = data[key];
  if (!isJurisdictionCode(value)) {
    problems.push(`${key} must be a jurisdiction code like 'CN' or 'CN-44-01', got ${JSON.stringify(value)}`);
    return '';
  }
  return value;
}

function readYear(data: JsonObject, problems: string[]): number {
  const year = data['year'];
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    problems.push(`year must be an integer year, got ${JSON.stringify(year)}`);
    return Number.NaN;
  }
  return year;
}

function readSource(raw: unknown, problems: string[]): SourceCitation | undefined {
  const source = requireObject(raw, problems, 'source');
  if (!source) return undefined;
  if (typeof source['title'] !== 'string' || source['title'].trim() === '') {
    problems.push('source.title must name the official notice the data comes from');
  }
  for (const key of ['titleEn', 'issuer', 'url', 'note'] as const) {
    if (source[key] !== undefined && typeof source[key] !== 'string') problems.push(`source.${key} must be a string`);
  }
  if (source['issued'] !== undefined && !LocalDate.isValidIso(source['issued'])) {
    problems.push(`source.issued must be a 'YYYY-MM-DD' date, got ${JSON.stringify(source['issued'])}`);
  }
  return source as unknown as SourceCitation;
}

function readDateInYear(raw: unknown, year: number, where: string, problems: string[]): LocalDate | undefined {
  if (!LocalDate.isValidIso(raw)) {
    problems.push(`${where} must be an existing 'YYYY-MM-DD' date, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  const date = LocalDate.parse(raw);
  if (!Number.isNaN(year) && date.year !== year) {
    problems.push(`${where}: ${date} is outside the file's year ${year}`);
    return undefined;
  }
  return date;
}

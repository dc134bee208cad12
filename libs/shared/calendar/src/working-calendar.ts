import {
  CalendarYear,
  isJurisdictionCode,
  JurisdictionOverride,
  parseJurisdictionOverride,
  parseYearData,
  SpecialDay,
  SourceCitation,
} from './calendar-data';
import { CN_BUNDLED_YEARS } from './bundled-data';
import { DayType, isWorkingDayType } from './day-type';
import { CalendarArgumentError, CalendarDataError, CalendarYearNotLoadedError } from './errors';
import { LocalDate, LocalDateLike } from './local-date';
import { DEFAULT_TIME_ZONE, requireInstant, TimeZone, timeZoneOf } from './time-zone';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/**
 * What to do for a date in a year with no loaded data:
 *  - 'none' (default): throw CalendarYearNotLoadedError;
 *  - 'weekends-only': treat Monday–Friday as working days and Saturday/Sunday as rest days,
 *    and report it through coverage() / usesFallbackFor(year) so readiness checks can flag it.
 */
export type FallbackMode = 'none' | 'weekends-only';

export interface WorkingCalendarOptions {
  /** IANA id, '+HH:MM', or a TimeZone. Default 'Asia/Shanghai' (UTC+8, no DST). */
  readonly timeZone?: string | TimeZone;
  /** Default 'none': asking about an unloaded year is an error. */
  readonly fallback?: FallbackMode;
  /** Needed only to build a calendar from zero years (fallback-only); otherwise taken from the data. */
  readonly jurisdiction?: string;
}

/** What a calendar knows, for readiness checks and audit logs. */
export interface CalendarCoverage {
  readonly jurisdiction: string;
  /** Root first, e.g. ['CN', 'CN-44-01']. */
  readonly lineage: readonly string[];
  readonly timeZone: string;
  readonly fallback: FallbackMode;
  /** Years with real data, ascending. Any other year throws, or uses the fallback. */
  readonly loadedYears: readonly number[];
  /** The notices behind the data, per year and jurisdiction layer. */
  readonly sources: readonly { readonly jurisdiction: string; readonly year: number; readonly source: SourceCitation }[];
}

/** Everything the calendar knows about one date. */
export interface DayInfo {
  readonly date: LocalDate;
  readonly type: DayType;
  readonly isWorkingDay: boolean;
  /** Holiday name or adjusted-day note, when the data gives one. */
  readonly name?: string;
  /** True when the year is not loaded and the weekends-only fallback answered. */
  readonly fromFallback: boolean;
}

interface Layer {
  readonly jurisdiction: string;
  readonly year: number;
  readonly source: SourceCitation;
}

/**
 * The working-day calendar (工作日历) of one jurisdiction: which local dates are working days,
 * and every time-limit computation built on that. Immutable and pure: instants are always
 * passed in, never read from the system clock. Build one with `fromYears`, `chinaMainland`,
 * or a CalendarRegistry; `withYear` / `withOverride` return new calendars.
 *
 * A working day (工作日) is Monday–Friday unless it is a public holiday or an adjusted rest
 * day, plus the weekend days declared working days (调休上班).
 *
 * "Due" semantics (the 12345 rule): the clock starts at 00:00 local of the first working day
 * after the trigger's date; a limit of N working days is due at the END of the N-th working day,
 * expressed as the exclusive instant 00:00 local of the following calendar day. A case is
 * overdue at any instant >= due.
 */
export class WorkingCalendar {
  readonly jurisdiction: string;
  readonly timeZone: TimeZone;
  readonly fallback: FallbackMode;

  private constructor(
    jurisdiction: string,
    /** Jurisdictions whose data make up this calendar, root first: ['CN', 'CN-44-01']. */
    readonly lineage: readonly string[],
    private readonly years: ReadonlyMap<number, ReadonlyMap<number, SpecialDay>>,
    private readonly layers: readonly Layer[],
    private readonly options: WorkingCalendarOptions,
  ) {
    this.jurisdiction = jurisdiction;
    this.timeZone = timeZoneOf(options.timeZone ?? DEFAULT_TIME_ZONE);
    this.fallback = options.fallback ?? 'none';
    if (this.fallback !== 'none' && this.fallback !== 'weekends-only') {
      throw new CalendarArgumentError(`Unknown fallback mode: ${String(this.fallback)}`);
    }
  }

  // ---------------------------------------------------------------- construction

  /**
   * A calendar from year data files (raw JSON, validated here, or results of parseYearData).
   * All years must belong to one jurisdiction and appear once.
   */
  static fromYears(years: readonly unknown[], options: WorkingCalendarOptions = {}): WorkingCalendar {
    const parsed = years.map((raw, i) => toCalendarYear(raw, `years[${i}]`));
    const jurisdiction = options.jurisdiction ?? parsed[0]?.jurisdiction;
    if (jurisdiction === undefined) {
      throw new CalendarArgumentError('fromYears needs at least one year, or options.jurisdiction');
    }
    if (!isJurisdictionCode(jurisdiction)) {
      throw new CalendarArgumentError(`Not a jurisdiction code: ${JSON.stringify(jurisdiction)}`);
    }
    const byYear = new Map<number, ReadonlyMap<number, SpecialDay>>();
    const layers: Layer[] = [];
    const problems: string[] = [];
    for (const year of parsed) {
      if (year.jurisdiction !== jurisdiction) {
        problems.push(`year ${year.year} belongs to ${year.jurisdiction}, not ${jurisdiction}`);
      } else if (byYear.has(year.year)) {
        problems.push(`year ${year.year} is given twice`);
      } else {
        byYear.set(year.year, year.specialDays);
        layers.push({ jurisdiction, year: year.year, source: year.source });
      }
    }
    if (problems.length > 0) throw new CalendarDataError(`calendar ${jurisdiction}`, problems);
    return new WorkingCalendar(jurisdiction, [jurisdiction], byYear, layers, options);
  }

  /** Mainland China (national, 'CN') with every year shipped in libs/shared/calendar/data/cn. */
  static chinaMainland(options: Omit<WorkingCalendarOptions, 'jurisdiction'> = {}): WorkingCalendar {
    return WorkingCalendar.fromYears(CN_BUNDLED_YEARS, options);
  }

  /** A new calendar with one more year loaded (same jurisdiction; the year must not be loaded yet). */
  withYear(raw: unknown): WorkingCalendar {
    if (this.lineage.length > 1) {
      throw new CalendarArgumentError(
        `${this.jurisdiction} is an override of ${this.lineage[0]}: load years into the root calendar, ` +
          'then re-apply overrides (CalendarRegistry does this)',
      );
    }
    const year = toCalendarYear(raw, 'year data');
    if (year.jurisdiction !== this.jurisdiction) {
      throw new CalendarDataError(`year ${year.year}`, [`belongs to ${year.jurisdiction}, not ${this.jurisdiction}`]);
    }
    if (this.years.has(year.year)) {
      throw new CalendarDataError(`year ${year.year}`, [`year ${year.year} is already loaded for ${this.jurisdiction}`]);
    }
    const years = new Map(this.years).set(year.year, year.specialDays);
    const layers = [...this.layers, { jurisdiction: this.jurisdiction, year: year.year, source: year.source }];
    return new WorkingCalendar(this.jurisdiction, this.lineage, years, layers, this.options);
  }

  /** The calendar of a sub-jurisdiction: this calendar plus one override file. */
  withOverride(raw: unknown): WorkingCalendar {
    const override = toOverride(raw, 'override');
    return this.withOverrides(override.jurisdiction, [override]);
  }

  /**
   * The calendar of `jurisdiction`, a direct subdivision of this one, with its override files
   * (at most one per year) applied. Years without an override are the parent's unchanged.
   */
  withOverrides(jurisdiction: string, raws: readonly unknown[]): WorkingCalendar {
    const overrides = raws.map((raw, i) => toOverride(raw, `${jurisdiction} override[${i}]`));
    const years = new Map(this.years);
    const layers = [...this.layers];
    const seenYears = new Set<number>();
    for (const override of overrides) {
      const origin = `override ${override.jurisdiction} ${override.year}`;
      const problems: string[] = [];
      if (override.jurisdiction !== jurisdiction) problems.push(`is for ${override.jurisdiction}, not ${jurisdiction}`);
      if (override.parent !== this.jurisdiction) {
        problems.push(`parent is ${override.parent}, but applied on ${this.jurisdiction}`);
      }
      if (seenYears.has(override.year)) problems.push(`a second override for ${jurisdiction} in ${override.year}`);
      seenYears.add(override.year);
      const parentDays = this.years.get(override.year);
      if (!parentDays) problems.push(`parent ${this.jurisdiction} has no data for ${override.year}`);
      if (problems.length > 0 || !parentDays) throw new CalendarDataError(origin, problems);
      years.set(override.year, applyOverride(parentDays, override, this.jurisdiction, origin));
      layers.push({ jurisdiction, year: override.year, source: override.source });
    }
    return new WorkingCalendar(jurisdiction, [...this.lineage, jurisdiction], years, layers, this.options);
  }

  // ---------------------------------------------------------------- coverage

  coverage(): CalendarCoverage {
    return {
      jurisdiction: this.jurisdiction,
      lineage: this.lineage,
      timeZone: this.timeZone.id,
      fallback: this.fallback,
      loadedYears: this.loadedYears(),
      sources: this.layers.map((l) => ({ ...l })),
    };
  }

  isYearLoaded(year: number): boolean {
    return this.years.has(year);
  }

  /** True when answers about `year` come from the weekends-only fallback rather than data. */
  usesFallbackFor(year: number): boolean {
    return this.fallback === 'weekends-only' && !this.years.has(year);
  }

  // ---------------------------------------------------------------- days

  dayInfo(date: LocalDateLike): DayInfo {
    const d = LocalDate.from(date);
    const days = this.years.get(d.year);
    if (!days && this.fallback !== 'weekends-only') {
      throw new CalendarYearNotLoadedError(d.year, this.jurisdiction, this.loadedYears());
    }
    const special = days?.get(d.epochDay);
    const type = special?.type ?? (d.isWeekend ? DayType.WEEKEND : DayType.WORKDAY);
    return {
      date: d,
      type,
      isWorkingDay: isWorkingDayType(type),
      ...(special?.name !== undefined ? { name: special.name } : {}),
      fromFallback: !days,
    };
  }

  dayType(date: LocalDateLike): DayType {
    return this.dayInfo(date).type;
  }

  /** 工作日: WORKDAY or ADJUSTED_WORKDAY. */
  isWorkingDay(date: LocalDateLike): boolean {
    return this.dayInfo(date).isWorkingDay;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDateLike): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDateLike): LocalDate {
    return this.addWorkingDays(date, -1);
  }

  /**
   * The n-th working day strictly after `date` (n > 0), or strictly before it (n < 0);
   * n = 0 returns `date` itself, working day or not. `date` itself is never counted.
   */
  addWorkingDays(date: LocalDateLike, n: number): LocalDate {
    requireInteger(n, 'n');
    const step = n < 0 ? -1 : 1;
    let current = LocalDate.from(date);
    for (let left = Math.abs(n); left > 0; ) {
      current = current.plusDays(step);
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  /** Working days in the half-open date range [from, to); negative when `to` is before `from`. */
  workingDaysInRange(from: LocalDateLike, to: LocalDateLike): number {
    const start = LocalDate.from(from);
    const end = LocalDate.from(to);
    if (end.isBefore(start)) return -this.workingDaysInRange(end, start);
    let count = 0;
    for (let d = start; d.isBefore(end); d = d.plusDays(1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }

  // ---------------------------------------------------------------- instants <-> local dates

  /** The local date (in this calendar's zone) of an instant. */
  localDateOf(instant: Date): LocalDate {
    return this.timeZone.localDateOf(requireInstant(instant));
  }

  /** 00:00 local of the date, as an instant. */
  startOfDay(date: LocalDateLike): Date {
    return this.timeZone.startOfDay(LocalDate.from(date));
  }

  /**
   * The instant a limit ending on `date` is due: the end of that local day, expressed as the
   * exclusive instant 00:00 local of the next day (2026-10-09 -> 2026-10-10T00:00+08:00).
   */
  dueAtEndOfDay(date: LocalDateLike): Date {
    return this.startOfDay(LocalDate.from(date).plusDays(1));
  }

  // ---------------------------------------------------------------- working-day time limits

  /**
   * When the clock of a working-day limit starts: 00:00 local of the first working day after
   * the trigger's local date (the trigger day itself is never counted, even if the trigger
   * happens at 00:00 or on a working day).
   */
  clockStart(trigger: Date): Date {
    return this.startOfDay(this.addWorkingDays(this.localDateOf(trigger), 1));
  }

  /**
   * Due instant of a limit of n working days triggered at `trigger`: the end of the n-th
   * working day after the trigger's date, i.e. 00:00 local of the calendar day after it
   * (exclusive). n = 0 gives clockStart(trigger).
   */
  deadlineWorkingDays(trigger: Date, n: number): Date {
    requireNonNegativeInteger(n, 'n');
    if (n === 0) return this.clockStart(trigger);
    return this.dueAtEndOfDay(this.addWorkingDays(this.localDateOf(trigger), n));
  }

  /**
   * Number of working days that BEGIN (00:00 local) in the half-open interval [a, b).
   * From a clock start to a due instant it gives back exactly the limit; a partial day at
   * either end is not counted, a day starting exactly at `a` is. Negative when b < a.
   */
  workingDaysBetween(a: Date, b: Date): number {
    requireInstant(a, 'a');
    requireInstant(b, 'b');
    if (b.getTime() < a.getTime()) return -this.workingDaysBetween(b, a);
    return this.workingDaysInRange(this.firstDayStartingAtOrAfter(a), this.firstDayStartingAtOrAfter(b));
  }

  // ---------------------------------------------------------------- natural days and hours

  /** Same local wall-clock time, n calendar days later (n may be negative). Ignores holidays. */
  addNaturalDays(instant: Date, n: number): Date {
    requireInteger(n, 'n');
    const zone = this.timeZone;
    const offsetMs = (ms: number) => zone.offsetMinutesAt(new Date(ms)) * MS_PER_MINUTE;
    const date = this.localDateOf(instant);
    const wallTimeOfDay = instant.getTime() + offsetMs(instant.getTime()) - date.epochDay * MS_PER_DAY;
    const targetWall = date.plusDays(n).epochDay * MS_PER_DAY + wallTimeOfDay;
    // Two passes resolve the offset at the target (they differ only across a DST change).
    const guess = targetWall - offsetMs(targetWall);
    return new Date(targetWall - offsetMs(guess));
  }

  /** Elapsed time: exactly n hours later (n may be negative). Ignores days and holidays. */
  addHours(instant: Date, n: number): Date {
    requireInteger(n, 'n');
    return new Date(requireInstant(instant).getTime() + n * MS_PER_HOUR);
  }

  /**
   * Due instant of a limit of n natural days (自然日): the clock starts on the day after the
   * trigger's date, due at the end of the n-th calendar day (exclusive 00:00 of the next day).
   * With rollToWorkingDay, a last day that is not a working day moves to the next working day.
   */
  deadlineNaturalDays(trigger: Date, n: number, options: { rollToWorkingDay?: boolean } = {}): Date {
    requireNonNegativeInteger(n, 'n');
    let last = this.localDateOf(trigger).plusDays(n);
    if (options.rollToWorkingDay && n > 0 && !this.isWorkingDay(last)) last = this.nextWorkingDay(last);
    return this.dueAtEndOfDay(last);
  }

  // ---------------------------------------------------------------- internals

  private loadedYears(): number[] {
    return [...this.years.keys()].sort((x, y) => x - y);
  }

  private firstDayStartingAtOrAfter(instant: Date): LocalDate {
    const date = this.localDateOf(instant);
    return this.startOfDay(date).getTime() < instant.getTime() ? date.plusDays(1) : date;
  }
}

function toCalendarYear(raw: unknown, origin: string): CalendarYear {
  return isCalendarYear(raw) ? raw : parseYearData(raw, origin);
}

function isCalendarYear(raw: unknown): raw is CalendarYear {
  return typeof raw === 'object' && raw !== null && (raw as Partial<CalendarYear>).specialDays instanceof Map;
}

function toOverride(raw: unknown, origin: string): JurisdictionOverride {
  const o = raw as Partial<JurisdictionOverride> | null;
  const parsed = typeof o === 'object' && o !== null && Array.isArray(o.remove) && Array.isArray(o.add);
  return parsed ? (raw as JurisdictionOverride) : parseJurisdictionOverride(raw, origin);
}

/**
 * Applies removals, then additions, on a copy of the parent's special days. A removal must
 * name a special day the parent has with that type; an addition must land on a plain day.
 */
function applyOverride(
  parentDays: ReadonlyMap<number, SpecialDay>,
  override: JurisdictionOverride,
  parent: string,
  origin: string,
): Map<number, SpecialDay> {
  const days = new Map(parentDays);
  const problems: string[] = [];
  for (const { date, type } of override.remove) {
    const existing = days.get(date.epochDay);
    if (existing?.type !== type) {
      problems.push(`cannot remove ${type} ${date}: in ${parent} it is ${existing?.type ?? 'a plain day'}`);
    } else {
      days.delete(date.epochDay);
    }
  }
  for (const day of override.add) {
    const existing = days.get(day.date.epochDay);
    if (existing) {
      problems.push(`cannot add ${day.type} ${day.date}: in ${parent} it is already ${existing.type} (remove it first)`);
    } else {
      days.set(day.date.epochDay, day);
    }
  }
  if (problems.length > 0) throw new CalendarDataError(origin, problems);
  return days;
}

function requireInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new CalendarArgumentError(`${name} must be an integer, got ${n}`);
}

function requireNonNegativeInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CalendarArgumentError(`${name} must be an integer >= 0, got ${n}`);
  }
}

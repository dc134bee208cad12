import {
  CalendarYear,
  isJurisdictionCode,
  JurisdictionOverride,
  parseJurisdictionOverride,
  parseYearData,
} from './calendar-data';
import { CN_BUNDLED_YEARS } from './bundled-data';
import { CalendarArgumentError, CalendarDataError, UnknownJurisdictionError } from './errors';
import { CalendarCoverage, WorkingCalendar, WorkingCalendarOptions } from './working-calendar';

/**
 * Holds the calendar data of every jurisdiction and hands out the WorkingCalendar of a
 * jurisdiction code. The one mutable piece of the library: years and overrides can be
 * registered at runtime (e.g. when next year's notice is published); calendars already handed
 * out are immutable snapshots and do not change, so ask again after registering.
 *
 * Codes are hierarchical ('CN' > 'CN-44' > 'CN-44-01'). A root jurisdiction has year files;
 * a sub-jurisdiction has override files naming their parent. calendarFor() walks up to the
 * nearest registered code: with no Guangzhou override, 'CN-44-01' gets the national calendar.
 */
export class CalendarRegistry {
  private readonly roots = new Map<string, CalendarYear[]>();
  private readonly overrides = new Map<string, JurisdictionOverride[]>();
  private readonly cache = new Map<string, WorkingCalendar>();

  constructor(private readonly options: Omit<WorkingCalendarOptions, 'jurisdiction'> = {}) {}

  /** A registry with the data shipped in libs/shared/calendar/data (mainland China, 'CN'). */
  static withBundledData(options: Omit<WorkingCalendarOptions, 'jurisdiction'> = {}): CalendarRegistry {
    const registry = new CalendarRegistry(options);
    CN_BUNDLED_YEARS.forEach((year, i) => registry.registerYear(year, `bundled CN data [${i}]`));
    return registry;
  }

  /** Adds one year of a root jurisdiction (validated now; throws CalendarDataError). */
  registerYear(raw: unknown, origin = 'registered year'): this {
    const year = parseYearData(raw, origin);
    if (this.overrides.has(year.jurisdiction)) {
      throw new CalendarDataError(origin, [`${year.jurisdiction} is registered as an override jurisdiction`]);
    }
    const years = this.roots.get(year.jurisdiction) ?? [];
    if (years.some((y) => y.year === year.year)) {
      throw new CalendarDataError(origin, [`year ${year.year} is already registered for ${year.jurisdiction}`]);
    }
    return this.commit(() => this.roots.set(year.jurisdiction, [...years, year]));
  }

  /**
   * Adds one override file of a sub-jurisdiction. Its parent (root or override) must be
   * registered, with data for the override's year; checked now, so bad data fails here.
   */
  registerOverride(raw: unknown, origin = 'registered override'): this {
    const override = parseJurisdictionOverride(raw, origin);
    if (this.roots.has(override.jurisdiction)) {
      throw new CalendarDataError(origin, [`${override.jurisdiction} is registered as a root jurisdiction`]);
    }
    if (!this.roots.has(override.parent) && !this.overrides.has(override.parent)) {
      throw new CalendarDataError(origin, [`parent ${override.parent} is not registered`]);
    }
    const existing = this.overrides.get(override.jurisdiction) ?? [];
    if (existing.length > 0 && existing[0].parent !== override.parent) {
      throw new CalendarDataError(origin, [
        `${override.jurisdiction} already has parent ${existing[0].parent}, not ${override.parent}`,
      ]);
    }
    return this.commit(() => this.overrides.set(override.jurisdiction, [...existing, override]), override.jurisdiction);
  }

  /** The calendar of a jurisdiction, or of its nearest registered ancestor. */
  calendarFor(jurisdiction: string): WorkingCalendar {
    if (!isJurisdictionCode(jurisdiction)) {
      throw new CalendarArgumentError(`Not a jurisdiction code: ${JSON.stringify(jurisdiction)}`);
    }
    for (let code: string | undefined = jurisdiction; code !== undefined; code = parentCode(code)) {
      if (this.roots.has(code) || this.overrides.has(code)) return this.build(code);
    }
    throw new UnknownJurisdictionError(jurisdiction);
  }

  /** Registered jurisdiction codes, sorted. */
  jurisdictions(): string[] {
    return [...this.roots.keys(), ...this.overrides.keys()].sort();
  }

  /** Coverage of every registered jurisdiction, for a readiness check. */
  coverage(): CalendarCoverage[] {
    return this.jurisdictions().map((code) => this.build(code).coverage());
  }

  private build(code: string): WorkingCalendar {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const overrides = this.overrides.get(code);
    const calendar = overrides
      ? this.build(overrides[0].parent).withOverrides(code, overrides)
      : WorkingCalendar.fromYears(this.roots.get(code) ?? [], { ...this.options, jurisdiction: code });
    this.cache.set(code, calendar);
    return calendar;
  }

  /** Applies a change, then rebuilds `check` (if given) so bad data is refused and rolled back. */
  private commit(change: () => void, check?: string): this {
    const roots = new Map(this.roots);
    const overrides = new Map(this.overrides);
    change();
    this.cache.clear();
    try {
      if (check) this.build(check);
      // A new root year must not break overrides that already sit on top of it.
      for (const code of this.overrides.keys()) this.build(code);
    } catch (error) {
      this.restore(roots, overrides);
      throw error;
    }
    return this;
  }

  private restore(roots: Map<string, CalendarYear[]>, overrides: Map<string, JurisdictionOverride[]>): void {
    this.roots.clear();
    roots.forEach((v, k) => this.roots.set(k, v));
    this.overrides.clear();
    overrides.forEach((v, k) => this.overrides.set(k, v));
    this.cache.clear();
  }
}

/** 'CN-44-01' -> 'CN-44' -> 'CN' -> undefined. */
function parentCode(code: string): string | undefined {
  const cut = code.lastIndexOf('-');
  return cut < 0 ? undefined : code.slice(0, cut);
}

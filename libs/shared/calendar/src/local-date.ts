import { CalendarArgumentError } from './errors';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date without time or zone, written 'YYYY-MM-DD'. Either form is accepted by the API. */
export type LocalDateLike = LocalDate | string;

/**
 * A calendar date ("local date") with no time of day and no time zone, e.g. 2026-10-01.
 * Immutable; compare with `equals`/`compareTo` or by `epochDay`. Only years 0001–9999.
 */
export class LocalDate {
  /** Days since 1970-01-01 (may be negative). The only state; everything else derives from it. */
  readonly epochDay: number;

  private constructor(epochDay: number) {
    this.epochDay = epochDay;
  }

  /** Parses a strict 'YYYY-MM-DD' string; throws CalendarArgumentError on anything else (e.g. 2026-02-29). */
  static parse(iso: string): LocalDate {
    const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
    if (!match) {
      throw new CalendarArgumentError(`Not an ISO local date 'YYYY-MM-DD': ${JSON.stringify(iso)}`);
    }
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  /** Builds a date from its parts (month 1–12); throws CalendarArgumentError if the date does not exist. */
  static of(year: number, month: number, day: number): LocalDate {
    const valid =
      Number.isInteger(year) &&
      Number.isInteger(month) &&
      Number.isInteger(day) &&
      year >= 1 &&
      year <= 9999 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month);
    if (!valid) {
      throw new CalendarArgumentError(`No such date: year ${year}, month ${month}, day ${day}`);
    }
    return new LocalDate(Math.round(utcMs(year, month, day) / MS_PER_DAY));
  }

  /** The date with the given number of days since 1970-01-01. */
  static ofEpochDay(epochDay: number): LocalDate {
    if (!Number.isSafeInteger(epochDay)) {
      throw new CalendarArgumentError(`Epoch day must be an integer: ${epochDay}`);
    }
    return new LocalDate(epochDay);
  }

  /** Accepts a LocalDate or an ISO string. */
  static from(value: LocalDateLike): LocalDate {
    return value instanceof LocalDate ? value : LocalDate.parse(value);
  }

  /** True for a strict, existing 'YYYY-MM-DD' date. */
  static isValidIso(value: unknown): value is string {
    if (typeof value !== 'string') return false;
    try {
      LocalDate.parse(value);
      return true;
    } catch {
      return false;
    }
  }

  private get utc(): Date {
    return new Date(this.epochDay * MS_PER_DAY);
  }

  get year(): number {
    return this.utc.getUTCFullYear();
  }

  /** 1 = January ... 12 = December. */
  get month(): number {
    return this.utc.getUTCMonth() + 1;
  }

  get day(): number {
    return this.utc.getUTCDate();
  }

  /** ISO day of week: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
  get weekday(): IsoWeekday {
    return ((((((this.epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday);
  }

  /** Saturday or Sunday. */
  get isWeekend(): boolean {
    return this.weekday >= 6;
  }

  plusDays(days: number): LocalDate {
    if (!Number.isSafeInteger(days)) {
      throw new CalendarArgumentError(`Days must be an integer: ${days}`);
    }
    return new LocalDate(this.epochDay + days);
  }

  /** Number of days from this date to `other` (positive when `other` is later). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  compareTo(other: LocalDate): number {
    return this.epochDay - other.epochDay;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  isBefore(other: LocalDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: LocalDate): boolean {
    return this.epochDay > other.epochDay;
  }

  /** 'YYYY-MM-DD'. */
  toString(): string {
    return this.utc.toISOString().slice(0, 10);
  }

  toJSON(): string {
    return this.toString();
  }
}

function utcMs(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

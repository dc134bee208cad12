import { CalendarArgumentError } from './errors';
import { LocalDate } from './local-date';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The default zone of every calendar: mainland China, UTC+8 all year. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Maps instants (JS `Date`) to local dates and back. All working-day arithmetic happens on
 * local dates; a time zone is only needed at the edges (which day is this instant? when does
 * this day begin?).
 */
export interface TimeZone {
  /** 'Asia/Shanghai', 'UTC', '+05:30', ... */
  readonly id: string;
  /** Offset from UTC in minutes at the instant (+480 for UTC+8). */
  offsetMinutesAt(instant: Date): number;
  /** The local calendar date of the instant. */
  localDateOf(instant: Date): LocalDate;
  /** The first instant of the local date (normally 00:00 local). */
  startOfDay(date: LocalDate): Date;
}

/**
 * Zones with a constant offset. Asia/Shanghai is one of them: China has observed UTC+8 without
 * daylight saving time since 1992 (the 1986–1991 DST period is out of scope for legal time limits
 * computed today), so we do not depend on the tz database for the default zone at all.
 */
const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480,
  PRC: 480,
  UTC: 0,
  'Etc/UTC': 0,
};

const OFFSET_ID = /^([+-])(\d{2}):(\d{2})$/;

/** A zone whose offset never changes. Pure arithmetic, no tz database involved. */
export class FixedOffsetTimeZone implements TimeZone {
  constructor(
    readonly id: string,
    readonly offsetMinutes: number,
  ) {
    if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
      throw new CalendarArgumentError(`Invalid UTC offset for ${id}: ${offsetMinutes} minutes`);
    }
  }

  offsetMinutesAt(_instant: Date): number {
    return this.offsetMinutes;
  }

  localDateOf(instant: Date): LocalDate {
    const ms = requireInstant(instant).getTime() + this.offsetMinutes * MS_PER_MINUTE;
    return LocalDate.ofEpochDay(Math.floor(ms / MS_PER_DAY));
  }

  startOfDay(date: LocalDate): Date {
    return new Date(date.epochDay * MS_PER_DAY - this.offsetMinutes * MS_PER_MINUTE);
  }
}

/**
 * Any IANA zone, through the runtime's Intl tz data (deterministic for a given Node/ICU build).
 * Handles daylight saving time, including days whose midnight does not exist (the day then
 * starts at the transition, e.g. 01:00).
 */
export class IntlTimeZone implements TimeZone {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly id: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CalendarArgumentError(`Unknown time zone: ${id}`);
    }
  }

  offsetMinutesAt(instant: Date): number {
    const ms = requireInstant(instant).getTime();
    const wholeSecond = Math.floor(ms / 1000) * 1000;
    return Math.round((this.wallClockMs(wholeSecond) - wholeSecond) / MS_PER_MINUTE);
  }

  localDateOf(instant: Date): LocalDate {
    const ms = requireInstant(instant).getTime();
    return LocalDate.ofEpochDay(Math.floor(this.wallClockMs(ms) / MS_PER_DAY));
  }

  startOfDay(date: LocalDate): Date {
    const wallMidnight = date.epochDay * MS_PER_DAY;
    // Two passes find 00:00 local on ordinary and DST-change days.
    let guess = wallMidnight - this.offsetMinutesAt(new Date(wallMidnight)) * MS_PER_MINUTE;
    guess = wallMidnight - this.offsetMinutesAt(new Date(guess)) * MS_PER_MINUTE;
    if (this.isFirstInstantOf(guess, date)) return new Date(guess);
    // Midnight does not exist that day (DST gap at 00:00): binary search, by minute, for the
    // first instant whose local date is `date`. Offsets never exceed ±18 h.
    let low = wallMidnight - 19 * 60 * MS_PER_MINUTE; // local date < date
    let high = wallMidnight + 19 * 60 * MS_PER_MINUTE; // local date >= date
    while (high - low > MS_PER_MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (this.localDateOf(new Date(mid)).epochDay >= date.epochDay) high = mid;
      else low = mid;
    }
    return new Date(high);
  }

  private isFirstInstantOf(ms: number, date: LocalDate): boolean {
    return (
      this.localDateOf(new Date(ms)).epochDay === date.epochDay &&
      this.localDateOf(new Date(ms - 1)).epochDay < date.epochDay
    );
  }

  /** The local wall-clock time of the instant, expressed as if it were UTC milliseconds. */
  private wallClockMs(ms: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(ms))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = new Date(0);
    wall.setUTCFullYear(parts['year'], parts['month'] - 1, parts['day']);
    wall.setUTCHours(parts['hour'], parts['minute'], parts['second'], ((ms % 1000) + 1000) % 1000);
    return wall.getTime();
  }
}

/**
 * Resolves a zone id: known fixed-offset zones (Asia/Shanghai, UTC) and '+HH:MM' offsets are
 * computed arithmetically; any other IANA id goes through Intl. Throws on an unknown id.
 */
export function timeZoneOf(zone: string | TimeZone = DEFAULT_TIME_ZONE): TimeZone {
  if (typeof zone !== 'string') return zone;
  const fixed = FIXED_OFFSET_ZONES[zone];
  if (fixed !== undefined) return new FixedOffsetTimeZone(zone, fixed);
  const offset = OFFSET_ID.exec(zone);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    return new FixedOffsetTimeZone(zone, offset[1] === '-' ? -minutes : minutes);
  }
  return new IntlTimeZone(zone);
}

/** Throws CalendarArgumentError unless the value is a valid `Date`. */
export function requireInstant(instant: Date, name = 'instant'): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new CalendarArgumentError(`${name} must be a valid Date, got ${String(instant)}`);
  }
  return instant;
}
